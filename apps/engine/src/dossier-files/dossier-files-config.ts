import path from 'node:path';
import type { DossierFileStore } from './dossier-file-store.js';
import { DirectoryStore } from './directory-store.js';
import { LargeObjectStore } from '../persistence/dossier-files/large-object-store.js';
import { resultSigningConfig, type ResultSigning } from '../signing/signing-config.js';

/** How a node keeps dossier files, from the environment. */
export interface DossierFilesConfig {
  store: DossierFileStore;
  /** Largest file accepted (ONEDOOR_FILE_MAX_BYTES, default 10 MiB). */
  maxBytes: number;
  /** Result PDFs are signed (PAdES) with the agency's key when configured (ONEDOOR_SIGNING_*). */
  signing?: ResultSigning;
}

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** ONEDOOR_FILE_DIR set: a directory on this machine; otherwise PostgreSQL large objects. */
export function dossierFilesConfig(env: NodeJS.ProcessEnv = process.env): DossierFilesConfig {
  const dir = env.ONEDOOR_FILE_DIR?.trim();
  const max = Number(env.ONEDOOR_FILE_MAX_BYTES);
  return {
    store: dir ? new DirectoryStore(path.resolve(dir)) : new LargeObjectStore(),
    maxBytes: Number.isInteger(max) && max > 0 ? max : DEFAULT_MAX_FILE_BYTES,
    signing: resultSigningConfig(env),
  };
}
