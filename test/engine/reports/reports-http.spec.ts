import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { HttpShellModule } from '../../../apps/engine/src/api/http-shell.module.js';
import { REPORT_CONFIG, ReportsModule } from '../../../apps/engine/src/api/reports/index.js';
import { configureHttp, createHttpAdapter } from '../../../apps/engine/src/create-app.js';
import { Engine } from '../../../apps/engine/src/engine.js';
import { AccessTokens } from '../../../apps/engine/src/identity/access-token.js';
import { XLSX_MIME } from '../../../apps/engine/src/reports/ii06a-xlsx.js';
import { DEFAULT_REPORT_CONFIG, type ReportConfig } from '../../../apps/engine/src/reports/report-config.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { parseCsv } from './csv-parse.js';
import { DEPARTMENTS, Q3_2026_DOSSIERS, SYT_Q3, TOTAL_Q3 } from './q3-2026-dossiers.js';
import { at, seedDossiers } from './seed-dossiers.js';

/** The reports module in a Nest app with the real guard, filter and validation pipe; `config` in place of the default. */
async function reportsApp(engine: Engine, tokens: AccessTokens, config?: ReportConfig): Promise<NestFastifyApplication> {
  const builder = Test.createTestingModule({ imports: [HttpShellModule.register({ engine, tokens }), ReportsModule] });
  if (config) builder.overrideProvider(REPORT_CONFIG).useValue(config);
  const module = await builder.compile();
  const app = module.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { logger: false });
  await configureHttp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** Collects a binary body (supertest only buffers text and JSON by itself). */
const binary = (res: unknown, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('reports over HTTP', () => {
  let t: TestDatabase;
  let app: NestFastifyApplication;
  let tokens: AccessTokens;
  const bearer = (roles: string[]) => `Bearer ${tokens.issue({ sub: 'u', username: 'u', fullName: 'U', departmentCode: null, roles })}`;
  let manager: string;
  // After Q3 2026 by default, so its figures are final; one test moves the clock into Q3.
  let now = at('2026-09-20T10:00');

  beforeAll(async () => {
    t = await createTestDatabase();
    for (const d of DEPARTMENTS) await t.dataSource.query(`INSERT INTO department (code, name) VALUES ($1, $2)`, [d.code, d.name]);
    await seedDossiers(t.dataSource, Q3_2026_DOSSIERS);
    const engine = new Engine({ dataSource: t.dataSource, clock: { now: () => now }, nodeId: 'reports-http' });
    tokens = new AccessTokens(Buffer.alloc(32, 7));
    manager = bearer(['manager']);
    app = await reportsApp(engine, tokens);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('given a manager, when GET ii06a for 2026-Q3 by department, then the JSON has the period, rows and total', async () => {
    const res = await request(app.getHttpServer()).get('/api/reports/ii06a?period=2026-Q3&groupBy=department').set('Authorization', manager);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.period).toEqual({ from: '2026-06-15', to: '2026-09-14', label: 'Quý III/2026 (15/06/2026 – 14/09/2026)', startsAt: '2026-06-14T17:00:00.000Z', endsBefore: '2026-09-14T17:00:00.000Z' });
    expect(res.body.groupBy).toBe('department');
    expect(res.body.rows.map((r: { key: string }) => r.key)).toEqual(['SLD', 'SYT']);
    expect(res.body.rows[1]).toEqual({ key: 'SYT', name: 'Sở Y tế', ...SYT_Q3 });
    expect(res.body.total).toEqual(TOTAL_Q3);
  });

  it('given no period, then it reports the quarter containing today (20/08/2026 → Q3)', async () => {
    now = at('2026-08-20T10:00');
    const res = await request(app.getHttpServer()).get('/api/reports/ii06a?groupBy=field').set('Authorization', manager);
    now = at('2026-09-20T10:00');
    expect(res.status).toBe(200);
    expect(res.body.period.from).toBe('2026-06-15');
    expect(res.body.groupBy).toBe('field');
  });

  it('given from/to dates, then the period is those local days inclusive', async () => {
    const res = await request(app.getHttpServer()).get('/api/reports/ii06a?from=2026-09-14&to=2026-09-14').set('Authorization', manager);
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual(expect.objectContaining({ from: '2026-09-14', to: '2026-09-14' }));
    // Received that day: SYT-07 (online, 16:00). SYT-16 finished late at 23:59:59. Open from before: 09, 10, 11, 14 (SYT), 02, 04 (SLD).
    expect(res.body.total.received).toEqual({ total: 8, online: 1, directOrPostal: 0, carriedOver: 7 });
    expect(res.body.total.resolved).toEqual({ total: 1, early: 0, onTime: 0, late: 1 });
  });

  it('given Accept: text/csv, then the body is the CSV with BOM and Vietnamese headers', async () => {
    const res = await request(app.getHttpServer()).get('/api/reports/ii06a?period=2026-Q3').set('Authorization', manager).set('Accept', 'text/csv').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('bao-cao-ii06a-2026-06-15-2026-09-14.csv');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = parseCsv(body.toString('utf8').slice(1));
    expect(lines[0][0]).toBe('Mã đơn vị');
    expect(lines.at(-1)!.join(',')).toBe('Tổng cộng,,19,5,11,3,10,3,4,3,6,3,3,1,1,1');
  });

  it('given format=xlsx (or its Accept type), then the body is a workbook exceljs opens, with the same totals', async () => {
    for (const [query, accept] of [['&format=xlsx', 'application/json'], ['', XLSX_MIME]]) {
      const res = await request(app.getHttpServer()).get(`/api/reports/ii06a?period=2026-Q3${query}`).set('Authorization', manager).set('Accept', accept).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_MIME);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
      const totals = workbook.getWorksheet('II.06a')!.getRow(7).values as unknown[];
      expect(totals.slice(1)).toEqual(['Tổng cộng', '', 19, 5, 11, 3, 10, 3, 4, 3, 6, 3, 3, 1, 1, 1]);
    }
  });

  it('given the dashboard for 2026-Q3, then it answers the indices and the overall score', async () => {
    const res = await request(app.getHttpServer()).get('/api/reports/dashboard?period=2026-Q3').set('Authorization', manager);
    expect(res.status).toBe(200);
    expect(res.body.indices.progress).toEqual({ value: 0.625, numerator: 10, denominator: 16, weight: 20, points: 12.5 });
    expect(res.body.overall.maxPoints).toBe(66);
  });

  it('given the dashboard asked as CSV, then the indices come as a Vietnamese spreadsheet file', async () => {
    const res = await request(app.getHttpServer()).get('/api/reports/dashboard?period=2026-Q3&format=csv').set('Authorization', manager);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="chi-so-766-/);
    expect(res.text).toContain('Tiến độ giải quyết,10,16,62.5,20,12.5');
    expect(res.text).toContain('Số hóa thành phần hồ sơ,0,16,0,8,0');
  });

  it('given an officer or a designer, then 403; without a token, 401', async () => {
    for (const roles of [['officer'], ['designer', 'leader']]) {
      const res = await request(app.getHttpServer()).get('/api/reports/ii06a?period=2026-Q3').set('Authorization', bearer(roles));
      expect(res.status).toBe(403);
    }
    expect((await request(app.getHttpServer()).get('/api/reports/dashboard')).status).toBe(401);
    expect((await request(app.getHttpServer()).get('/api/reports/ii06a').set('Authorization', bearer(['admin']))).status).toBe(200);
  });

  it.each([
    ['period=2026-Q5', 'period'],
    ['from=2026-07-01', 'to'],
    ['period=2026-Q3&groupBy=procedure', 'groupBy'],
    ['period=2026-Q3&format=pdf', 'format'],
    ['period=2026-Q3&extra=1', 'extra'],
  ])('given the bad query %s, then 400 naming %s', async (query, field) => {
    const res = await request(app.getHttpServer()).get(`/api/reports/ii06a?${query}`).set('Authorization', manager);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('given a configured period rule, then the controllers use it', async () => {
    const engine = new Engine({ dataSource: t.dataSource, nodeId: 'reports-http-2' });
    const calendarQuarters = await reportsApp(engine, tokens, { ...DEFAULT_REPORT_CONFIG, periods: { cutOffDay: 1, startsInPreviousMonth: false } });
    try {
      const res = await request(calendarQuarters.getHttpServer()).get('/api/reports/ii06a?period=2026-Q3').set('Authorization', manager);
      expect([res.body.period.from, res.body.period.to]).toEqual(['2026-07-01', '2026-09-30']);
    } finally {
      await calendarQuarters.close();
    }
  });
});
