import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseBpmn } from '../../../apps/engine/src/model/bpmn-parser.js';
import { DomainError } from '../../../apps/engine/src/shared/domain-error.js';
import { EngineHarness } from '../support/engine-harness.js';
import { prepareAsDesigner } from './miwg-prepare.js';

const MIWG = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'fixtures', 'miwg');

/**
 * Every MIWG reference model, prepared as a designer would (every process executable, every user
 * task given a department), either deploys or is refused for a modelling error named with its
 * element id — never because the engine lacks an element kind, XPath conditions aside (FEEL is
 * the engine's language). The table names, for each refused file, the element and reason that
 * must appear: the main reason the file can't run as drawn.
 */
type Expected = 'deploys' | { elementId: string; reason: RegExp };
const EXPECTED: Record<string, Expected> = {
  'A.1.0.bpmn': 'deploys',
  'A.2.0.bpmn': { elementId: '_35fe57a7-1302-44e2-bf58-032f11af7ecb', reason: /need a condition or must be the default flow/ },
  'A.2.1.bpmn': { elementId: '_To9Z7TOCEeSknpIVFCxNIQ', reason: /XPath.*not supported/ },
  'A.3.0.bpmn': { elementId: '_428dcbf5-8e5e-48e0-9c0c-d93003fa8c82', reason: /names no message/ },
  'A.4.0.bpmn': 'deploys',
  'A.4.1.bpmn': 'deploys',
  'B.1.0.bpmn': { elementId: '_e314751e-5c3a-41f2-a1ae-4cb99efa0916', reason: /exactly one of timeDuration, timeDate or timeCycle/ },
  'B.2.0.bpmn': { elementId: '_c57a5344-213f-4834-a6c3-94ce878b413c', reason: /neither how many instances/ },
  'C.1.0.bpmn': { elementId: 'invoiceApproved', reason: /XPath.*not supported/ },
  'C.1.1.bpmn': { elementId: 'invoiceApproved', reason: /XPath.*not supported/ },
  'C.2.0.bpmn': { elementId: '_29a5e7c6-e54e-4c61-ba35-59ae446a3462', reason: /need a condition or must be the default flow/ },
  'C.3.0.bpmn': { elementId: '_be893987-caec-4605-b078-bd96b7cd6c12', reason: /XPath.*not supported/ },
  'C.4.0.bpmn': { elementId: '_fe77c2f2-278f-4752-9d03-aa0c8a12af1e', reason: /names no message/ },
  'C.5.0.bpmn': { elementId: '_8055ae64-cafd-4fd0-be36-2216e3b02e37', reason: /names no signal/ },
  'C.6.0.bpmn': { elementId: '_15fef309-6718-4352-9b71-f757bcd8c023', reason: /names no message/ },
  'C.7.0.bpmn': { elementId: '_eae674ce-4d6e-48ac-819c-c79e0868e40d', reason: /names no decision/ },
  'C.8.0.bpmn': { elementId: '_1a818a94-ba6f-413b-a7e8-6f8fd2a11e32', reason: /names no decision/ },
  'C.8.1.bpmn': { elementId: '_1a818a94-ba6f-413b-a7e8-6f8fd2a11e32', reason: /names no decision/ },
  'C.9.0.bpmn': 'deploys',
  'C.9.1.bpmn': 'deploys',
  'C.9.2.bpmn': 'deploys',
};

const prepared = async (file: string) => prepareAsDesigner(await readFile(path.join(MIWG, file), 'utf8'));

describe('MIWG reference models', () => {
  it('the table covers every file of the suite', async () => {
    const files = (await readdir(MIWG)).filter((f) => f.endsWith('.bpmn')).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s, prepared as a designer would, deploys or is refused for a modelling error only', async (file, expected) => {
    const outcome = await parseBpmn(await prepared(file)).catch((e) => e);
    if (expected === 'deploys') {
      expect(outcome).not.toBeInstanceOf(Error);
      expect(outcome.graphs.length).toBeGreaterThan(0);
      return;
    }
    expect(outcome).toBeInstanceOf(DomainError);
    const detail = outcome.details.find((d: { elementId?: string }) => d.elementId === expected.elementId);
    expect(detail).toBeDefined();
    expect(detail.elementType).toMatch(/^bpmn:/);
    expect(detail.message).toMatch(expected.reason);
    for (const d of outcome.details.filter((x: { message: string }) => !x.message.startsWith('XML reader:'))) {
      expect(d.elementId).toBeTruthy();
      expect(d.message.length).toBeGreaterThan(5);
      if (!/XPath/.test(d.message)) expect(d.message).not.toMatch(/not supported/);
    }
  });

  it('as published (documentation, not marked executable), a file is refused saying so', async () => {
    const error = await parseBpmn(await readFile(path.join(MIWG, 'A.1.0.bpmn'), 'utf8')).catch((e) => e);
    expect(error.details).toContainEqual(expect.objectContaining({ elementId: 'WFP-6-', message: expect.stringMatching(/isExecutable="false"/) }));
  });

  it('A.1.0 marked executable deploys and runs from start to end (the suite’s plain tasks pass through)', async () => {
    const h = await EngineHarness.create();
    try {
      const xml = await prepared('A.1.0.bpmn');
      const deployed = await h.engine.execute(
        new (await import('../../../apps/engine/src/commands/deploy-procedures.js')).DeployProcedures('A.1.0', [{ name: 'A.1.0.bpmn', xml }]),
        { username: 'system', roles: ['system'] },
      );
      const { id } = await h.start(deployed.processDefinitions[0].key);
      expect((await h.instance(id)).state).toBe('completed');
    } finally {
      await h.close();
    }
  });
});
