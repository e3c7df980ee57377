/**
 * The roles of docs/bpmn.md with the English labels the translate table turns Vietnamese: the
 * explained label for the properties panel, the short one for the narrow step-table column.
 */
export const OD_ROLES: readonly { code: string; label: string; shortLabel: string }[] = [
  { code: 'reception', label: 'One-stop desk officer (receives, returns results)', shortLabel: 'One-stop desk officer' },
  { code: 'specialist', label: 'Specialist (examines the dossier)', shortLabel: 'Specialist' },
  { code: 'head', label: 'Head of division (assigns, reviews)', shortLabel: 'Head of division' },
  { code: 'leader', label: 'Agency leader (approves, signs)', shortLabel: 'Agency leader' },
  { code: 'clerk', label: 'Clerk (registers, stamps, dispatches)', shortLabel: 'Clerk' },
];
