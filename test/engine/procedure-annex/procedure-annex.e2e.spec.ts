import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface PublishedStep { n: number; unit: string; departmentCode: string; days: number | null }
interface PublishedAnnex { version: number; statutoryDays: number; steps: PublishedStep[] }
interface Definition { id: string; key: string; version: number; procedureCode: string | null }
interface Row { number: number; elementId: string; unit: string; allowanceDays: number | null; counted: boolean; time: string; content: string }

/** Collects a response body as bytes (supertest leaves binary answers unparsed otherwise). */
const binary = (res: unknown, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('the legal annex of a deployed procedure', () => {
  let t: TestEngine;
  let designer: string;
  let definitions: Definition[];
  let published: Record<string, PublishedAnnex>;
  let departmentNames: Map<string, string>;

  beforeAll(async () => {
    t = await startTestEngine({ processes: true });
    designer = await t.login('admin');
    definitions = (await t.http.get('/api/process-definitions').set('Authorization', designer)).body;
    published = JSON.parse(await readFile(path.join(root, 'test', 'fixtures', 'published-annexes', 'annexes.json'), 'utf8'));
    const organisation = JSON.parse(await readFile(path.join(root, 'processes', 'organisation.json'), 'utf8')) as { departments: { code: string; name: string }[] };
    departmentNames = new Map(organisation.departments.map((d) => [d.code, d.name]));
  });
  afterAll(() => t.close());

  const definitionOf = (code: string, version: number) => {
    const found = definitions.find((d) => d.procedureCode === code && d.version === version);
    if (!found) throw new Error(`procedure ${code} v${version} is not deployed`);
    return found;
  };

  it.each(['1.001806', '1.013814', '1.012990'])('given procedure %s as deployed from processes/, the annex matches the table its decision published', async (code) => {
    const expected = published[code];
    const res = await t.http.get(`/api/process-definitions/${definitionOf(code, expected.version).id}/annex`).set('Authorization', designer);
    expect(res.status).toBe(200);
    const rows: Row[] = res.body.rows;
    // The counted steps, in order, are the published ones: same unit, same time.
    const counted = rows.filter((r) => r.counted).map((r) => [r.unit, r.allowanceDays]);
    const publishedCounted = expected.steps.filter((s) => s.days !== null).map((s) => [departmentNames.get(s.departmentCode), s.days]);
    expect(counted).toEqual(publishedCounted);
    // Steps the decision leaves out of the time (returning the result) are there too, not counted.
    for (const step of expected.steps.filter((s) => s.days === null)) {
      expect(rows.some((r) => !r.counted && r.unit === departmentNames.get(step.departmentCode))).toBe(true);
    }
    expect(rows.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
    expect(res.body.totalDays).toBe(expected.statutoryDays);
    expect(res.body.statutoryDays).toBe(expected.statutoryDays);
    expect(res.body.procedureCode).toBe(code);
  });

  it('given an inter-agency procedure, the called agency’s steps sit in place of the call, under their own units', async () => {
    const res = await t.http.get(`/api/process-definitions/${definitionOf('1.013814', 1).id}/annex`).set('Authorization', designer);
    const units = res.body.rows.map((r: Row) => r.unit);
    expect(units.slice(6, 8)).toEqual([departmentNames.get('VPUBND_KGVX'), departmentNames.get('VPUBND_VANTHU')]);
    expect(res.body.rows[0].time).toBe('2 giờ làm việc');
    expect(res.body.agencyName).toBe('Sở Y tế tỉnh Cao Bằng');
  });

  it('given format=html, answers a printable page holding every step, with no script', async () => {
    const res = await t.http.get(`/api/process-definitions/${definitionOf('1.001806', 1).id}/annex?format=html`).set('Authorization', designer);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(res.text).toContain('Thẩm định hồ sơ, dự thảo Quyết định công nhận');
    expect(res.text).toContain('10 ngày làm việc');
    expect(res.text).not.toContain('<script');
  });

  it('given format=docx, answers a Word document whose table holds the steps, the units and the total', async () => {
    const res = await t.http.get(`/api/process-definitions/${definitionOf('1.001806', 1).id}/annex?format=docx`).set('Authorization', designer).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe('attachment; filename="phu-luc-1.001806-v1.docx"');
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:tbl>');
    for (const text of ['Phê duyệt, ký Quyết định công nhận', 'Phòng Bảo trợ xã hội và Trẻ em', '7 ngày làm việc', '10 ngày làm việc']) expect(xml).toContain(text);
  });

  it('given the version before and after simplification, the comparison annex marks each cut step and the time saved', async () => {
    const before = definitionOf('1.001806', 1);
    const after = definitionOf('1.001806', 2);
    const steps = async (id: string) => (await t.http.get(`/api/process-definitions/${id}/steps`).set('Authorization', designer)).body.steps as { elementId: string }[];
    const kept = new Set((await steps(after.id)).map((s) => s.elementId));
    const cut = (await steps(before.id)).map((s) => s.elementId).filter((id) => !kept.has(id));

    const res = await t.http.get(`/api/comparisons/annex?base=${before.id}&candidate=${after.id}`).set('Authorization', designer);
    expect(res.status).toBe(200);
    expect(res.body.rows.filter((r: { change: string }) => r.change === 'cut').map((r: { elementId: string }) => r.elementId)).toEqual(cut);
    expect(res.body.stepsCut).toBe(cut.length);
    expect(res.body.daysSaved).toBeCloseTo(res.body.before.totalDays - res.body.after.totalDays, 6);
    const docx = await t.http.get(`/api/comparisons/annex?base=${before.id}&candidate=${after.id}&format=docx`).set('Authorization', designer).buffer(true).parse(binary);
    const xml = await (await JSZip.loadAsync(docx.body as Buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('PHƯƠNG ÁN ĐƠN GIẢN HÓA QUY TRÌNH NỘI BỘ');
    if (cut.length) expect(xml).toContain('Cắt giảm bước');
  });

  it('given an unknown version or format, answers 404 and 400 naming the field', async () => {
    expect((await t.http.get('/api/process-definitions/nope:1:x/annex').set('Authorization', designer)).status).toBe(404);
    const bad = await t.http.get(`/api/process-definitions/${definitionOf('1.001806', 1).id}/annex?format=pdf`).set('Authorization', designer);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('format');
    expect((await t.http.get('/api/comparisons/annex?base=x').set('Authorization', designer)).status).toBe(400);
  });
});
