import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/** A generated chain for specs: a root CA and the agency's certificate it issued, Vietnamese names in UTF8String. */
export function certificateChain(agencyName = 'Sở Nông nghiệp và Môi trường tỉnh Cao Bằng') {
  const make = (subject: string, issuer: { cert?: forge.pki.Certificate; key?: forge.pki.rsa.PrivateKey }, ca: boolean, serial: string) => {
    // Node's native key generation: node-forge's JavaScript one takes seconds per 2048-bit key.
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const keys = { publicKey: forge.pki.publicKeyFromPem(pair.publicKey), privateKey: forge.pki.privateKeyFromPem(pair.privateKey) as forge.pki.rsa.PrivateKey };
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = serial;
    cert.validity.notBefore = new Date(Date.now() - 86_400_000);
    cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
    const name = [{ name: 'commonName', value: subject, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class }, { name: 'countryName', value: 'VN' }];
    cert.setSubject(name);
    cert.setIssuer(issuer.cert ? issuer.cert.subject.attributes : name);
    cert.setExtensions([{ name: 'basicConstraints', cA: ca }, { name: 'keyUsage', keyCertSign: ca, digitalSignature: true, nonRepudiation: !ca }]);
    cert.sign(issuer.key ?? keys.privateKey, forge.md.sha256.create());
    return { cert, key: keys.privateKey };
  };
  const root = make('Root CA thử nghiệm', {}, true, '01');
  const agency = make(agencyName, root, false, '2a');
  const p12 = (passphrase: string) => Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(agency.key, [agency.cert, root.cert], passphrase, { algorithm: '3des' })).getBytes(), 'binary');
  return { root, agency, p12 };
}
