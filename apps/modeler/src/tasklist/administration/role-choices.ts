/**
 * The roles an administrator gives: the system roles of API.md (what pages and calls a user may
 * use) and the step roles of BPMN.md (which steps of a procedure land in their inbox). English
 * labels, translated where shown; a role code the table does not know is shown as its code.
 */
export const ROLE_CHOICES: readonly { code: string; label: string; kind: 'system' | 'step' }[] = [
  { code: 'admin', label: 'Administrator', kind: 'system' },
  { code: 'designer', label: 'Procedure designer', kind: 'system' },
  { code: 'manager', label: 'Manager (reports, comparisons)', kind: 'system' },
  { code: 'leader', label: 'Leader (approves, signs)', kind: 'system' },
  { code: 'officer', label: 'Officer', kind: 'system' },
  { code: 'reception', label: 'One-stop desk officer', kind: 'step' },
  { code: 'specialist', label: 'Specialist', kind: 'step' },
  { code: 'head', label: 'Head of division', kind: 'step' },
  { code: 'clerk', label: 'Clerk', kind: 'step' },
];

export function roleLabel(code: string): string | undefined {
  return ROLE_CHOICES.find((r) => r.code === code)?.label;
}
