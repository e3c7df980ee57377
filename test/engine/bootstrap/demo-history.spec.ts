import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkingCalendar } from '@onedoor/working-calendar';
import { generateDemoHistory } from '../../../apps/engine/src/bootstrap/demo-history.js';
import { seedDemoOrganisation } from '../../../apps/engine/src/bootstrap/demo-organisation.js';
import { deployProcessFolder } from '../../../apps/engine/src/bootstrap/process-folder.js';
import { Engine } from '../../../apps/engine/src/engine.js';
import { Organisation } from '../../../apps/engine/src/persistence/identity/organisation.js';
import { createTestDatabase } from '../../support/database.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const calendar = WorkingCalendar.vietnam();

/** What a manager would see of the history: codes, times, outcomes — not the random row ids. */
async function generate(seed: number) {
  const db = await createTestDatabase();
  try {
    const engine = new Engine({ dataSource: db.dataSource, calendar: () => calendar });
    await seedDemoOrganisation(new Organisation(engine.db), path.join(root, 'processes', 'organisation.json'));
    await deployProcessFolder(engine, path.join(root, 'processes'));
    const result = await generateDemoHistory(db.dataSource, {
      seed,
      perVersion: 3,
      startAt: new Date('2026-03-02T00:30:00Z'),
      organisationFile: path.join(root, 'processes', 'organisation.json'),
      calendar: () => calendar,
    });
    const dossiers = await db.dataSource.query(
      `SELECT d.code, d.procedure_key, d.channel, d.received_at, d.due_at, d.finished_at, d.status,
              (SELECT json_agg(json_build_object('step', h.element_id, 'by', h.ended_by, 'start', h.created_at, 'end', h.ended_at) ORDER BY h.created_at, h.element_id)
                 FROM hist_task_instance h JOIN process_instance p ON p.id = h.instance_id WHERE p.root_instance_id = d.instance_id) AS steps
       FROM dossier d ORDER BY d.code`,
    );
    return { result, dossiers };
  } finally {
    await db.close();
  }
}

describe('demo history', () => {
  it('given the same seed, then the generated history is the same; a different seed gives another', async () => {
    const first = await generate(7);
    const second = await generate(7);
    expect(second.dossiers).toEqual(first.dossiers);
    expect(first.result.dossiers).toBe(30); // 5 procedures × 2 versions × 3
    expect(first.result.finished).toBeGreaterThan(15);
    expect(first.dossiers.every((d: { steps: unknown[] }) => d.steps.length > 0)).toBe(true);
    const other = await generate(8);
    expect(other.dossiers).not.toEqual(first.dossiers);
  });
});
