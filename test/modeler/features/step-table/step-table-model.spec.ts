import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStepTables } from '../../../../apps/modeler/src/features/step-table/step-table-model.js';
import { linkFlowNodes } from '../../../../apps/modeler/src/shared/procedure/link-flow-nodes.js';
import { parseBpmn, readBpmn } from '../../support/read-bpmn.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('step table model', () => {
  it('numbers steps in flow order: branches before their join, loops and boundary paths after', async () => {
    // given: elements listed backwards, a parallel split/join, a loop back to A,
    // a timer path from B1, a sub-process, a disconnected step
    const { definitions } = await readBpmn(path.join(here, 'flow-order-branches-loops-boundaries.bpmn'));

    // when
    const [table] = buildStepTables(definitions);

    // then
    expect(table.rows.map((row) => `${row.number}:${row.elementId}`)).toEqual([
      '1:A', '2:B1', '3:B2', '4:C1', '5:D1', '6:D2', '7:E', '8:tra', '9:F', '10:G', '11:Z',
    ]);
  });

  it('totals the counted allowances against the statutory days', async () => {
    const { definitions } = await readBpmn(path.join(here, 'flow-order-branches-loops-boundaries.bpmn'));

    const [table] = buildStepTables(definitions);

    // 0.25 + 1 + 1 + 1 + 0.5 + 0.5 + 1 + 0.5 + 0.25 + 0 = 6; "tra" is not counted
    expect(table).toMatchObject({ processId: 'thu-tu', procedureCode: '9.999999', statutoryDays: 6, countedTotal: 6, mismatch: false });
    expect(table.rows.find((row) => row.elementId === 'tra')).toMatchObject({ counted: false, allowanceDays: 0.5 });
  });

  it('flags a mismatch and reads departments from lanes, roles and removal flags', async () => {
    // given the hand-drawn 1.001806 procedure (departments on lanes only), with one step changed
    const { definitions, elementsById } = await readBpmn(path.join(here, '../lint/real-procedure-1.001806.bpmn'));
    elementsById['xem-xet'].set('od:allowanceDays', 1);
    elementsById['xem-xet'].set('od:removalProposed', true);

    const [table] = buildStepTables(definitions);

    expect(table.rows.map((row) => [row.number, row.name, row.department, row.role, row.allowanceDays, row.counted])).toEqual([
      [1, 'Tiếp nhận, kiểm tra hồ sơ', 'MOTCUA', 'reception', 0.5, true],
      [2, 'Phân công chuyên viên', 'PHONG_BTXH', 'head', 0.5, true],
      [3, 'Thẩm định hồ sơ, dự thảo quyết định', 'PHONG_BTXH', 'specialist', 7, true],
      [4, 'Xem xét, trình lãnh đạo Sở', 'PHONG_BTXH', 'head', 1, true],
      [5, 'Phê duyệt, ký quyết định', 'LANH_DAO_SO', 'leader', 1, true],
      [6, 'Vào sổ, đóng dấu, chuyển kết quả', 'VAN_THU', 'clerk', 0.5, true],
      [7, 'Trả kết quả cho tổ chức, cá nhân', 'MOTCUA', 'reception', 0.5, false],
    ]);
    expect(table.rows[3]).toMatchObject({ ownDepartment: undefined, laneDepartment: 'PHONG_BTXH', removalProposed: true });
    expect(table).toMatchObject({ statutoryDays: 10, countedTotal: 10.5, mismatch: true });
  });

  it('lists the pools in collaboration order and skips processes without steps', async () => {
    const { definitions } = await readBpmn(path.join(here, 'collaboration-two-pools.bpmn'));

    const tables = buildStepTables(definitions);

    expect(tables.map((table) => [table.processId, table.rows.length, table.countedTotal, table.mismatch])).toEqual([
      ['cong-dan', 1, 0, false],
      ['ubnd', 2, 1.75, false],
    ]);
  });

  it('still shows the empty first process of a new diagram', async () => {
    const { definitions } = await parseBpmn(`<?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
        <bpmn:process id="moi"><bpmn:startEvent id="s" /></bpmn:process>
      </bpmn:definitions>`);

    expect(buildStepTables(definitions)).toEqual([
      expect.objectContaining({ processId: 'moi', rows: [], countedTotal: 0, mismatch: false }),
    ]);
  });

  it('orders the same whether or not the file lists incoming/outgoing references', async () => {
    const { definitions } = await readBpmn(path.join(here, 'flow-order-branches-loops-boundaries.bpmn'));
    const before = buildStepTables(definitions)[0].rows.map((row) => row.elementId);

    linkFlowNodes(definitions);

    expect(buildStepTables(definitions)[0].rows.map((row) => row.elementId)).toEqual(before);
  });
});
