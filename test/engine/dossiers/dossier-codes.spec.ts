import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_ACTOR } from '../../../apps/engine/src/commands/command.js';
import { Engine } from '../../../apps/engine/src/engine.js';
import { ReceiveDossier } from '../../../apps/engine/src/dossiers/receive-dossier.js';
import { installDossiers } from '../../../apps/engine/src/dossiers/index.js';
import { deployProcessFolder } from '../../../apps/engine/src/bootstrap/process-folder.js';
import { createTestDatabase } from '../../support/database.js';

const processes = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'processes');

describe('dossier codes', () => {
  it('given 500 concurrent receipts on two engine nodes, then the codes are distinct and gap-free per agency and day', async () => {
    const db = await createTestDatabase();
    const second = await db.connectAnother();
    const clock = { now: () => new Date('2027-03-02T02:00:00Z') };
    const nodes = [new Engine({ dataSource: db.dataSource, clock, nodeId: 'a' }), new Engine({ dataSource: second, clock, nodeId: 'b' })];
    nodes.forEach((n) => installDossiers(n));
    try {
      await deployProcessFolder(nodes[0], processes);
      const receive = (i: number) =>
        nodes[i % 2].execute(new ReceiveDossier({ procedureKey: 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat', applicant: { name: `Người nộp ${i}` }, channel: 'online' }), SYSTEM_ACTOR);
      // 500 receipts, 10 in flight at a time on each node — as many as a test pool has connections
      // (createTestDatabase: 10): the receipts queue on the sequence row inside PostgreSQL, none
      // waits for a connection (a wait beyond the pool's 5 s is an overload answer, which CI gave).
      const codes: string[] = [];
      for (let batch = 0; batch < 500; batch += 20) {
        const results = await Promise.all(Array.from({ length: 20 }, (_, k) => receive(batch + k)));
        codes.push(...results.map((r) => r.code));
      }
      expect(new Set(codes).size).toBe(500);
      const sequence = codes.map((c) => Number(c.split('-')[2])).sort((a, b) => a - b);
      expect(sequence).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
      expect(codes.every((c) => c.startsWith('SYT-270302-'))).toBe(true);
    } finally {
      await db.close();
    }
  });
});
