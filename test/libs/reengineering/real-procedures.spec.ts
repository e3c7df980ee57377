/**
 * Every `.v2` in processes/ was simplified by hand from its `.v1` (processes/README.md): the
 * automatic simplification of the `.v1` must remove exactly the same steps, and lay the diagram
 * out as the designer did.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { procedureMetrics, simplifyProcedure } from '@onedoor/reengineering';
import { integrityProblems, parse, procedureFile } from './diagram-integrity.js';

const processesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../processes');
const codes = readdirSync(processesDir).filter((f) => f.endsWith('.v1.bpmn')).map((f) => f.replace('.v1.bpmn', '')).sort();

type Element = { id: string; $type: string; bounds?: object; bpmnElement?: { id: string } };

async function userTaskIds(xml: string): Promise<string[]> {
  const { definitions } = await parse(xml);
  const process = definitions.rootElements.find((e: Element) => e.$type === 'bpmn:Process');
  return process.flowElements.filter((e: Element) => e.$type === 'bpmn:UserTask').map((e: Element) => e.id).sort();
}

async function shapeBounds(xml: string): Promise<Record<string, object>> {
  const { definitions } = await parse(xml);
  const shapes = definitions.diagrams[0].plane.planeElement.filter((e: Element) => e.$type === 'bpmndi:BPMNShape');
  return Object.fromEntries(shapes.map((s: Element & { bounds: { x: number; y: number; width: number; height: number } }) => {
    const { x, y, width, height } = s.bounds;
    return [s.bpmnElement!.id, { x, y, width, height }];
  }));
}

describe('simplifying the real procedures', () => {
  it('covers every procedure with a v1 and a v2', () => {
    expect(codes).toEqual(['1.001806', '1.012990', '1.013814', '9.000101', '9.000102']);
  });

  describe.each(codes)('given %s.v1 with its flagged steps', (code) => {
    const v1 = procedureFile(`${code}.v1.bpmn`);
    const v2 = procedureFile(`${code}.v2.bpmn`);

    it('when simplified by default, then exactly the user tasks v2 lacks are removed', async () => {
      const result = await simplifyProcedure(v1);
      const before = await userTaskIds(v1);
      const after = await userTaskIds(v2);

      expect([...result.removed].sort()).toEqual(before.filter((id) => !after.includes(id)));
      expect(await userTaskIds(result.xml)).toEqual(after);
      expect(await integrityProblems(result.xml)).toEqual([]);
    });

    it("when simplified, then every shape sits where the designer put it in v2 (pool and lanes included)", async () => {
      const { xml } = await simplifyProcedure(v1);
      expect(await shapeBounds(xml)).toEqual(await shapeBounds(v2));
    });

    it('when simplified, then it has the steps, hand-offs and departments of v2', async () => {
      const { xml } = await simplifyProcedure(v1);
      const calledProcess = (key: string) => (key === 'tham-dinh-lien-thong-vp-ubnd-tinh' ? procedureFile('1.013814-vp-ubnd.bpmn') : undefined);
      const simplified = await procedureMetrics(xml, { calledProcess });
      const expected = await procedureMetrics(v2, { calledProcess });
      expect([simplified.steps, simplified.handoffs, simplified.departmentCodes]).toEqual([expected.steps, expected.handoffs, expected.departmentCodes]);
    });
  });
});
