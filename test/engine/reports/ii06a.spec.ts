import ExcelJS from 'exceljs';
import { ii06aCsv } from '../../../apps/engine/src/reports/ii06a-csv.js';
import { II06A_SHEET, ii06aXlsx } from '../../../apps/engine/src/reports/ii06a-xlsx.js';
import { ii06aReport } from '../../../apps/engine/src/queries/reports/ii06a.js';
import { parsePeriod } from '../../../apps/engine/src/reports/period.js';
import { Database } from '../../../apps/engine/src/persistence/database.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { DEPARTMENTS, NO_FIELD_Q3, Q3_2026_DOSSIERS, SLD_Q3, SYT_Q3, TOTAL_Q3, YTE_Q3 } from './q3-2026-dossiers.js';
import { parseCsv } from './csv-parse.js';
import { at, seedDossiers } from './seed-dossiers.js';

describe('report II.06a', () => {
  let t: TestDatabase;
  let db: Database;
  const q3 = parsePeriod({ period: '2026-Q3' });

  beforeAll(async () => {
    t = await createTestDatabase();
    db = new Database(t.dataSource);
    for (const d of DEPARTMENTS) await t.dataSource.query(`INSERT INTO department (code, name) VALUES ($1, $2)`, [d.code, d.name]);
    await seedDossiers(t.dataSource, Q3_2026_DOSSIERS);
  });
  afterAll(() => t.close());

  it('given the Q3 2026 dossiers, when grouped by department, then each row and the totals match the hand count', async () => {
    const report = await ii06aReport(db, q3, 'department');
    expect(report.period).toEqual({ from: '2026-06-15', to: '2026-09-14', label: 'Quý III/2026 (15/06/2026 – 14/09/2026)', startsAt: q3.startsAt, endsBefore: q3.endsBefore });
    expect(report.groupBy).toBe('department');
    expect(report.rows).toEqual([
      { key: 'SLD', name: 'Sở Lao động - Thương binh và Xã hội', ...SLD_Q3 },
      { key: 'SYT', name: 'Sở Y tế', ...SYT_Q3 },
    ]);
    expect(report.total).toEqual(TOTAL_Q3);
  });

  it('given the Q3 2026 dossiers, when grouped by field, then a dossier without a field gets its own row, last', async () => {
    const report = await ii06aReport(db, q3, 'field');
    expect(report.rows).toEqual([
      { key: 'Bảo trợ xã hội', name: null, ...SLD_Q3 },
      { key: 'Y tế', name: null, ...YTE_Q3 },
      { key: null, name: null, ...NO_FIELD_Q3 },
    ]);
    expect(report.total).toEqual(TOTAL_Q3);
  });

  it('given any row, then every received dossier is in exactly one of resolved, in progress, waiting, withdrawn, stopped', async () => {
    const report = await ii06aReport(db, q3, 'department');
    for (const f of [...report.rows, report.total]) {
      expect(f.resolved.total + f.inProgress.total + f.waitingForSupplement + f.withdrawn + f.stopped).toBe(f.received.total);
    }
  });

  it('given the next quarter, then the dossiers still open at the end of Q3 are carried over into it', async () => {
    const report = await ii06aReport(db, parsePeriod({ period: '2026-Q4' }), 'department');
    // SYT: open at 15/09 — 07, 09 (finished 15/09), 10, 11, 14 — plus 08 received 15/09. SLD: 02, 04.
    expect(report.total.received).toEqual({ total: 8, online: 1, directOrPostal: 0, carriedOver: 7 });
    expect(report.total.resolved).toEqual({ total: 1, early: 0, onTime: 0, late: 1 }); // SYT-09, due 10/09
  });

  it('given a period without dossiers, then the rows are empty and the totals are zeros', async () => {
    const report = await ii06aReport(db, parsePeriod({ period: '2020-M01' }), 'department');
    expect(report.rows).toEqual([]);
    expect(report.total.received.total).toBe(0);
    expect(report.total.resolved).toEqual({ total: 0, early: 0, onTime: 0, late: 0 });
  });

  it('given the report as CSV, then it starts with a BOM, has Vietnamese headers, one line per row and the totals', async () => {
    const csv = ii06aCsv(await ii06aReport(db, q3, 'department'));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = parseCsv(csv.slice(1));
    expect(lines).toHaveLength(4);
    const header = lines[0];
    expect(header.slice(0, 4)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Số hồ sơ nhận giải quyết - Tổng số', 'Số hồ sơ nhận giải quyết - Trực tuyến']);
    expect(header).toContain('Số hồ sơ đã giải quyết - Quá hạn');
    expect(header).toContain('Số hồ sơ đang giải quyết - Quá hạn');
    expect(header).toContain('Số hồ sơ nhận giải quyết - Trực tiếp, dịch vụ bưu chính'); // quoted: it holds a comma
    expect(header).toHaveLength(16);
    expect(lines[1].join(',')).toBe('SLD,Sở Lao động - Thương binh và Xã hội,6,1,3,2,3,1,2,0,2,1,1,0,0,1');
    expect(lines[2].join(',')).toBe('SYT,Sở Y tế,13,4,8,1,7,2,2,3,4,2,2,1,1,0');
    expect(lines[3].join(',')).toBe('Tổng cộng,,19,5,11,3,10,3,4,3,6,3,3,1,1,1');
  });

  it('given the report as XLSX, when opened with exceljs, then it has the title, headers and the same numbers', async () => {
    const report = await ii06aReport(db, q3, 'department');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await ii06aXlsx(report)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('II.06a')!;
    expect(String(sheet.getCell(II06A_SHEET.titleRow, 1).value)).toContain('II.06a');
    expect(String(sheet.getCell(II06A_SHEET.periodRow, 1).value)).toBe('Kỳ báo cáo: Quý III/2026 (15/06/2026 – 14/09/2026)');
    expect(sheet.getCell(II06A_SHEET.groupRow, 3).value).toBe('Số hồ sơ nhận giải quyết');
    expect(sheet.getCell(II06A_SHEET.groupRow, 7).value).toBe('Số hồ sơ đã giải quyết');
    expect(sheet.getCell(II06A_SHEET.headingRow, 3).value).toBe('Tổng số');
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    const csvLines = parseCsv(ii06aCsv(report).slice(1)).slice(1);
    for (const [i, line] of csvLines.entries()) {
      expect(values(II06A_SHEET.firstDataRow + i).map((v) => String(v ?? ''))).toEqual(line);
    }
    expect(sheet.getCell(II06A_SHEET.headingRow, 5).value).toBe('Trực tiếp, dịch vụ bưu chính');
    expect(values(II06A_SHEET.firstDataRow + 2).slice(2)).toEqual([19, 5, 11, 3, 10, 3, 4, 3, 6, 3, 3, 1, 1, 1]);
  });

  describe('for a period that has not ended yet', () => {
    // Q1 2027 runs 15/12/2026 – 14/03/2027; "now" is 01/02/2027 10:00.
    const q1 = parsePeriod({ period: '2027-Q1' });
    const now = at('2027-02-01T10:00');

    beforeAll(async () => {
      await seedDossiers(t.dataSource, [
        { code: 'TTC-270105-01', agency: 'TTC', channel: 'direct', receivedAt: '2027-01-05T09:00', legalDueAt: '2027-01-19T17:00', status: 4 },
        { code: 'TTC-270125-02', agency: 'TTC', channel: 'direct', receivedAt: '2027-01-25T09:00', legalDueAt: '2027-02-08T17:00', status: 4 },
        { code: 'TTC-270128-03', agency: 'TTC', channel: 'online', receivedAt: '2027-01-28T09:00', legalDueAt: '2027-03-01T17:00', status: 2 },
        { code: 'TTC-270110-04', agency: 'TTC', channel: 'direct', receivedAt: '2027-01-10T09:00', legalDueAt: '2027-01-24T17:00', finishedAt: '2027-01-20T10:00', status: 10 },
      ]);
    });

    it('given dossiers whose deadlines are still ahead, when the report is asked for now, then they are within time and only the passed deadline is overdue', async () => {
      // when
      const report = await ii06aReport(db, q1, 'department', now);

      // then
      expect(report.asOf).toEqual(now);
      const ttc = report.rows.find((r) => r.key === 'TTC')!;
      expect(ttc.received).toEqual({ total: 4, online: 1, directOrPostal: 3, carriedOver: 0 });
      expect(ttc.resolved).toEqual({ total: 1, early: 1, onTime: 0, late: 0 });
      expect(ttc.inProgress).toEqual({ total: 3, withinTime: 2, overdue: 1 });
    });

    it('given the same period asked for after its end, then "overdue" is judged at the end of the period', async () => {
      // when: asked on 20/03/2027, after the period ended on 14/03
      const report = await ii06aReport(db, q1, 'department', at('2027-03-20T10:00'));

      // then: TTC-270128-03 (due 01/03) is overdue as of the period's end as well
      expect(report.asOf).toEqual(q1.endsBefore);
      expect(report.rows.find((r) => r.key === 'TTC')!.inProgress).toEqual({ total: 3, withinTime: 0, overdue: 3 });
    });
  });
});
