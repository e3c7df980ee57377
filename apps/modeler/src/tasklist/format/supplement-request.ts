import type { Dossier } from '@onedoor/contract';

/** What the open supplement request (form 02) asked for, from the dossier's events; null when not waiting. */
export function openSupplementRequest(dossier: Dossier): { missing: string[]; note: string | null } | null {
  if (!dossier.waitingSince) return null;
  const event = [...(dossier.events ?? [])].reverse().find((e) => e.kind === 'supplement_requested');
  const data = event?.data ?? {};
  return { missing: Array.isArray(data.missing) ? data.missing.map(String) : [], note: typeof data.note === 'string' ? data.note : null };
}
