import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';
import { Journey } from '../dossier-files/dossier-journey.js';
import { certificateChain } from './test-certificates.js';

/** A result as an officer's office software exports it. */
async function certificatePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('CHUNG CHI HANH NGHE THU Y', { x: 150, y: 760, size: 16, font: await doc.embedFont(StandardFonts.TimesRoman) });
  return Buffer.from(await doc.save());
}

/**
 * Issue #24: with the agency's PKCS#12 configured, the result attached at the returning step is
 * signed (PAdES) before it is kept, and anyone allowed to see it can check the signature.
 */
describe('results signed with the agency’s key', () => {
  let t: TestEngine;
  let journey: Journey;
  const saved = { ...process.env };

  beforeAll(async () => {
    const { root, p12 } = certificateChain();
    const dir = await mkdtemp(path.join(tmpdir(), 'onedoor-signing-'));
    await writeFile(path.join(dir, 'agency.p12'), p12('mat-khau'));
    await writeFile(path.join(dir, 'roots.pem'), forge.pki.certificateToPem(root.cert));
    Object.assign(process.env, {
      ONEDOOR_SIGNING_P12: path.join(dir, 'agency.p12'),
      ONEDOOR_SIGNING_PASSPHRASE: 'mat-khau',
      ONEDOOR_SIGNING_ROOTS: path.join(dir, 'roots.pem'),
      ONEDOOR_SIGNING_LOCATION: 'Cao Bằng',
    });
    t = await startTestEngine({ processes: true });
    journey = new Journey(t);
  });
  afterAll(async () => {
    process.env = saved;
    await t.close();
  });

  it('given a result PDF attached at the returning step, it is kept signed, and its signature checks out with the agency as signer', async () => {
    const code = await journey.receive({ name: 'Lục Văn Hải', idNumber: '004201012345', phone: '0912345678' });
    await journey.toReturnStep(code);
    const attached = await journey.attachResult(code, await certificatePdf());
    expect(attached.status).toBe(201);

    const admin = await journey.as('admin');
    const check = await t.http.get(`/api/dossiers/${code}/files/${attached.body.id}/signature`).set('Authorization', admin);
    expect(check.status).toBe(200);
    expect(check.body).toEqual(expect.objectContaining({ signed: true, valid: true, coversWholeFile: true, chainTrusted: true, signer: 'Sở Nông nghiệp và Môi trường tỉnh Cao Bằng' }));
    const file = await t.http.get(`/api/dossiers/${code}/files/${attached.body.id}`).set('Authorization', admin).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      (res as unknown as NodeJS.ReadableStream).on('data', (c: Buffer) => chunks.push(c));
      (res as unknown as NodeJS.ReadableStream).on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect((file.body as Buffer).toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
  });

  it('given a component scan (not a result), it is kept as handed in — unsigned', async () => {
    const code = await journey.receive({ name: 'Lục Văn Hải', idNumber: '004201012345', phone: '0912345678' });
    const uploaded = await journey.upload(code, 'don-dang-ky', await certificatePdf());
    expect(uploaded.status).toBe(201);
    const check = await t.http.get(`/api/dossiers/${code}/files/${uploaded.body.id}/signature`).set('Authorization', await journey.as('admin'));
    expect(check.body).toEqual(expect.objectContaining({ signed: false, valid: false }));
  });
});
