import { createHash } from 'node:crypto';
import forge from 'node-forge';

const { asn1, pki } = forge;
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

/** Signs the DER of the signed attributes (RSA PKCS#1 v1.5 with SHA-256): a key on this machine, a token or a remote service. */
export type SignAttributes = (signedAttributesDer: Buffer) => Promise<Buffer>;

export interface CadesInput {
  /** The bytes the PDF signature covers (its ByteRange). */
  content: Buffer;
  /** The signer's certificate first, then its issuers. */
  chain: forge.pki.Certificate[];
  signAttributes: SignAttributes;
  signingTime: Date;
}

const seq = (...items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (...items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (id: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: Buffer) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
const int = (n: number) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const nil = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
const explicit = (tag: number, ...items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, items);
const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const attribute = (type: string, value: forge.asn1.Asn1) => seq(oid(type), set(value));

/**
 * A CAdES detached signature (CMS SignedData) as PAdES baseline B-B wants it inside a PDF: signed
 * attributes content-type, signing-time, message-digest of the covered bytes and the ESS
 * signing-certificate-v2 binding the signer's certificate, so it can't be swapped for another with
 * the same key. node-forge's PKCS#7 writer knows no signing-certificate-v2, so the structure is
 * written here with its ASN.1 encoder, following RFC 5652 and RFC 5035.
 */
export async function cadesDetachedSignature(input: CadesInput): Promise<Buffer> {
  const [signer] = input.chain;
  const signerDer = Buffer.from(asn1.toDer(pki.certificateToAsn1(signer)).getBytes(), 'binary');
  const signedAttributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(input.signingTime))),
    attribute(OID.messageDigest, octets(createHash('sha256').update(input.content).digest())),
    // ESSCertIDv2 with the default algorithm (SHA-256) left out, as DER requires.
    attribute(OID.signingCertificateV2, seq(seq(seq(octets(createHash('sha256').update(signerDer).digest()))))),
  ];
  // The signature is over the attributes as a SET (tag 0x31); they are stored as [0] IMPLICIT.
  const signature = await input.signAttributes(der(set(...signedAttributes)));
  const signedAttrsImplicit = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, signedAttributes);
  const issuerAndSerial = seq(pki.distinguishedNameToAsn1(signer.issuer), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, forge.util.hexToBytes(signer.serialNumber)));
  const signerInfo = seq(
    int(1),
    issuerAndSerial,
    seq(oid(OID.sha256), nil()),
    signedAttrsImplicit,
    seq(oid(OID.rsaEncryption), nil()),
    octets(signature),
  );
  const signedData = seq(
    int(1),
    set(seq(oid(OID.sha256), nil())),
    seq(oid(OID.data)),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, input.chain.map((c) => pki.certificateToAsn1(c))),
    set(signerInfo),
  );
  return der(seq(oid(OID.signedData), explicit(0, signedData)));
}

export const CADES_OIDS = OID;
