import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDmn } from '../../../apps/engine/src/decisions/dmn-parser.js';
import type { DecisionTable } from '../../../apps/engine/src/decisions/decision-table.js';
import { evaluateDecisionTable, mapDecisionResult } from '../../../apps/engine/src/decisions/evaluate-decision.js';
import type { FlowNode } from '../../../apps/engine/src/model/procedure-graph.js';
import type { ErrorDetail } from '../../../apps/engine/src/shared/domain-error.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const task = (mapDecisionResult: FlowNode['mapDecisionResult']): FlowNode =>
  ({ id: 'quyet-dinh', bpmnType: 'bpmn:BusinessRuleTask', mapDecisionResult }) as FlowNode;

describe('DMN decision tables', () => {
  let tables: Map<string, DecisionTable>;
  beforeAll(async () => {
    const details: ErrorDetail[] = [];
    const parsed = await parseDmn(await readFile(path.join(here, 'fees-and-routing.dmn'), 'utf8'), details);
    expect(details).toEqual([]);
    tables = new Map(parsed.decisions.map((d) => [d.key, d]));
  });
  const decide = (key: string, mapping: FlowNode['mapDecisionResult'], variables: Record<string, unknown>) =>
    mapDecisionResult(task(mapping), evaluateDecisionTable(task(mapping), tables.get(key)!, variables));

  it('UNIQUE: the one matching rule gives the fee, its output entry a FEEL expression; two matches stop with the element named', () => {
    expect(decide('le-phi', 'singleEntry', { loaiHoSo: 'moi', soTrang: 8 })).toBe(50000);
    expect(decide('le-phi', 'singleEntry', { loaiHoSo: 'moi', soTrang: 13 })).toBe(56000);
    expect(decide('le-phi', 'singleEntry', { loaiHoSo: 'cap-lai', soTrang: 1 })).toBe(20000);
    expect(decide('le-phi', 'singleEntry', { loaiHoSo: 'khac', soTrang: 1 })).toBeNull();
    expect(() => decide('le-phi', 'singleEntry', { loaiHoSo: 'trung', soTrang: 1 })).toThrow(/UNIQUE but 2 rules matched/);
  });

  it('FIRST: the first matching rule wins; singleResult gives its outputs, resultList the list', () => {
    expect(decide('tuyen-xu-ly', 'singleResult', { giaTri: 2e9 })).toEqual({ phong: 'LANH_DAO', ngay: 5 });
    expect(decide('tuyen-xu-ly', 'resultList', { giaTri: 10 })).toEqual([{ phong: 'PHONG_BTXH', ngay: 3 }]);
    expect(decide('tuyen-xu-ly', 'natural', { giaTri: 10 })).toEqual({ phong: 'PHONG_BTXH', ngay: 3 });
  });

  it('PRIORITY: among the matches, the output value listed first wins', () => {
    expect(decide('muc-uu-tien', 'singleEntry', { tuoi: 75, khuyetTat: true })).toBe('cao');
    expect(decide('muc-uu-tien', 'singleEntry', { tuoi: 30, khuyetTat: true })).toBe('trung-binh');
    expect(decide('muc-uu-tien', 'singleEntry', { tuoi: 30, khuyetTat: false })).toBe('thap');
  });

  it('COLLECT with SUM and COUNT aggregates the matches; COLLECT SUM of nothing is null', () => {
    expect(decide('giam-tru', 'singleEntry', { tuoi: 72, khuyetTat: true })).toBe(25000);
    expect(decide('giam-tru', 'natural', { tuoi: 20, khuyetTat: false })).toBeNull();
    expect(decide('dem-dieu-kien', 'singleEntry', { tuoi: 65 })).toBe(2);
  });

  it('RULE ORDER: every match, in rule order; collectEntries gives the values', () => {
    expect(decide('giay-to', 'collectEntries', { loaiHoSo: 'moi' })).toEqual(['Đơn đề nghị', 'Bản sao CCCD']);
    expect(decide('giay-to', 'natural', { loaiHoSo: 'gia-han' })).toEqual(['Đơn đề nghị', 'Giấy phép cũ']);
  });

  it('ANY: matches that agree give their output; matches that disagree stop', () => {
    expect(decide('dong-thuan', 'singleEntry', { tuoi: 75 })).toBe('cao-tuoi');
    expect(() => decide('dong-thuan', 'singleEntry', { tuoi: 95 })).toThrow(/ANY but the matching rules disagree/);
  });

  it('given a table with broken FEEL, then every broken entry is refused with its rule id', async () => {
    const details: ErrorDetail[] = [];
    await parseDmn(
      `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x"><decision id="hu"><decisionTable id="t" hitPolicy="UNIQUE">
        <input id="i"><inputExpression id="e"><text>a +</text></inputExpression></input><output id="o" name="x" />
        <rule id="bad-rule"><inputEntry id="a"><text>&gt; &gt;</text></inputEntry><outputEntry id="b"><text>(((</text></outputEntry></rule>
      </decisionTable></decision></definitions>`,
      details,
    );
    expect(details.map((d) => d.elementId)).toEqual(['i', 'bad-rule', 'bad-rule']);
  });
});
