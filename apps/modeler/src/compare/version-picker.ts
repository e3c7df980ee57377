import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import type { DefinitionSummary } from '@onedoor/contract';

export interface VersionChoice {
  key: string;
  baseId: string;
  candidateId: string;
}

/** What the page was opened with: `?base=&candidate=` (definition ids) or `?key=`. */
export interface InitialChoice {
  key?: string | null;
  baseId?: string | null;
  candidateId?: string | null;
}

/**
 * Procedure, then the two versions to compare. Picking a procedure resets to the usual
 * question, "first version against the latest"; the versions can then be changed freely.
 */
export function createVersionPicker(
  definitions: DefinitionSummary[],
  initial: InitialChoice,
  onChange: (choice: VersionChoice) => void,
): { element: HTMLElement; choice: VersionChoice | null } {
  const t = i18n.t;
  const byKey = groupByKey(definitions);
  const keys = [...byKey.keys()].sort((a, b) => procedureLabel(byKey.get(a)!).localeCompare(procedureLabel(byKey.get(b)!), 'vi'));
  const idKey = (id?: string | null) => definitions.find((d) => d.id === id)?.key;
  const startKey =
    [idKey(initial.baseId), idKey(initial.candidateId), initial.key].find((key): key is string => !!key && byKey.has(key)) ??
    keys.find((key) => byKey.get(key)!.length > 1) ??
    keys[0];

  const procedure = h(
    'select',
    { name: 'procedure', 'data-testid': 'procedure' },
    keys.map((key) => h('option', { value: key }, procedureLabel(byKey.get(key)!))),
  );
  const base = h('select', { name: 'base', 'data-testid': 'base-version' });
  const candidate = h('select', { name: 'candidate', 'data-testid': 'candidate-version' });

  const fillVersions = (key: string, baseId?: string | null, candidateId?: string | null) => {
    const versions = byKey.get(key) ?? [];
    const options = () => versions.map((d) => h('option', { value: d.id }, t('version {version}', { version: d.version })));
    base.replaceChildren(...options());
    candidate.replaceChildren(...options());
    base.value = versions.some((d) => d.id === baseId) ? baseId! : versions[0]?.id ?? '';
    candidate.value = versions.some((d) => d.id === candidateId) ? candidateId! : versions[versions.length - 1]?.id ?? '';
  };
  const current = (): VersionChoice | null => (procedure.value && base.value && candidate.value ? { key: procedure.value, baseId: base.value, candidateId: candidate.value } : null);
  const changed = () => {
    const choice = current();
    if (choice) onChange(choice);
  };

  if (startKey) {
    procedure.value = startKey;
    fillVersions(startKey, initial.baseId, initial.candidateId);
  }
  procedure.addEventListener('change', () => {
    fillVersions(procedure.value);
    changed();
  });
  base.addEventListener('change', changed);
  candidate.addEventListener('change', changed);

  const element = h(
    'form',
    { className: 'od-picker', onsubmit: (event: Event) => event.preventDefault() },
    h('label', { className: 'od-picker-procedure' }, t('Procedure'), procedure),
    h('label', {}, t('Before'), base),
    h('span', { className: 'od-picker-arrow', 'aria-hidden': 'true' }, '→'),
    h('label', {}, t('After'), candidate),
  );
  return { element, choice: current() };
}

function groupByKey(definitions: DefinitionSummary[]): Map<string, DefinitionSummary[]> {
  const byKey = new Map<string, DefinitionSummary[]>();
  for (const definition of definitions) byKey.set(definition.key, [...(byKey.get(definition.key) ?? []), definition]);
  for (const versions of byKey.values()) versions.sort((a, b) => a.version - b.version);
  return byKey;
}

/** "1.001806 — Quyết định công nhận…" as the agencies name procedures; the key when there is no code. */
function procedureLabel(versions: DefinitionSummary[]): string {
  const latest = versions[versions.length - 1];
  const name = latest.name || latest.key;
  return latest.procedureCode ? `${latest.procedureCode} — ${name}` : name;
}
