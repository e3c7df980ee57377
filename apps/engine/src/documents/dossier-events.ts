import type { DossierEvent } from './document-data.js';

/**
 * Reading the dossier's event log for a form: the latest event of a kind, its ordinal among
 * events of that kind (the second apology is letter no. 2), and its payload read defensively —
 * jsonb written by older versions may lack a field, and a form must still print.
 */
export interface FormEvent {
  event: DossierEvent;
  ordinal: number;
  text(key: string): string | null;
  date(key: string): Date | null;
  list(key: string): string[];
}

export function latestEvent(events: readonly DossierEvent[], kind: string): FormEvent | undefined {
  const ofKind = events.filter((e) => e.kind === kind);
  const event = ofKind.at(-1);
  if (!event) return undefined;
  const data = event.data ?? {};
  return {
    event,
    ordinal: ofKind.length,
    text: (key) => (typeof data[key] === 'string' && (data[key] as string).trim() !== '' ? (data[key] as string) : null),
    date: (key) => {
      const value = data[key];
      if (typeof value !== 'string' && typeof value !== 'number') return null;
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? null : date;
    },
    list: (key) => (Array.isArray(data[key]) ? (data[key] as unknown[]).filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []),
  };
}

/** "Số: <code>/<suffix>", with "-n" from the second document of a kind on. */
export function documentNumber(code: string, suffix: string, ordinal = 1): string {
  return `${code}/${suffix}${ordinal > 1 ? `-${ordinal}` : ''}`;
}
