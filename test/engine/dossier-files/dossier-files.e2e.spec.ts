import { createHash } from 'node:crypto';
import { ManualClock } from '../support/engine-harness.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';
import { executable, Journey, pdf, png } from './dossier-journey.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const binary = (res: { body: unknown }) => res.body as Buffer;
const asBuffer = (req: import('supertest').Test) => req.buffer(true).parse((res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
});

/**
 * Issue #23: a dossier's components are scanned and kept (PDF, PNG, JPEG by content, within the
 * size limit, with a SHA-256 checked on every download), seen only by those who may see the
 * dossier, reused for the same applicant and kind of paper, and the result is attached at the
 * step that returns it.
 */
describe('dossier files', () => {
  const clock = new ManualClock(new Date('2027-06-07T01:00:00Z')); // Monday 08:00 in Vietnam
  let t: TestEngine;
  let j: Journey;
  const limitBefore = process.env.ONEDOOR_FILE_MAX_BYTES;

  beforeAll(async () => {
    process.env.ONEDOOR_FILE_MAX_BYTES = '50000';
    t = await startTestEngine({ processes: true, clock });
    j = new Journey(t);
  });
  afterAll(async () => {
    if (limitBefore === undefined) delete process.env.ONEDOOR_FILE_MAX_BYTES;
    else process.env.ONEDOOR_FILE_MAX_BYTES = limitBefore;
    await t.close();
  });

  describe('upload and download', () => {
    let code: string;
    beforeAll(async () => {
      code = await j.receive({ name: 'Nguyễn Văn An', idNumber: '001090000001', phone: '0912000001' });
    });

    it('given a scanned PDF of a component, when the desk uploads it, then it is kept with its SHA-256 and listed under its component', async () => {
      // given
      const scan = pdf('don dang ky');
      // when
      const res = await j.upload(code, 'don-dang-ky', scan, 'Đơn đăng ký.pdf');
      // then
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expect.objectContaining({ componentId: 'don-dang-ky', contentType: 'application/pdf', sizeBytes: scan.length, sha256: sha256(scan), fileName: 'Đơn đăng ký.pdf', reused: false }));
      const list = await t.http.get(`/api/dossiers/${code}/files`).set('Authorization', await j.as('chuyenvien.cnty'));
      expect(list.status).toBe(200);
      expect(list.body.components.map((c: { id: string; files: unknown[] }) => `${c.id}:${c.files.length}`)).toEqual(['don-dang-ky:1', 'van-bang:0', 'suc-khoe:0', 'anh:0']);
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM user_operation WHERE operation = 'upload-dossier-file' AND entity_id = $1`, [code]);
      expect(n).toBe(1);
    });

    it('given an uploaded file, when an officer of the department opens it, then the very bytes come back inline with their type', async () => {
      const scan = png();
      const uploaded = await j.upload(code, 'anh', scan, 'anh.png');
      const res = await asBuffer(t.http.get(`/api/dossiers/${code}/files/${uploaded.body.id}`).set('Authorization', await j.as('chuyenvien.cnty')));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toMatch(/^inline; filename="anh.png"/);
      expect(binary(res).equals(scan)).toBe(true);
      const attachment = await asBuffer(t.http.get(`/api/dossiers/${code}/files/${uploaded.body.id}?disposition=attachment`).set('Authorization', await j.as('chuyenvien.cnty')));
      expect(attachment.headers['content-disposition']).toMatch(/^attachment;/);
    });

    it('given a renamed executable, when it is uploaded as a PDF, then 400 names the field and nothing is kept', async () => {
      const res = await j.upload(code, 'van-bang', executable(), 'van-bang.pdf');
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'file', message: 'only PDF, PNG and JPEG files are kept' }]);
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM dossier_file WHERE dossier_code = $1 AND component_id = 'van-bang'`, [code]);
      expect(n).toBe(0);
    });

    it('given a file over the configured limit, then 413 names the field; an unknown component or no file is 400', async () => {
      const big = Buffer.concat([pdf(), Buffer.alloc(60_000, 0x20)]);
      const tooBig = await j.upload(code, 'van-bang', big);
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.details).toEqual([{ field: 'file', message: 'at most 50000 bytes' }]);
      const unknown = await j.upload(code, 'giay-khai-sinh', pdf());
      expect(unknown.status).toBe(400);
      expect(unknown.body.details[0].field).toBe('componentId');
      const none = await t.http.post(`/api/dossiers/${code}/files`).set('Authorization', await j.as('motcua.snnmt')).field('componentId', 'van-bang');
      expect(none.status).toBe(400);
      expect(none.body.details[0].field).toBe('file');
      const json = await t.http.post(`/api/dossiers/${code}/files`).set('Authorization', await j.as('motcua.snnmt')).send({ componentId: 'van-bang' });
      expect(json.status).toBe(400);
    });

    it('given stored bytes changed behind the engine’s back, when the file is downloaded, then an error answers, not the bytes', async () => {
      // given
      const uploaded = await j.upload(code, 'suc-khoe', pdf('suc khoe'));
      const [{ storage_key: oid }] = await t.db.dataSource.query(`SELECT storage_key FROM dossier_file WHERE id = $1`, [uploaded.body.id]);
      await t.db.dataSource.query(`SELECT lo_put($1::oid, 0, '\\x25504446'::bytea || 'X'::bytea)`, [oid]);
      // when
      const res = await t.http.get(`/api/dossiers/${code}/files/${uploaded.body.id}`).set('Authorization', await j.as('chuyenvien.cnty'));
      // then
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/no longer matches its SHA-256 checksum/);
      expect(res.text).not.toContain('suc khoe');
    });

    it('given another agency’s officer, then the dossier’s files are not found for them; without a token 401', async () => {
      const other = await t.http.get(`/api/dossiers/${code}/files`).set('Authorization', await j.as('chuyenvien.btxh'));
      expect(other.status).toBe(404);
      const upload = await j.upload(code, 'van-bang', pdf(), 'x.pdf', 'motcua.syt');
      expect(upload.status).toBe(404);
      const [file] = (await t.http.get(`/api/dossiers/${code}/files`).set('Authorization', await j.as('admin'))).body.components[0].files;
      expect((await t.http.get(`/api/dossiers/${code}/files/${file.id}`).set('Authorization', await j.as('chuyenvien.btxh'))).status).toBe(404);
      expect((await t.http.get(`/api/dossiers/${code}/files`)).status).toBe(401);
    });
  });

  describe('reuse of papers handed in before', () => {
    it('given the applicant’s earlier dossier, then a new dossier of theirs is offered its valid files of the same kind only, and a reuse is recorded', async () => {
      // given: an earlier dossier of Trần Thị Bình with her diploma and health certificate
      const earlier = await j.receive({ name: 'Trần Thị Bình', idNumber: '001090000002', phone: '0912000002' });
      const diploma = (await j.upload(earlier, 'van-bang', pdf('van bang Binh'))).body;
      await j.upload(earlier, 'anh', png()); // a photo: offered for the photo only
      const someoneElse = await j.receive({ name: 'Lò Văn Cường', idNumber: '001090000003', phone: '0912000003' });
      const othersDiploma = (await j.upload(someoneElse, 'van-bang', pdf('van bang Cuong'))).body;
      // when
      const fresh = await j.receive({ name: 'Trần Thị Bình', idNumber: '001090000002', phone: '0912000002' });
      const offers = await t.http.get(`/api/dossiers/${fresh}/reusable`).set('Authorization', await j.as('motcua.snnmt'));
      // then: hers only, per component kind
      expect(offers.status).toBe(200);
      const offered = Object.fromEntries(offers.body.map((o: { componentId: string; files: { id: string; dossierCode: string }[] }) => [o.componentId, o.files.map((f) => f.id)]));
      expect(offered['van-bang']).toEqual([diploma.id]);
      expect(JSON.stringify(offers.body)).not.toContain(othersDiploma.id);
      // when the desk reuses the diploma
      const reused = await t.http.post(`/api/dossiers/${fresh}/reuse`).set('Authorization', await j.as('motcua.snnmt')).send({ componentId: 'van-bang', fileId: diploma.id });
      expect(reused.status).toBe(201);
      expect(reused.body).toEqual(expect.objectContaining({ componentId: 'van-bang', reused: true, reusedFromDossier: earlier, sha256: diploma.sha256 }));
      const rows = await t.db.dataSource.query(`SELECT dossier_code, source_dossier_code, component_kind, reused_by FROM dossier_file_reuse WHERE dossier_code = $1`, [fresh]);
      expect(rows).toEqual([{ dossier_code: fresh, source_dossier_code: earlier, component_kind: 'van-bang-chuyen-mon', reused_by: 'motcua.snnmt' }]);
      // and the same bytes download from the new dossier
      const bytes = await asBuffer(t.http.get(`/api/dossiers/${fresh}/files/${reused.body.id}`).set('Authorization', await j.as('chuyenvien.cnty')));
      expect(binary(bytes).toString('latin1')).toContain('van bang Binh');
      // once attached, it is no longer offered
      const again = await t.http.get(`/api/dossiers/${fresh}/reusable`).set('Authorization', await j.as('motcua.snnmt'));
      expect(again.body.find((o: { componentId: string }) => o.componentId === 'van-bang')).toBeUndefined();
    });

    it('given another applicant’s file or the wrong component kind, when reuse is asked, then 400 and nothing is recorded', async () => {
      const mine = await j.receive({ name: 'Hà Văn Dũng', idNumber: '001090000004', phone: '0912000004' });
      const theirs = await j.receive({ name: 'Vi Thị Em', idNumber: '001090000005', phone: '0912000005' });
      const theirDiploma = (await j.upload(theirs, 'van-bang', pdf())).body;
      const earlierMine = await j.receive({ name: 'Hà Văn Dũng', idNumber: '001090000004', phone: '0912000004' });
      const myPhoto = (await j.upload(earlierMine, 'anh', png())).body;
      const stolen = await t.http.post(`/api/dossiers/${mine}/reuse`).set('Authorization', await j.as('motcua.snnmt')).send({ componentId: 'van-bang', fileId: theirDiploma.id });
      const wrongKind = await t.http.post(`/api/dossiers/${mine}/reuse`).set('Authorization', await j.as('motcua.snnmt')).send({ componentId: 'van-bang', fileId: myPhoto.id });
      for (const res of [stolen, wrongKind]) {
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual([{ field: 'fileId', message: 'not a reusable file of this applicant and component kind' }]);
      }
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM dossier_file_reuse WHERE dossier_code = $1`, [mine]);
      expect(n).toBe(0);
    });

    it('given a health certificate older than its validity (12 months), then it is no longer offered', async () => {
      const old = await j.receive({ name: 'Nông Văn Giang', idNumber: '001090000006', phone: '0912000006' });
      await j.upload(old, 'suc-khoe', pdf('suc khoe 2027'));
      clock.advance(366 * 24 * 3600_000);
      try {
        const fresh = await j.receive({ name: 'Nông Văn Giang', idNumber: '001090000006', phone: '0912000006' });
        const offers = await t.http.get(`/api/dossiers/${fresh}/reusable`).set('Authorization', await j.as('motcua.snnmt'));
        expect(offers.body.find((o: { componentId: string }) => o.componentId === 'suc-khoe')).toBeUndefined();
      } finally {
        clock.advance(-366 * 24 * 3600_000);
      }
    });
  });

  describe('the electronic result', () => {
    it('given a dossier before its last step, then no result can be attached; at the step that returns it, the result is kept and the dossier’s result is electronic', async () => {
      const code = await j.receive({ name: 'Đinh Thị Hoa', idNumber: '001090000007', phone: '0912000007' });
      const early = await j.attachResult(code);
      expect(early.status).toBe(409);
      await j.toReturnStep(code);
      const before = await t.http.get(`/api/dossiers/${code}/files`).set('Authorization', await j.as('motcua.snnmt'));
      expect(before.body.resultStepTaskId).toBe((await j.openStep(code)).id);
      const res = await j.attachResult(code);
      expect(res.status).toBe(201);
      expect(res.body).toEqual(expect.objectContaining({ purpose: 'result', componentId: null, fileName: 'Chứng chỉ hành nghề.pdf' }));
      const list = await t.http.get(`/api/dossiers/${code}/files`).set('Authorization', await j.as('motcua.snnmt'));
      expect(list.body.resultElectronic).toBe(true);
      expect(list.body.result.id).toBe(res.body.id);
      const [row] = await t.db.dataSource.query(`SELECT result_electronic, result_file_id FROM dossier WHERE code = $1`, [code]);
      expect(row).toEqual({ result_electronic: true, result_file_id: res.body.id });
    });
  });
});
