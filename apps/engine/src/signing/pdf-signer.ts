import { createPrivateKey, sign as rsaSign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SUBFILTER_ETSI_CADES_DETACHED, Signer } from '@signpdf/utils';
import { cadesDetachedSignature, type SignAttributes } from './cades-signature.js';

/**
 * The agency's signing key, wherever it lives: a PKCS#12 file on this machine, a USB token or a
 * remote signing service. Each gives the certificate chain and signs the signed attributes.
 */
export interface AgencySigner {
  readonly chain: forge.pki.Certificate[];
  readonly signAttributes: SignAttributes;
}

/** A PKCS#12 (.p12/.pfx) file with the agency's key and certificate chain. */
export async function pkcs12Signer(file: string | Buffer, passphrase: string): Promise<AgencySigner> {
  const bytes = typeof file === 'string' ? await readFile(file) : file;
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(bytes.toString('binary')), passphrase);
  const keyBag = [...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []), ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? [])][0];
  if (!keyBag?.key) throw new Error('the PKCS#12 file holds no private key');
  const certificates = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).map((b) => b.cert!).filter(Boolean);
  const key = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
  const publicPem = forge.pki.publicKeyToPem(forge.pki.setRsaPublicKey((keyBag.key as forge.pki.rsa.PrivateKey).n, (keyBag.key as forge.pki.rsa.PrivateKey).e));
  const signerCert = certificates.find((c) => forge.pki.publicKeyToPem(c.publicKey) === publicPem);
  if (!signerCert) throw new Error('the PKCS#12 file holds no certificate for its key');
  return {
    chain: [signerCert, ...certificates.filter((c) => c !== signerCert)],
    signAttributes: async (attributes) => rsaSign('sha256', attributes, key),
  };
}

/**
 * A remote signing service (or a token's middleware): it receives the SHA-256 digest to sign and
 * answers the RSA signature; the certificate chain is configured beside it (PEM).
 */
export function remoteSigner(options: { url: string; token?: string; chainPem: string; fetch?: typeof fetch }): AgencySigner {
  const chain = (options.chainPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((pem) => forge.pki.certificateFromPem(pem));
  if (chain.length === 0) throw new Error('the remote signer needs its certificate chain (PEM)');
  return {
    chain,
    async signAttributes(attributes) {
      const digest = forge.md.sha256.create().update(attributes.toString('binary')).digest().getBytes();
      const response = await (options.fetch ?? fetch)(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        body: JSON.stringify({ algorithm: 'RSASSA-PKCS1-v1_5-SHA256', digest: Buffer.from(digest, 'binary').toString('base64') }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`the signing service answered HTTP ${response.status}`);
      const { signature } = (await response.json()) as { signature?: string };
      if (!signature) throw new Error('the signing service answered no signature');
      return Buffer.from(signature, 'base64');
    },
  };
}

class CadesSigner extends Signer {
  constructor(private readonly agency: AgencySigner) {
    super();
  }
  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    return cadesDetachedSignature({ content, chain: this.agency.chain, signAttributes: this.agency.signAttributes, signingTime: signingTime ?? new Date() });
  }
}

/**
 * Signs a PDF the PAdES way (ETSI.CAdES.detached): a signature field and placeholder added with
 * pdf-lib, the ByteRange filled in, and the CAdES signature of everything but the placeholder.
 */
export async function signPdf(pdf: Buffer, agency: AgencySigner, meta: { reason: string; location: string; signingTime?: Date }): Promise<Buffer> {
  const document = await PDFDocument.load(pdf);
  const [cert] = agency.chain;
  const raw = String(cert.subject.getField('CN')?.value ?? 'OneDoor');
  let name = raw;
  try {
    name = forge.util.decodeUtf8(raw);
  } catch {
    // a PrintableString name is already text
  }
  pdflibAddPlaceholder({ pdfDoc: document, reason: meta.reason, contactInfo: '', name, location: meta.location, signingTime: meta.signingTime, subFilter: SUBFILTER_ETSI_CADES_DETACHED, signatureLength: 16_384, appName: 'OneDoor' });
  const withPlaceholder = Buffer.from(await document.save({ useObjectStreams: false }));
  return new SignPdf().sign(withPlaceholder, new CadesSigner(agency), meta.signingTime);
}
