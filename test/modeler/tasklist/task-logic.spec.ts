import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseVariableRows } from '../../../apps/modeler/src/tasklist/task/actions/variable-rows.js';
import { gatewayChoices, type FlowNodeLike } from '../../../apps/modeler/src/tasklist/task/gateway-choices.js';
import { dueState } from '../../../apps/modeler/src/tasklist/format/due-state.js';
import { parseRoute, routeHash } from '../../../apps/modeler/src/tasklist/shell/router.js';
import { describeApiError } from '../../../apps/modeler/src/tasklist/format/api-message.js';
import { viTasklist } from '../../../apps/modeler/src/tasklist/i18n/vi-tasklist.js';
import { ApiError } from '../../../apps/modeler/src/shared/api-error.js';
import { i18n } from '../../../apps/modeler/src/shared/i18n.js';
import { viUi } from '../../../apps/modeler/src/shared/vi-ui.js';
import { parseBpmn, readBpmn } from '../support/read-bpmn.js';

const processes = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../processes');
const step = async (file: string, id: string) => (await readBpmn(path.join(processes, file))).elementsById[id] as unknown as FlowNodeLike;

describe('task list logic (no browser)', () => {
  describe('decision buttons from the diagram', () => {
    it('given a step before a gateway on `accepted`, then there is one button per outcome, named after its flow', async () => {
      expect(gatewayChoices(await step('1.012990.v2.bpmn', 'buoc-3-quyet-dinh'))).toEqual([
        { label: 'Tiếp nhận', variable: 'accepted', value: true },
        { label: 'Từ chối', variable: 'accepted', value: false },
      ]);
    });

    it('given the on-site inspection of 9.000101, then the buttons set `inspectionPassed`', async () => {
      expect(gatewayChoices(await step('9.000101.v2.bpmn', 'buoc-4-tham-dinh-thuc-te')).map((c) => `${c.label}:${c.variable}=${c.value}`)).toEqual([
        'Đạt:inspectionPassed=true',
        'Không đạt:inspectionPassed=false',
      ]);
    });

    it('given a plain step, then there are no buttons', async () => {
      expect(gatewayChoices(await step('1.001806.v2.bpmn', 'buoc-2-phan-cong'))).toEqual([]);
    });

    it('given conditions on the step’s own flows with numbers, strings and a complex expression, then only the simple ones become buttons', async () => {
      const { elementsById } = await parseBpmn(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:userTask id="a"><bpmn:outgoing>f1</bpmn:outgoing><bpmn:outgoing>f2</bpmn:outgoing><bpmn:outgoing>f3</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" /><bpmn:endEvent id="e3" />
    <bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="e1"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= score = 3</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f2" name="Hạng A" sourceRef="a" targetRef="e2"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= grade = "A"</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f3" sourceRef="a" targetRef="e3"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= score &gt; 3 and grade = "B"</bpmn:conditionExpression></bpmn:sequenceFlow>
  </bpmn:process>
</bpmn:definitions>`);
      expect(gatewayChoices(elementsById.a as unknown as FlowNodeLike)).toEqual([
        { label: 'score = 3', variable: 'score', value: 3 },
        { label: 'Hạng A', variable: 'grade', value: 'A' },
      ]);
    });
  });

  describe('variables typed in the complete form', () => {
    it('given text, number (with a decimal comma) and yes/no rows, then they become typed variables; blank rows are skipped', () => {
      expect(
        parseVariableRows([
          { name: 'ghiChu', type: 'text', value: 'Đủ hồ sơ' },
          { name: 'soNgay', type: 'number', value: '2,5' },
          { name: 'accepted', type: 'boolean', value: 'false' },
          { name: '', type: 'text', value: '' },
        ]),
      ).toEqual({ ok: true, variables: { ghiChu: 'Đủ hồ sơ', soNgay: 2.5, accepted: false } });
    });

    it('given a bad name, a repeated name and a non-number, then each row is reported', () => {
      const result = parseVariableRows([
        { name: 'ghi chú', type: 'text', value: 'x' },
        { name: 'n', type: 'number', value: 'mười' },
        { name: 'a', type: 'text', value: '1' },
        { name: 'a', type: 'text', value: '2' },
      ]);
      expect(result.ok ? [] : result.problems.map((p) => p.row)).toEqual([0, 1, 3]);
    });
  });

  describe('due state', () => {
    const now = new Date('2027-03-02T01:00:00Z');
    const soonLimit = new Date('2027-03-03T01:00:00Z');
    it('given the engine’s overdue flag, a due time before the limit, after it, or none, then red, amber, plain, none', () => {
      expect(dueState({ dueAt: '2027-03-01T06:30:00Z', overdue: true }, now, soonLimit)).toBe('overdue');
      expect(dueState({ dueAt: '2027-03-02T06:30:00Z', overdue: false }, now, soonLimit)).toBe('soon');
      expect(dueState({ dueAt: '2027-03-10T06:30:00Z', overdue: false }, now, soonLimit)).toBe('ok');
      expect(dueState({ dueAt: null }, now, soonLimit)).toBe('none');
      // without the engine's verdict the browser's clock decides
      expect(dueState({ dueAt: '2027-03-01T06:30:00Z' }, now, null)).toBe('overdue');
    });
  });

  describe('routes', () => {
    it('given each view, then its hash reads back as the same route; anything else is my tasks', () => {
      for (const route of [{ view: 'inbox', filter: 'candidate' }, { view: 'task', taskId: 'a b' }, { view: 'receive' }, { view: 'waiting' }] as const) {
        expect(parseRoute(routeHash(route))).toEqual(route);
      }
      expect(parseRoute('#/nonsense')).toEqual({ view: 'inbox', filter: 'mine' });
      expect(parseRoute('')).toEqual({ view: 'inbox', filter: 'mine' });
    });
  });

  describe('engine errors in Vietnamese', () => {
    beforeAll(() => {
      i18n.register(viUi);
      i18n.register(viTasklist);
    });
    const error = (status: number, message: string) => new ApiError(status, { statusCode: status, message });

    it('given the engine’s 409 and 403 answers, then the officer reads what happened', () => {
      expect(describeApiError(error(409, 'task 3f0c… is already completed'))).toBe('Việc này vừa được người khác hoàn thành. Danh sách đã được làm mới.');
      expect(describeApiError(error(409, 'task is already claimed by chuyenvien.btxh'))).toBe('chuyenvien.btxh đã nhận việc này trước bạn.');
      expect(describeApiError(error(403, 'this task is claimed by chuyenvien.btxh'))).toBe('Việc này đang do chuyenvien.btxh xử lý.');
      expect(describeApiError(error(403, 'this task belongs to SYT_BTXH (head)'))).toBe('Việc này thuộc phòng ban hoặc vai trò khác.');
      expect(describeApiError(error(409, 'buoc-1 is the first step: there is no previous step to return the dossier to'))).toBe('Đây là bước đầu tiên: không có bước trước để chuyển trả.');
      expect(describeApiError(error(0, 'Failed to fetch'))).toBe('Không kết nối được máy chủ.');
    });
  });
});
