import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseBpmn } from '../../../apps/engine/src/model/bpmn-parser.js';
import { DomainError } from '../../../apps/engine/src/shared/domain-error.js';
import { EngineHarness } from '../support/engine-harness.js';

const MIWG = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'fixtures', 'miwg');

/**
 * Every MIWG reference model either deploys or is refused with element-level details. They are
 * modelling-interchange samples, so none can run as is: each is refused, and the table names the
 * element and reason that must appear — the main reason the file can't run here.
 */
const EXPECTED: Record<string, { elementId: string; reason: RegExp }> = {
  'A.1.0.bpmn': { elementId: 'WFP-6-', reason: /isExecutable="false"/ },
  'A.2.0.bpmn': { elementId: '_35fe57a7-1302-44e2-bf58-032f11af7ecb', reason: /need a condition or must be the default flow/ },
  'A.2.1.bpmn': { elementId: '_To9Z7TOCEeSknpIVFCxNIQ', reason: /XPath.*not supported/ },
  'A.3.0.bpmn': { elementId: '_178e16eb-4c9e-4ea0-9644-7c5fb2b71825', reason: /EscalationEventDefinition/ },
  'A.4.0.bpmn': { elementId: 'WFP-6-2', reason: /isExecutable="false"/ },
  'A.4.1.bpmn': { elementId: 'sid-54D696FD-DEDC-45F3-99DB-1404DA433FC4', reason: /isExecutable="false"/ },
  'B.1.0.bpmn': { elementId: '_f7eade87-bb98-47d3-85c7-66033a62b124', reason: /no department/ },
  'B.2.0.bpmn': { elementId: '_cba8fbed-2bb6-40a9-8ac5-83e827ce9d9f', reason: /ConditionalEventDefinition/ },
  'C.1.0.bpmn': { elementId: 'invoiceApproved', reason: /FEEL syntax error.*\$\{approved\}/ },
  'C.1.1.bpmn': { elementId: 'approveInvoice', reason: /no department/ },
  'C.2.0.bpmn': { elementId: '_f35ee29d-018c-47e2-afeb-eebc2e25925e', reason: /IntermediateThrowEvent is not supported/ },
  'C.3.0.bpmn': { elementId: '_c73a5f4a-72f1-4e11-bb40-2f98da75fb9a', reason: /no department/ },
  'C.4.0.bpmn': { elementId: '_f8973a92-3d84-4672-a1a3-b0df154121e1', reason: /no department/ },
  'C.5.0.bpmn': { elementId: '_945cd271-46b6-4d71-83a1-530e445af820', reason: /no department/ },
  'C.6.0.bpmn': { elementId: '_e839800f-ad4f-4bcc-aaf2-d38fe4a32bcd', reason: /SendTask is not supported/ },
  'C.7.0.bpmn': { elementId: '_eae674ce-4d6e-48ac-819c-c79e0868e40d', reason: /BusinessRuleTask is not supported/ },
  'C.8.0.bpmn': { elementId: '_1a818a94-ba6f-413b-a7e8-6f8fd2a11e32', reason: /BusinessRuleTask is not supported/ },
  'C.8.1.bpmn': { elementId: '_9ed61a6a-7cc1-4ed1-86d8-03482b0983c9', reason: /SendTask is not supported/ },
  'C.9.0.bpmn': { elementId: 'Activity_1ke2ixr', reason: /event sub-processes are not supported/ },
  'C.9.1.bpmn': { elementId: 'UserTask_CallCustomer', reason: /no department/ },
  'C.9.2.bpmn': { elementId: 'Activity_0uvp3cb', reason: /event sub-processes are not supported/ },
};

describe('MIWG reference models', () => {
  it('the table covers every file of the suite', async () => {
    const files = (await readdir(MIWG)).filter((f) => f.endsWith('.bpmn')).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s is refused with element-level details', async (file, expected) => {
    const error = await parseBpmn(await readFile(path.join(MIWG, file), 'utf8')).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    const detail = error.details.find((d: { elementId?: string }) => d.elementId === expected.elementId);
    expect(detail).toBeDefined();
    expect(detail.elementType).toMatch(/^bpmn:/);
    expect(detail.message).toMatch(expected.reason);
    for (const d of error.details) expect(d.message.length).toBeGreaterThan(5);
  });

  it('A.1.0 marked executable deploys and runs from start to end (the suite’s plain tasks pass through)', async () => {
    const h = await EngineHarness.create();
    try {
      const xml = (await readFile(path.join(MIWG, 'A.1.0.bpmn'), 'utf8')).replace('isExecutable="false"', 'isExecutable="true"');
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
