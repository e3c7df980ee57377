import { II06A_COLUMNS } from '@onedoor/report-forms';

// The figure columns are the form's, shared with the engine's CSV and XLSX; their `en` headings are i18n keys here.
export { II06A_COLUMNS };

/** Consecutive columns sharing a group, for the first heading row's colspans. */
export function columnGroups(): { group: string; span: number }[] {
  const groups: { group: string; span: number }[] = [];
  for (const column of II06A_COLUMNS) {
    const last = groups[groups.length - 1];
    if (last && last.group === column.group.en) last.span += 1;
    else groups.push({ group: column.group.en, span: 1 });
  }
  return groups;
}
