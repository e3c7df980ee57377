import net from 'node:net';
import { httpListenProblem } from '../../apps/engine/src/bootstrap/startup-problem.js';
import { ensureChromium } from '../support/browser.js';
import { freePort } from '../support/engine-server.js';

/**
 * Issue #19: `npm start` and `npm test` on a fresh machine stop with one sentence that says what
 * to do (the embedded database's sentences are in test/engine/persistence/embedded-database-checks).
 */
describe('a first run', () => {
  it('given no Chromium, when a browser spec starts, then it names the Debian package chromium in one sentence', async () => {
    const failure = await ensureChromium('/nonexistent/chromium').then(() => undefined, (error: Error) => error);
    expect(failure?.message).toBe(
      'The browser specs need Chromium at /nonexistent/chromium: install the Debian package `chromium` (apt-get install -y chromium, as .ci/run does) and run npm test again.',
    );
    expect(failure?.stack).toBe(failure?.message);
  });

  it('given the HTTP port taken by another program, when the engine listens, then it names the port and PORT', async () => {
    const port = await freePort();
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(port, '0.0.0.0', resolve));
    const engine = net.createServer();
    try {
      const error = await new Promise<unknown>((resolve) => {
        engine.once('error', resolve);
        engine.listen(port, '0.0.0.0');
      });
      expect(httpListenProblem(error, port, '0.0.0.0')?.message).toBe(
        `Port ${port} is already in use (another OneDoor or another server is listening on it): stop that program or start with PORT=<another port>.`,
      );
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('given an address the machine does not have or a privileged port, then the sentence says what to set', () => {
    expect(httpListenProblem(Object.assign(new Error('x'), { code: 'EADDRNOTAVAIL' }), 3000, '10.9.9.9')?.message).toMatch(/^This machine has no address 10\.9\.9\.9: set HOST/);
    expect(httpListenProblem(Object.assign(new Error('x'), { code: 'EACCES' }), 80, '0.0.0.0')?.message).toMatch(/port 80 .*start with PORT=3000/);
    expect(httpListenProblem(new Error('something else'), 3000, '0.0.0.0')).toBeUndefined();
  });
});
