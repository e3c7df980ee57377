import type { Sql } from '../persistence/database.js';

/** Where a dossier file's bytes are kept; the row in dossier_file says which store and key. */
export type StorageKind = 'pg-large-object' | 'directory';

/**
 * One interface for keeping a dossier's files, so one machine may keep them in PostgreSQL (the
 * default: backed up with the rest of the data) or in a directory, and a cluster in an object
 * store later, without the rest of the engine knowing. The integrity check (SHA-256) is done
 * above the store, the same for all of them.
 */
export interface DossierFileStore {
  readonly kind: StorageKind;
  /** Keeps the bytes and answers the key to read them back; in the caller's transaction when the store is the database. */
  put(sql: Pick<Sql, 'query'>, bytes: Buffer): Promise<string>;
  /** The bytes under a key; undefined when they are gone. */
  get(db: Pick<Sql, 'query'>, key: string): Promise<Buffer | undefined>;
}
