import { readBpmn } from '../../support/read-bpmn.js';
import { lintWith } from './lint-with.js';

const fixture = (name: string) => new URL(`./${name}`, import.meta.url);

describe('od lint rules', () => {
  describe('od/step-department and od/step-allowance', () => {
    it('accepts a department of the task, of its lane, or a Camunda candidate group', async () => {
      // given
      const { definitions } = await readBpmn(fixture('step-department-and-allowance.bpmn'));

      // when
      const issues = await lintWith(definitions, { rules: { 'od/step-department': 'error' } });

      // then: only the task whose lane names no department is reported, manual tasks are not checked
      expect(issues.map((issue) => issue.id)).toEqual(['trinh-ky']);
      expect(issues[0]).toMatchObject({ rule: 'od/step-department', category: 'error' });
      expect(issues[0].message).toContain('phòng ban');
    });

    it('requires a non-negative allowance on every counted user task', async () => {
      const { definitions } = await readBpmn(fixture('step-department-and-allowance.bpmn'));

      const issues = await lintWith(definitions, { rules: { 'od/step-allowance': 'error' }, lang: 'en' });

      expect(issues.map((issue) => [issue.id, issue.message])).toEqual([
        ['trinh-ky', 'Counted step has no time allowance (working days)'],
        ['phe-duyet', 'Time allowance must not be negative (-1)'],
      ]);
    });
  });

  describe('od/statutory-days-total', () => {
    it('warns only where the counted allowances differ from the statutory days', async () => {
      // given: "can-bang" counts 0.25 + 1.5 (inside the sub-process, whose own 99 is not added)
      // + 0.25 and leaves out the not-counted return step; "lech" counts 4.5 against 5
      const { definitions } = await readBpmn(fixture('statutory-days-total.bpmn'));

      const issues = await lintWith(definitions, { rules: { 'od/statutory-days-total': 'warn' } });

      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ id: 'lech', category: 'warn' });
      expect(issues[0].message).toBe(
        'Tổng thời hạn các bước được tính là 4.5 ngày, khác thời hạn giải quyết theo quy định 5 ngày',
      );
    });
  });

  describe('od/removal-reason', () => {
    it('reports flow nodes flagged for removal without a (non-blank) reason', async () => {
      const { definitions } = await readBpmn(fixture('removal-reason.bpmn'));

      const issues = await lintWith(definitions, { rules: { 'od/removal-reason': 'error' } });

      expect(issues.map((issue) => issue.id).sort()).toEqual(['cong-khong-ly-do', 'khong-ly-do', 'ly-do-trong']);
      expect(issues.every((issue) => issue.category === 'error')).toBe(true);
    });
  });

  describe('od/feel-condition', () => {
    it('accepts FEEL with or without the leading "=", reports syntax errors and doubled operators', async () => {
      const { definitions } = await readBpmn(fixture('feel-condition.bpmn'));

      const issues = await lintWith(definitions, { rules: { 'od/feel-condition': 'error' }, lang: 'en' });

      expect(issues.map((issue) => [issue.id, issue.message])).toEqual([
        ['cu-phap-sai', 'Invalid FEEL condition at character 8: amount +'],
        ['hai-dau-bang', 'FEEL condition has two comparison operators in a row: approved = = true'],
      ]);
    });
  });
});
