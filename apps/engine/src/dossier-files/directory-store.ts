import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { DossierFileStore } from './dossier-file-store.js';

/**
 * Files in a directory of one machine (ONEDOOR_FILE_DIR): one file per upload, named by a random
 * id under a folder per month. The bytes are written to a temporary name, flushed to disk, then
 * renamed, so a crash never leaves half a file under a real key. A transaction rolled back after
 * the write leaves an orphan file, never a row without its file.
 */
export class DirectoryStore implements DossierFileStore {
  readonly kind = 'directory' as const;

  constructor(readonly root: string) {}

  async put(_sql: unknown, bytes: Buffer): Promise<string> {
    const month = new Date().toISOString().slice(0, 7);
    const key = `${month}/${randomUUID()}`;
    const target = this.pathOf(key)!;
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.part`;
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
    return key;
  }

  async get(_db: unknown, key: string): Promise<Buffer | undefined> {
    const file = this.pathOf(key);
    if (!file) return undefined;
    return readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
  }

  /** Only keys this store made: a row's key can never point outside the directory. */
  private pathOf(key: string): string | undefined {
    if (!/^\d{4}-\d{2}\/[0-9a-f-]{36}$/.test(key)) return undefined;
    return path.join(this.root, key);
  }
}
