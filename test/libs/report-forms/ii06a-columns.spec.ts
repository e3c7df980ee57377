import { II06A_COLUMNS } from '@onedoor/report-forms';
import { viReports } from '../../../apps/modeler/src/reports/vi-reports.js';

const figures = {
  received: { total: 14, online: 5, directOrPostal: 7, carriedOver: 2 },
  resolved: { total: 6, early: 1, onTime: 3, late: 2 },
  inProgress: { total: 5, withinTime: 4, overdue: 1 },
  waitingForSupplement: 1,
  withdrawn: 1,
  stopped: 1,
};

/** Form II.06a's columns, printed by the engine (CSV, XLSX) and the reports page from one list. */
describe('the II.06a columns', () => {
  it('given the figures of a row, then the columns read them in the order of the printed form', () => {
    expect(II06A_COLUMNS.map((c) => c.value(figures))).toEqual([14, 5, 7, 2, 6, 1, 3, 2, 5, 4, 1, 1, 1, 1]);
  });

  it('given every received dossier, then it is in exactly one of the resolved, in progress, waiting, withdrawn or stopped columns', () => {
    const byId = new Map(II06A_COLUMNS.map((c) => [c.id, c.value(figures)]));
    const parts = ['resolved-total', 'progress-total', 'waiting', 'withdrawn', 'stopped'].map((id) => byId.get(id)!);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(byId.get('received-total'));
  });

  it('given the page translates the English headings, then its Vietnamese is the form’s own', () => {
    for (const column of II06A_COLUMNS) {
      expect(viReports[column.group.en]).toBe(column.group.vi);
      expect(viReports[column.heading.en]).toBe(column.heading.vi);
    }
  });

  it('given the ids, then each names one column', () => {
    expect(new Set(II06A_COLUMNS.map((c) => c.id)).size).toBe(II06A_COLUMNS.length);
  });
});
