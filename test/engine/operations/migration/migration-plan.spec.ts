import { parseBpmn } from '../../../../apps/engine/src/model/bpmn-parser.js';
import { checkPlan, proposePlan } from '../../../../apps/engine/src/operations/migration/migration-plan.js';
import type { Definition } from '../../../../apps/engine/src/runtime/ports.js';

/** A process of user tasks in a row (department `D`), with an optional decision after the first. */
function chain(steps: string[], options: { gatewayAfterFirst?: string } = {}): string {
  const nodes = ['start', ...steps, 'end'];
  const elements: string[] = [
    '<bpmn:startEvent id="start" />',
    ...steps.map((s) => `<bpmn:userTask id="${s}" name="Bước ${s}" od:department="D" />`),
    '<bpmn:endEvent id="end" />',
  ];
  const flows: string[] = [];
  for (let i = 0; i < nodes.length - 1; i++) {
    if (options.gatewayAfterFirst && nodes[i] === steps[0]) {
      elements.push('<bpmn:exclusiveGateway id="g" default="f-g-default" />');
      flows.push(`<bpmn:sequenceFlow id="f-${nodes[i]}-g" sourceRef="${nodes[i]}" targetRef="g" />`);
      flows.push(`<bpmn:sequenceFlow id="f-g-default" sourceRef="g" targetRef="${nodes[i + 1]}" />`);
      flows.push(`<bpmn:sequenceFlow id="f-g-refuse" sourceRef="g" targetRef="${options.gatewayAfterFirst}"><bpmn:conditionExpression>= refused = true</bpmn:conditionExpression></bpmn:sequenceFlow>`);
      continue;
    }
    flows.push(`<bpmn:sequenceFlow id="f-${nodes[i]}-${nodes[i + 1]}" sourceRef="${nodes[i]}" targetRef="${nodes[i + 1]}" />`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:od="http://onedoor.vn/schema/bpmn/1.0" id="defs" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">${elements.join('')}${flows.join('')}</bpmn:process>
</bpmn:definitions>`;
}

async function definition(id: string, xml: string): Promise<Definition> {
  const { graphs } = await parseBpmn(xml);
  return { id, key: graphs[0].key, version: Number(id.split(':')[1]), name: null, graph: graphs[0] };
}

describe('proposing a migration plan', () => {
  it('given steps kept, then each maps to itself', async () => {
    const v1 = await definition('p:1', chain(['a', 'b', 'c']));
    const v2 = await definition('p:2', chain(['a', 'b', 'c']));
    expect(proposePlan(v1, v2).instructions.map((i) => [i.sourceActivityId, i.targetActivityId, i.kind])).toEqual([
      ['a', 'a', 'same'],
      ['b', 'b', 'same'],
      ['c', 'c', 'same'],
    ]);
  });

  it('given two removed steps in a row, then both map to the first step after them that the target keeps', async () => {
    const v1 = await definition('p:1', chain(['a', 'b', 'c', 'd']));
    const v2 = await definition('p:2', chain(['a', 'd']));
    const plan = proposePlan(v1, v2);
    expect(plan.instructions.filter((i) => i.kind === 'successor').map((i) => [i.sourceActivityId, i.targetActivityId, i.targetName])).toEqual([
      ['b', 'd', 'Bước d'],
      ['c', 'd', 'Bước d'],
    ]);
    expect(checkPlan(plan, v1, v2).get('b')).toBe('d');
  });

  it('given the last step removed, then it has nowhere to go (none): its instances will be refused', async () => {
    const v1 = await definition('p:1', chain(['a', 'b']));
    const v2 = await definition('p:2', chain(['a']));
    expect(proposePlan(v1, v2).instructions.find((i) => i.sourceActivityId === 'b')).toEqual(expect.objectContaining({ targetActivityId: null, kind: 'none' }));
  });

  it('given a removed step before a decision, then the nearest kept step behind the gateway is proposed (breadth first)', async () => {
    const v1 = await definition('p:1', chain(['a', 'b', 'c', 'r'], { gatewayAfterFirst: 'r' }));
    const v2 = await definition('p:2', chain(['b', 'c', 'r']));
    expect(proposePlan(v1, v2).instructions.find((i) => i.sourceActivityId === 'a')).toEqual(expect.objectContaining({ targetActivityId: 'b', kind: 'successor' }));
  });

  it('given an edited plan naming a step the target lacks or mapping a step twice, then it is refused with the field', async () => {
    const v1 = await definition('p:1', chain(['a', 'b']));
    const v2 = await definition('p:2', chain(['a', 'b']));
    const missing = { ...proposePlan(v1, v2), instructions: [{ sourceActivityId: 'a', targetActivityId: 'x', kind: 'successor' as const }] };
    expect(() => checkPlan(missing, v1, v2)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'plan.instructions[0].targetActivityId' })] }));
    const twice = { ...proposePlan(v1, v2), instructions: [{ sourceActivityId: 'a', targetActivityId: 'a', kind: 'same' as const }, { sourceActivityId: 'a', targetActivityId: 'b', kind: 'successor' as const }] };
    expect(() => checkPlan(twice, v1, v2)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'plan.instructions[1].sourceActivityId' })] }));
  });
});
