import { parseBpmn } from '../../../apps/engine/src/model/bpmn-parser.js';
import { procedureMetrics, readStepGraph } from '@onedoor/reengineering';
import { fixture, procedureFile } from './diagram-integrity.js';

const calledFixture = (key: string) => (key === 'y-kien-so-nganh' ? fixture('y-kien-so-nganh.bpmn') : undefined);

describe('procedureMetrics', () => {
  /*
   * metrics-branching.bpmn, by hand (lanes: receive MC; examine, rework CM; decide LD; consult EXT):
   *   start → receive(0.5) → fork ⇉ examine(2) | site-visit(3, own department TECH) ⇉ join → decide(1)
   *   → approved? — false → rework(2) → back to decide; true → consult(call activity, 1)
   *   → archive(service task) → give-back(not counted) → end.
   * Steps: receive, examine, site-visit, decide, rework, consult, give-back = 7 (6 counted).
   * Hand-offs, each (step → next step) pair once:
   *   receive→examine MC→CM, receive→site-visit MC→TECH, examine→decide CM→LD,
   *   site-visit→decide TECH→LD, decide→rework LD→CM, decide→consult LD→EXT,
   *   rework→decide CM→LD, consult→give-back EXT→MC (through the service task) = 8.
   * Longest path start→end, each node once: 0.5 + max(2, 3) + 1 + consult 1 = 5.5. The rework
   *   branch (2 days, longer than consult) can only go on by looping back to decide, so it reaches
   *   no end and does not count; the plain sum of counted allowances would be 9.5.
   * Compliance cost: 100 000 + 200 000 + 30 000 + 50 000 = 380 000.
   */
  describe('given a procedure with a parallel split, a rework loop and a call activity', () => {
    const xml = fixture('metrics-branching.bpmn');

    it('when measured without the called process, then the call activity counts as one step', async () => {
      const m = await procedureMetrics(xml);

      expect(m).toMatchObject({ processKey: 'metrics-branching', procedureCode: '0.000001', steps: 7, countedSteps: 6, handoffs: 8 });
      expect([...m.departmentCodes].sort()).toEqual(['CM', 'EXT', 'LD', 'MC', 'TECH']);
      expect(m.departments).toBe(5);
      expect(m.statutoryDays).toBe(5.5);
      expect(m.longestPathDays).toBe(5.5);
      expect(m.complianceCost).toBe(380000);
    });

    it('when measured, then each step is described with its department, role, allowance and position', async () => {
      const { perStep } = await procedureMetrics(xml);

      expect(perStep.map((s) => s.elementId)).toEqual(['receive', 'examine', 'site-visit', 'decide', 'rework', 'consult', 'give-back']);
      expect(perStep[0]).toEqual({
        elementId: 'receive', name: 'Tiếp nhận', departmentCode: 'MC', role: 'reception',
        allowanceDays: 0.5, counted: true, complianceCost: 100000, intermediate: false,
      });
      expect(perStep.find((s) => s.elementId === 'site-visit')).toMatchObject({ departmentCode: 'TECH', allowanceDays: 3, intermediate: true });
      expect(perStep.find((s) => s.elementId === 'give-back')).toMatchObject({ counted: false, intermediate: false });
    });

    /*
     * With y-kien-so-nganh.bpmn resolved (ext-receive 0.25 EXT_VANTHU → ext-opinion 1 EXT_CHUYENMON, 20 000):
     * steps 6 + 2 = 8; hand-offs 8 + 1 inside the called process = 9; departments MC, CM, TECH, LD,
     * EXT_VANTHU, EXT_CHUYENMON = 6; longest path 0.5 + 3 + 1 + 1.25 = 5.75; cost 380 000 + 20 000.
     */
    it('when measured with a resolver for the called process, then its steps, time and cost count instead', async () => {
      const m = await procedureMetrics(xml, { calledProcess: calledFixture });

      expect(m).toMatchObject({ steps: 8, countedSteps: 7, handoffs: 9, departments: 6, longestPathDays: 5.75, complianceCost: 400000 });
      expect(m.perStep.filter((s) => s.calledFrom === 'consult').map((s) => [s.elementId, s.departmentCode, s.intermediate])).toEqual([
        ['ext-receive', 'EXT_VANTHU', true],
        ['ext-opinion', 'EXT_CHUYENMON', true],
      ]);
    });

    it('when given the graph instead of the XML, then the metrics are the same', async () => {
      expect(await procedureMetrics(await readStepGraph(xml))).toEqual(await procedureMetrics(xml));
    });
  });

  it("given tasks with their own department and with Camunda candidate groups only, when measured, then each gets the right department", async () => {
    const m = await procedureMetrics(fixture('department-sources.bpmn'));
    expect(m.perStep.map((s) => [s.elementId, s.departmentCode])).toEqual([['own', 'OWN'], ['grouped', 'GROUP_A']]);
    expect(m.handoffs).toBe(1);
  });

  it("given the engine's parsed graph of a deployed procedure, when measured, then it reads the same as the XML", async () => {
    const xml = procedureFile('1.001806.v1.bpmn');
    const { graphs } = await parseBpmn(xml);
    expect(await procedureMetrics(graphs[0])).toEqual(await procedureMetrics(xml));
  });

  describe('given the real procedures in processes/', () => {
    const calledProcess = (key: string) => (key === 'tham-dinh-lien-thong-vp-ubnd-tinh' ? procedureFile('1.013814-vp-ubnd.bpmn') : undefined);

    it('when 1.001806 is measured, then v1 has the 7 published steps and v2 has 6', async () => {
      expect((await procedureMetrics(procedureFile('1.001806.v1.bpmn'))).steps).toBe(7);
      expect((await procedureMetrics(procedureFile('1.001806.v2.bpmn'))).steps).toBe(6);
    });

    it("when 1.013814 is measured without the called VP UBND process, then its call activity is one step and only the Sở's 3.25 days show", async () => {
      const m = await procedureMetrics(procedureFile('1.013814.v1.bpmn'));
      expect([m.steps, m.handoffs, m.longestPathDays]).toEqual([8, 5, 3.25]);
    });

    // Steps and costs as processes/README.md gives them; longest path = the counted allowances (one chain each).
    it.each([
      ['1.001806.v1.bpmn', 7, 4, 10, 170000],
      ['1.001806.v2.bpmn', 6, 4, 10, 140000],
      ['1.013814.v1.bpmn', 9, 6, 5, 350000],
      ['1.013814.v2.bpmn', 8, 6, 4.5, 300000],
      ['1.012990.v1.bpmn', 6, 5, 10, 80000],
      ['1.012990.v2.bpmn', 5, 4, 9, 60000],
      ['9.000101.v1.bpmn', 10, 5, 15, 750000],
      ['9.000101.v2.bpmn', 9, 5, 14, 650000],
      ['9.000102.v1.bpmn', 7, 4, 5, 200000],
      ['9.000102.v2.bpmn', 5, 4, 4.5, 150000],
    ])('when %s is measured, then steps %d, hand-offs %d, longest path %d days, compliance cost %d', async (file, steps, handoffs, days, cost) => {
      const m = await procedureMetrics(procedureFile(file), { calledProcess });
      expect([m.steps, m.handoffs, m.longestPathDays, m.complianceCost]).toEqual([steps, handoffs, days, cost]);
      expect(m.longestPathDays).toBe(m.statutoryDays);
    });
  });
});
