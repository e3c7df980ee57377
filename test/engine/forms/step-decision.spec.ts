import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBpmn } from '../../../apps/engine/src/model/bpmn-parser.js';
import type { ProcedureGraph } from '../../../apps/engine/src/model/procedure-graph.js';
import { stepForm } from '../../../apps/engine/src/forms/step-form.js';
import { checkSubmission } from '../../../apps/engine/src/forms/form-submission.js';

const processes = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../processes');
const graphOf = async (file: string): Promise<ProcedureGraph> => (await parseBpmn(await readFile(path.join(processes, file), 'utf8'))).graphs[0];
const formOf = async (file: string, id: string) => {
  const graph = await graphOf(file);
  return stepForm(graph, graph.nodes.get(id)!);
};

/** Which steps are decisions, and what their buttons say (issue #18: never a raw `accepted = true`). */
describe('the decision a step makes', () => {
  it('given the director’s step of 1.012990 before the gateway on `accepted`, then one choice per flow, labelled by the step’s decision field', async () => {
    expect((await formOf('1.012990.v2.bpmn', 'buoc-3-quyet-dinh')).decision).toEqual({
      variable: 'accepted',
      label: 'Quyết định của Giám đốc',
      required: true,
      choices: [
        { value: true, label: 'Tiếp nhận người thực hành' },
        { value: false, label: 'Từ chối bằng văn bản' },
      ],
    });
  });

  it('given the on-site inspection of 9.000101, then the decision sets `inspectionPassed` and the inspection date stays a field', async () => {
    const form = await formOf('9.000101.v2.bpmn', 'buoc-4-tham-dinh-thuc-te');
    expect(form.decision?.choices.map((c) => `${c.label}=${c.value}`)).toEqual(['Cơ sở đạt yêu cầu=true', 'Cơ sở không đạt=false']);
    expect(form.fields.map((f) => f.variable)).toEqual(['ngayThamDinhThucTe']);
  });

  it('given a plain step, then there is no decision', async () => {
    expect((await formOf('1.001806.v2.bpmn', 'buoc-2-phan-cong')).decision).toBeNull();
  });

  it('given a gateway nobody wrote a field for, then its flows’ names label the choices; a condition richer than “variable = constant” makes no buttons', async () => {
    const { graphs } = await parseBpmn(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:od="http://onedoor.vn/schema/bpmn/1.0" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:userTask id="a" name="Xếp hạng" od:department="D" />
    <bpmn:exclusiveGateway id="g" name="Hạng nào?" />
    <bpmn:userTask id="b" name="Xét tiếp" od:department="D" />
    <bpmn:exclusiveGateway id="g2" />
    <bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" /><bpmn:endEvent id="e3" />
    <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="a" />
    <bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="g" />
    <bpmn:sequenceFlow id="f2" name="Hạng A" sourceRef="g" targetRef="b"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= grade = "A"</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f3" sourceRef="g" targetRef="e1"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= grade = "B"</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f4" sourceRef="b" targetRef="g2" />
    <bpmn:sequenceFlow id="f5" sourceRef="g2" targetRef="e2"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= score &gt; 3 and grade = "A"</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f6" sourceRef="g2" targetRef="e3"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= score &lt;= 3</bpmn:conditionExpression></bpmn:sequenceFlow>
  </bpmn:process>
</bpmn:definitions>`);
    const graph = graphs[0];
    expect(stepForm(graph, graph.nodes.get('a')!).decision).toEqual({
      variable: 'grade',
      label: 'Hạng nào?',
      required: true,
      choices: [
        { value: 'A', label: 'Hạng A' },
        { value: 'B', label: 'B' },
      ],
    });
    expect(stepForm(graph, graph.nodes.get('b')!).decision).toBeNull();
  });

  it('given a gateway testing `= vuotThamQuyen = true` with a default flow, then false is the default path’s button, and the submission may send it', async () => {
    const { graphs } = await parseBpmn(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:od="http://onedoor.vn/schema/bpmn/1.0" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:userTask id="a" name="Xem xét hồ sơ" od:department="D" />
    <bpmn:exclusiveGateway id="g" default="f3" />
    <bpmn:endEvent id="e1" name="Trình cấp trên" /><bpmn:endEvent id="e2" name="Giải quyết tại phòng" />
    <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="a" />
    <bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="g" />
    <bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="e1"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= vuotThamQuyen = true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f3" sourceRef="g" targetRef="e2" />
  </bpmn:process>
</bpmn:definitions>`);
    const graph = graphs[0];
    const form = stepForm(graph, graph.nodes.get('a')!);
    expect(form.decision).toEqual({
      variable: 'vuotThamQuyen',
      label: 'Xem xét hồ sơ',
      required: false,
      choices: [
        { value: true, label: 'Trình cấp trên' },
        { value: false, label: 'Giải quyết tại phòng' },
      ],
    });
    expect(() => checkSubmission(form, { vuotThamQuyen: false }, new Map(), new Map())).not.toThrow();
    expect(() => checkSubmission(form, { vuotThamQuyen: 'không' }, new Map(), new Map())).toThrow(/must be one of true, false/);
  });
});
