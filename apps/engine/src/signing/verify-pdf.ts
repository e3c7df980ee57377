import { X509Certificate, createHash, createPublicKey, verify as rsaVerify } from 'node:crypto';
import forge from 'node-forge';
import { CADES_OIDS } from './cades-signature.js';

export interface SignatureCheck {
  /** The PDF carries a signature at all. */
  signed: boolean;
  /** The signature verifies over the bytes it covers, with the certificate it names. */
  valid: boolean;
  /** Nothing was added after signing: the signed range is the whole file but the signature itself. */
  coversWholeFile: boolean;
  /** The signer's certificate chains up to one of the trusted roots (when roots are given). */
  chainTrusted: boolean | null;
  signer?: string;
  signedAt?: Date;
  /** Why it does not verify, in a sentence. */
  problem?: string;
}

/**
 * Checks the last signature of a PDF as a reader would: the ByteRange, the CMS message digest of
 * the covered bytes, the RSA signature over the signed attributes with the signer's certificate,
 * the ESS signing-certificate-v2 binding, and optionally the chain to trusted roots.
 */
export function verifyPdfSignature(pdf: Buffer, trustedRoots: forge.pki.Certificate[] = []): SignatureCheck {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('/ByteRange');
  if (at < 0) return { signed: false, valid: false, coversWholeFile: false, chainTrusted: null, problem: 'the document is not signed' };
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 120));
  if (!range) return fail('the signature’s byte range is malformed');
  const [a, b, c, d] = range.slice(1).map(Number);
  if (a !== 0 || b > c || c + d > pdf.length) return fail('the signature’s byte range does not fit the file');
  const coversWholeFile = c + d === pdf.length;
  const signedBytes = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  // The placeholder is zero-padded after the DER: read one element and ignore the padding.
  const hex = pdf.subarray(b, c).toString('latin1').replace(/[<>\s]/g, '');
  let message: forge.asn1.Asn1;
  try {
    message = forge.asn1.fromDer(forge.util.hexToBytes(hex.length % 2 ? `${hex}0` : hex), { parseAllBytes: false } as unknown as boolean);
  } catch {
    return fail('the signature is not a CMS structure');
  }
  try {
    const signedData = (message.value as forge.asn1.Asn1[])[1].value as forge.asn1.Asn1[];
    const content = signedData[0].value as forge.asn1.Asn1[];
    const certificates = content.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0)!;
    const chain = (certificates.value as forge.asn1.Asn1[]).map((n) => forge.pki.certificateFromAsn1(n));
    const signerInfos = content[content.length - 1].value as forge.asn1.Asn1[];
    const info = signerInfos[0].value as forge.asn1.Asn1[];
    const attrsImplicit = info.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0)!;
    const signature = Buffer.from(info[info.length - 1].value as string, 'binary');
    const attributes = new Map((attrsImplicit.value as forge.asn1.Asn1[]).map((attr) => {
      const [type, values] = attr.value as forge.asn1.Asn1[];
      return [forge.asn1.derToOid(type.value as string), (values.value as forge.asn1.Asn1[])[0]] as const;
    }));
    const serial = forge.util.bytesToHex((info[1].value as forge.asn1.Asn1[])[1].value as string);
    const signer = chain.find((cert) => cert.serialNumber.replace(/^0+/, '') === serial.replace(/^0+/, '')) ?? chain[0];
    const name = utf8(String(signer.subject.getField('CN')?.value ?? ''));
    const signingTime = attributes.get(CADES_OIDS.signingTime);
    const signedAt = signingTime ? forge.asn1.utcTimeToDate(signingTime.value as string) : undefined;
    const base = { signed: true, coversWholeFile, signer: name, signedAt, chainTrusted: trustedRoots.length ? chainsTo(signer, chain, trustedRoots) : null };

    const digest = attributes.get(CADES_OIDS.messageDigest);
    if (!digest || Buffer.from(digest.value as string, 'binary').compare(createHash('sha256').update(signedBytes).digest()) !== 0) {
      return { ...base, valid: false, problem: 'the document was changed after it was signed' };
    }
    const signerDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(signer)).getBytes(), 'binary');
    const binding = attributes.get(CADES_OIDS.signingCertificateV2);
    const boundHash = binding ? ((((binding.value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[]).at(-1)!.value as string) : undefined;
    if (!boundHash || Buffer.from(boundHash, 'binary').compare(createHash('sha256').update(signerDer).digest()) !== 0) {
      return { ...base, valid: false, problem: 'the signature does not bind the signer’s certificate (signing-certificate-v2)' };
    }
    // Signed over the attributes as a SET (0x31), not as they are stored ([0] IMPLICIT).
    const attrsSet = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrsImplicit.value as forge.asn1.Asn1[]);
    const attrsDer = Buffer.from(forge.asn1.toDer(attrsSet).getBytes(), 'binary');
    const key = createPublicKey(forge.pki.publicKeyToPem(signer.publicKey));
    if (!rsaVerify('sha256', attrsDer, key, signature)) return { ...base, valid: false, problem: 'the signature does not verify with the signer’s certificate' };
    return { ...base, valid: true, ...(coversWholeFile ? {} : { problem: 'content was added after the signature' }) };
  } catch (error) {
    return fail(`the signature could not be read: ${(error as Error).message}`);
  }

  function fail(problem: string): SignatureCheck {
    return { signed: true, valid: false, coversWholeFile: false, chainTrusted: null, problem };
  }
}

/** Certificate names in UTF8String come out of node-forge as UTF-8 bytes. */
function utf8(bytes: string): string {
  try {
    return forge.util.decodeUtf8(bytes);
  } catch {
    return bytes;
  }
}

/**
 * Whether `cert` chains through `chain` to one of `roots`, each link checked by Node's X.509 code
 * on the certificates' own bytes (names compared as issued, Vietnamese ones included).
 */
function chainsTo(cert: forge.pki.Certificate, chain: forge.pki.Certificate[], roots: forge.pki.Certificate[]): boolean {
  const x509 = (c: forge.pki.Certificate) => new X509Certificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary'));
  const trusted = roots.map(x509);
  const intermediates = chain.map(x509);
  let current = x509(cert);
  for (let depth = 0; depth < 6; depth++) {
    const root = trusted.find((r) => current.checkIssued(r) && current.verify(r.publicKey));
    if (root) return true;
    const next = intermediates.find((c) => c.fingerprint256 !== current.fingerprint256 && current.checkIssued(c) && current.verify(c.publicKey));
    if (!next) return false;
    current = next;
  }
  return false;
}
