import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { pkcs12Signer, remoteSigner, type AgencySigner } from './pdf-signer.js';

/** How this node signs result documents, and which roots it trusts when checking them. */
export interface ResultSigning {
  signer: Promise<AgencySigner>;
  trustedRoots: forge.pki.Certificate[];
  /** Printed in the signature as its place (e.g. "Cao Bằng"). */
  location: string;
}

const certificates = (pem: string) => (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((c) => forge.pki.certificateFromPem(c));

/**
 * From the environment; unset means results are kept as uploaded (unsigned).
 * - ONEDOOR_SIGNING_P12 (a .p12/.pfx file) and ONEDOOR_SIGNING_PASSPHRASE, or
 * - ONEDOOR_SIGNING_URL (a remote signing service), ONEDOOR_SIGNING_TOKEN, ONEDOOR_SIGNING_CHAIN (PEM file);
 * - ONEDOOR_SIGNING_ROOTS: PEM file of the roots a signature must chain to; ONEDOOR_SIGNING_LOCATION.
 */
export function resultSigningConfig(env: NodeJS.ProcessEnv = process.env): ResultSigning | undefined {
  const roots = env.ONEDOOR_SIGNING_ROOTS ? certificates(readFileSync(env.ONEDOOR_SIGNING_ROOTS, 'utf8')) : [];
  const location = env.ONEDOOR_SIGNING_LOCATION ?? 'Việt Nam';
  if (env.ONEDOOR_SIGNING_P12) {
    const signer = pkcs12Signer(env.ONEDOOR_SIGNING_P12, env.ONEDOOR_SIGNING_PASSPHRASE ?? '');
    signer.catch(() => undefined); // reported when a result is signed, not as an unhandled rejection
    return { signer, trustedRoots: roots, location };
  }
  if (env.ONEDOOR_SIGNING_URL) {
    const chainPem = env.ONEDOOR_SIGNING_CHAIN ? readFileSync(env.ONEDOOR_SIGNING_CHAIN, 'utf8') : '';
    return { signer: Promise.resolve().then(() => remoteSigner({ url: env.ONEDOOR_SIGNING_URL!, token: env.ONEDOOR_SIGNING_TOKEN, chainPem })), trustedRoots: roots, location };
  }
  return undefined;
}
