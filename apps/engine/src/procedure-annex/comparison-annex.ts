import { durationText, stepTime, type AnnexTable } from './annex-table.js';

/**
 * The annex a simplification decision publishes: the procedure before and after, step by step,
 * with what changed. Steps are matched by element id (simplification keeps the ids of the steps it
 * keeps), so a step missing after is "cut", one missing before is "added".
 */
export interface ComparisonAnnexRow {
  /** Step number before and after; null where the step doesn't exist on that side. */
  before: number | null;
  after: number | null;
  elementId: string;
  content: string;
  unit: string;
  timeBefore: string;
  timeAfter: string;
  change: 'cut' | 'shortened' | 'lengthened' | 'unchanged' | 'added';
  /** "Cắt giảm bước", "Giảm 0,5 ngày làm việc", "Giữ nguyên", "Bổ sung bước". */
  changeText: string;
}

export interface ComparisonAnnex {
  before: AnnexTable;
  after: AnnexTable;
  rows: ComparisonAnnexRow[];
  stepsCut: number;
  daysSaved: number;
  /** Share of the time before that is saved, in percent with one decimal. */
  percentSaved: number;
  summary: string;
}

export function buildComparisonAnnex(before: AnnexTable, after: AnnexTable): ComparisonAnnex {
  const afterById = new Map(after.rows.map((r) => [r.elementId, r]));
  const beforeIds = new Set(before.rows.map((r) => r.elementId));
  const rows: ComparisonAnnexRow[] = [];
  for (const b of before.rows) {
    const a = afterById.get(b.elementId);
    if (!a) {
      rows.push({ before: b.number, after: null, elementId: b.elementId, content: b.content, unit: b.unit, timeBefore: b.time, timeAfter: '', change: 'cut', changeText: 'Cắt giảm bước' });
      continue;
    }
    const daysBefore = b.counted ? (b.allowanceDays ?? 0) : 0;
    const daysAfter = a.counted ? (a.allowanceDays ?? 0) : 0;
    const delta = Math.round((daysAfter - daysBefore) * 1e6) / 1e6;
    const change = delta < 0 ? 'shortened' : delta > 0 ? 'lengthened' : 'unchanged';
    const changeText = change === 'shortened' ? `Giảm ${durationText(-delta)}` : change === 'lengthened' ? `Tăng ${durationText(delta)}` : 'Giữ nguyên';
    rows.push({ before: b.number, after: a.number, elementId: b.elementId, content: a.content, unit: a.unit, timeBefore: b.time, timeAfter: stepTime(a.allowanceDays, a.counted), change, changeText });
  }
  // A step the new version adds goes after the step it follows in the new order.
  for (const a of after.rows) {
    if (beforeIds.has(a.elementId)) continue;
    const added: ComparisonAnnexRow = { before: null, after: a.number, elementId: a.elementId, content: a.content, unit: a.unit, timeBefore: '', timeAfter: a.time, change: 'added', changeText: 'Bổ sung bước' };
    const previous = after.rows[a.number - 2];
    const at = previous ? rows.findIndex((r) => r.elementId === previous.elementId) : -1;
    rows.splice(at + 1, 0, added);
  }
  const stepsCut = rows.filter((r) => r.change === 'cut').length;
  const daysSaved = Math.round((before.totalDays - after.totalDays) * 1e6) / 1e6;
  const percentSaved = before.totalDays > 0 ? Math.round((daysSaved / before.totalDays) * 1000) / 10 : 0;
  const summary =
    `Số bước: ${before.rows.length} → ${after.rows.length} (cắt giảm ${stepsCut}); ` +
    `thời gian: ${durationText(before.totalDays)} → ${durationText(after.totalDays)}` +
    (daysSaved > 0 ? ` (giảm ${durationText(daysSaved)}, ${String(percentSaved).replace('.', ',')}%)` : '');
  return { before, after, rows, stepsCut, daysSaved, percentSaved, summary };
}
