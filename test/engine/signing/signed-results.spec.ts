import forge from 'node-forge';
import { certificateChain } from './test-certificates.js';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { pkcs12Signer, remoteSigner, signPdf } from '../../../apps/engine/src/signing/pdf-signer.js';
import { verifyPdfSignature } from '../../../apps/engine/src/signing/verify-pdf.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants, createPrivateKey, privateEncrypt } from 'node:crypto';

async function resultPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  page.drawText('Quyet dinh cong nhan co so su dung lao dong khuyet tat - SYT-261205-0000001', { x: 50, y: 780, size: 12, font });
  return Buffer.from(await doc.save());
}

describe('signed results (PAdES, ETSI.CAdES.detached)', () => {
  const { root, agency, p12: makeP12 } = certificateChain('Sở Y tế tỉnh Cao Bằng');
  const p12 = makeP12('mat-khau');

  it('given the agency’s PKCS#12, a signed result verifies, names its signer, binds its certificate and chains to the root', async () => {
    const signer = await pkcs12Signer(p12, 'mat-khau');
    const signed = await signPdf(await resultPdf(), signer, { reason: 'Ký kết quả giải quyết TTHC', location: 'Cao Bằng', signingTime: new Date('2026-12-05T03:00:00Z') });
    expect(signed.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    const check = verifyPdfSignature(signed, [root.cert]);
    expect(check).toEqual(expect.objectContaining({ signed: true, valid: true, coversWholeFile: true, chainTrusted: true, signer: 'Sở Y tế tỉnh Cao Bằng' }));
    expect(check.signedAt?.toISOString()).toBe('2026-12-05T03:00:00.000Z');
  });

  it('given one byte of the signed content changed, the result no longer verifies', async () => {
    const signed = await signPdf(await resultPdf(), await pkcs12Signer(p12, 'mat-khau'), { reason: 'Ký', location: 'Cao Bằng' });
    // One byte of the signed part (the page content stream is compressed: change the header's version digit).
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('%PDF-1.') + 7;
    tampered[at] = tampered[at] === 0x37 ? 0x36 : 0x37;
    expect(verifyPdfSignature(tampered)).toEqual(expect.objectContaining({ signed: true, valid: false, problem: 'the document was changed after it was signed' }));
  });

  it('given content appended after signing, or a chain from another root, the check says so', async () => {
    const signed = await signPdf(await resultPdf(), await pkcs12Signer(p12, 'mat-khau'), { reason: 'Ký', location: 'Cao Bằng' });
    const appended = Buffer.concat([signed, Buffer.from('\n% added later\n')]);
    expect(verifyPdfSignature(appended)).toEqual(expect.objectContaining({ valid: true, coversWholeFile: false, problem: 'content was added after the signature' }));
    const stranger = certificateChain().root;
    expect(verifyPdfSignature(signed, [stranger.cert]).chainTrusted).toBe(false);
    expect(verifyPdfSignature(await resultPdf())).toEqual(expect.objectContaining({ signed: false, valid: false }));
  });

  it('given a remote signing service holding the key, the same signature comes back and verifies', async () => {
    // The service: receives a SHA-256 digest, answers the PKCS#1 v1.5 signature (as HSM services do).
    const key = createPrivateKey(forge.pki.privateKeyToPem(agency.key));
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const { digest } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        // DigestInfo(sha256) prefix + digest, signed raw: the service never sees the document.
        const digestInfo = Buffer.concat([Buffer.from('3031300d060960864801650304020105000420', 'hex'), Buffer.from(digest, 'base64')]);
        const signature = privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ signature: signature.toString('base64') }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const chainPem = forge.pki.certificateToPem(agency.cert) + forge.pki.certificateToPem(root.cert);
      const signer = remoteSigner({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sign`, chainPem });
      const signed = await signPdf(await resultPdf(), signer, { reason: 'Ký', location: 'Cao Bằng' });
      expect(verifyPdfSignature(signed, [root.cert])).toEqual(expect.objectContaining({ valid: true, chainTrusted: true }));
    } finally {
      server.close();
    }
  });
});
