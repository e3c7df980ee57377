import { readBpmnXml } from '../../../apps/engine/src/model/moddle.js';
import { readStepAttributes, hasDepartment } from '@onedoor/bpmn-schema';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:od="http://onedoor.vn/schema/bpmn/1.0" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
  <bpmn:process id="p">
    <bpmn:laneSet><bpmn:lane id="lane-a" od:department="LANE_A"><bpmn:flowNodeRef>sub</bpmn:flowNodeRef><bpmn:flowNodeRef>grouped</bpmn:flowNodeRef><bpmn:flowNodeRef>own</bpmn:flowNodeRef>
      <bpmn:childLaneSet><bpmn:lane id="lane-a1"><bpmn:flowNodeRef>own</bpmn:flowNodeRef></bpmn:lane></bpmn:childLaneSet></bpmn:lane></bpmn:laneSet>
    <bpmn:userTask id="own" od:department="OWN" camunda:candidateGroups="GROUP" />
    <bpmn:userTask id="grouped" camunda:candidateGroups="GROUP_1, GROUP_2" />
    <bpmn:userTask id="expression" od:department="= donVi" od:allowanceDays="3" />
    <bpmn:subProcess id="sub">
      <bpmn:laneSet><bpmn:lane id="inner-lane" od:department="INNER"><bpmn:flowNodeRef>in-inner-lane</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
      <bpmn:userTask id="in-inner-lane" />
      <bpmn:userTask id="in-sub" />
    </bpmn:subProcess>
  </bpmn:process>
</bpmn:definitions>`;

describe('the one reader of a step’s od: attributes', () => {
  let byId: (id: string) => any;
  beforeAll(async () => {
    const { definitions } = await readBpmnXml(xml);
    const all = new Map<string, any>();
    const visit = (c: any) => (c.flowElements ?? []).forEach((e: any) => (all.set(e.id, e), visit(e)));
    visit(definitions.rootElements[0]);
    byId = (id) => all.get(id);
  });

  it('own od:department wins over candidate groups and lanes', () => {
    expect(readStepAttributes(byId('own'))).toEqual(expect.objectContaining({ department: 'OWN', ownDepartment: 'OWN', candidateGroup: 'GROUP', laneDepartment: 'LANE_A' }));
  });

  it('the first candidate group comes before the lane', () => {
    expect(readStepAttributes(byId('grouped')).department).toBe('GROUP_1');
  });

  it('a FEEL expression is kept as the expression, and counts as a department', () => {
    const attributes = readStepAttributes(byId('expression'));
    expect(attributes).toEqual(expect.objectContaining({ department: undefined, departmentExpression: 'donVi', allowanceDays: 3 }));
    expect(hasDepartment(attributes)).toBe(true);
  });

  it('in a sub-process, its own lanes come first; a step outside them takes the lane of the sub-process', () => {
    expect(readStepAttributes(byId('in-inner-lane')).department).toBe('INNER');
    expect(readStepAttributes(byId('in-sub')).department).toBe('LANE_A');
  });
});
