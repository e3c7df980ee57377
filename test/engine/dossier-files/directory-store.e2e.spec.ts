import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DirectoryStore } from '../../../apps/engine/src/dossier-files/directory-store.js';
import { dossierFilesConfig } from '../../../apps/engine/src/dossier-files/dossier-files-config.js';
import { LargeObjectStore } from '../../../apps/engine/src/persistence/dossier-files/large-object-store.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';
import { Journey, pdf } from './dossier-journey.js';

/**
 * Issue #23: with ONEDOOR_FILE_DIR set, a node keeps dossier files in that directory instead of
 * PostgreSQL; the checksum guards them the same way, and a key can never point outside it.
 */
describe('the directory store of dossier files', () => {
  let dir: string;
  let t: TestEngine;
  let j: Journey;
  const before = process.env.ONEDOOR_FILE_DIR;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'onedoor-files-'));
    process.env.ONEDOOR_FILE_DIR = dir;
    t = await startTestEngine({ processes: true });
    j = new Journey(t);
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.ONEDOOR_FILE_DIR;
    else process.env.ONEDOOR_FILE_DIR = before;
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('given the environment, then ONEDOOR_FILE_DIR chooses the directory store and its absence PostgreSQL large objects', () => {
    expect(dossierFilesConfig({ ONEDOOR_FILE_DIR: dir }).store).toBeInstanceOf(DirectoryStore);
    expect(dossierFilesConfig({}).store).toBeInstanceOf(LargeObjectStore);
    expect(dossierFilesConfig({ ONEDOOR_FILE_MAX_BYTES: '2048' }).maxBytes).toBe(2048);
    expect(dossierFilesConfig({ ONEDOOR_FILE_MAX_BYTES: 'lots' }).maxBytes).toBe(10 * 1024 * 1024);
  });

  it('given an upload, then the bytes are a file in the directory, the row says so, and a changed file is refused on download', async () => {
    // given
    const code = await j.receive({ name: 'Triệu Văn Phúc', idNumber: '001090000400', phone: '0912000400' });
    const uploaded = await j.upload(code, 'don-dang-ky', pdf('don Phuc'));
    expect(uploaded.status).toBe(201);
    const [row] = await t.db.dataSource.query(`SELECT storage, storage_key FROM dossier_file WHERE id = $1`, [uploaded.body.id]);
    expect(row.storage).toBe('directory');
    const [month] = await readdir(dir);
    expect(await readdir(path.join(dir, month))).toContain(row.storage_key.split('/')[1]);
    // when read back intact
    const ok = await t.http.get(`/api/dossiers/${code}/files/${uploaded.body.id}`).set('Authorization', await j.as('motcua.snnmt'));
    expect(ok.status).toBe(200);
    // when the file on disk is changed
    await writeFile(path.join(dir, row.storage_key), pdf('doi noi dung'));
    const changed = await t.http.get(`/api/dossiers/${code}/files/${uploaded.body.id}`).set('Authorization', await j.as('motcua.snnmt'));
    expect(changed.status).toBe(409);
    expect(changed.body.message).toMatch(/SHA-256/);
    // when it is gone
    await rm(path.join(dir, row.storage_key));
    const gone = await t.http.get(`/api/dossiers/${code}/files/${uploaded.body.id}`).set('Authorization', await j.as('motcua.snnmt'));
    expect(gone.status).toBe(409);
    expect(gone.body.message).toMatch(/missing/);
  });

  it('given a key that is not one the store made, then nothing is read, in or out of the directory', async () => {
    const store = new DirectoryStore(dir);
    expect(await store.get(null, '../../etc/passwd')).toBeUndefined();
    expect(await store.get(null, '2027-06/not-a-uuid')).toBeUndefined();
    const key = await store.put(null as never, Buffer.from('%PDF-1.7 x'));
    expect((await store.get(null, key))?.toString()).toBe('%PDF-1.7 x');
  });
});
