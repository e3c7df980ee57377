import net from 'node:net';
import path from 'node:path';
import { buildEngineForNodes, EngineNode } from './engine-node.js';
import { repoRoot } from './run-chaos.js';


/** A port nothing listens on: a database that is not there (yet). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A rolling restart may signal a node that has not finished starting: it waits for a database
 * that is failing over, or is half-way through its migrations. The signal must stop it cleanly
 * (exit 0), not make the start-up step it interrupted fail the process.
 */
describe('a node stopped while it is still starting', () => {
  beforeAll(async () => {
    await buildEngineForNodes(repoRoot());
  }, 120_000);

  it('given a node waiting for its database, when SIGTERM arrives, then it exits 0 at once', async () => {
    const databasePort = await closedPort();
    const node = new EngineNode('starting', await closedPort(), path.join(repoRoot(), 'dist', 'apps', 'engine', 'src', 'main.js'), {
      DATABASE_URL: `postgres://onedoor:onedoor@127.0.0.1:${databasePort}/onedoor`,
      ONEDOOR_DEMO: '0',
    });
    node.start();
    const waiting = Date.now();
    while (!node.log.includes('waiting for the database')) {
      if (Date.now() - waiting > 30_000) throw new Error(`never said it waits for the database:\n${node.log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const stopping = Date.now();
    const code = await node.terminate();

    expect({ code, log: node.log }).toEqual({ code: 0, log: expect.stringContaining('stopped cleanly') });
    expect(Date.now() - stopping).toBeLessThan(5_000);
  }, 60_000);
});
