import { readBpmn } from '../../support/read-bpmn.js';
import { lintWith } from './lint-with.js';

const fixture = new URL('./executable-bpmn.bpmn', import.meta.url);
const rules = { 'od/multi-instance': 'error', 'od/department-expression': 'error', 'od/script-feel': 'error', 'od/business-rule-decision': 'error', 'od/step-department': 'error' };

describe('lint of the elements beyond plain steps (what the engine would refuse)', () => {
  it('given multi-instance steps, a department expression, scripts and business rule tasks, then exactly the ones the engine refuses are errors', async () => {
    // given
    const { definitions } = await readBpmn(fixture);

    // when
    const issues = await lintWith(definitions, { rules, lang: 'en' });

    // then
    expect(issues.map((i) => [i.rule, i.id, i.message]).sort()).toEqual(
      [
        ['od/business-rule-decision', 'quyet-dinh-thieu', 'Business rule task names no decision (decisionRef) or no result variable (resultVariable)'],
        ['od/department-expression', 'phong-bieu-thuc-sai', 'Invalid FEEL expression: = donVi +'],
        ['od/multi-instance', 'y-kien-juel', 'The collection ${danhSach} is a Java (JUEL) expression: name a variable or write FEEL'],
        ['od/multi-instance', 'y-kien-thieu-danh-sach', 'Multi-instance step says neither how many instances (loopCardinality) nor over which list (collection)'],
        ['od/script-feel', 'kich-ban-js', 'Script tasks run FEEL only (scriptFormat="feel"), not javascript'],
      ].sort(),
    );
    expect(issues.every((i) => i.category === 'error')).toBe(true);
  });

  it('speaks Vietnamese first', async () => {
    const { definitions } = await readBpmn(fixture);
    const issues = await lintWith(definitions, { rules: { 'od/script-feel': 'error' } });
    expect(issues[0].message).toBe('Tác vụ kịch bản chỉ chạy FEEL (scriptFormat="feel"), không chạy javascript');
  });
});
