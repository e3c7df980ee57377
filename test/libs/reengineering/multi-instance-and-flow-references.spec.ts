import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBpmn } from '../../../apps/engine/src/model/bpmn-parser.js';
import { procedureMetrics, simplifyProcedure } from '@onedoor/reengineering';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = () => readFile(path.join(here, 'no-flow-references.bpmn'), 'utf8');

describe('a file without <incoming>/<outgoing> children, with a consultation', () => {
  it('given the file, when simplified by default, then the flagged step goes and its neighbours are reconnected', async () => {
    const result = await simplifyProcedure(await file());
    expect(result.removed).toEqual(['review']);
    expect(result.reconnected).toEqual([{ flowId: 'f2', from: 'receive', to: 'consult' }]);
    // and the engine runs the result
    await expect(parseBpmn(result.xml)).resolves.toBeDefined();
  });

  it('given the consultation, when measured, then it counts as one step, with the departments the diagram lists for it', async () => {
    const metrics = await procedureMetrics(await file());
    expect(metrics.steps).toBe(4);
    const consult = metrics.perStep.find((s) => s.elementId === 'consult')!;
    expect(consult).toEqual(expect.objectContaining({ multiInstance: true, departmentCodes: ['SO_TC', 'SO_XD'], allowanceDays: 3 }));
    expect(metrics.departmentCodes.sort()).toEqual(['LANH_DAO', 'MOTCUA', 'PHONG_BTXH', 'SO_TC', 'SO_XD']);
    // MOTCUA → BTXH → (SO_TC, SO_XD) → LANH_DAO: three hand-offs, the consultation once
    expect(metrics.handoffs).toBe(3);
    expect(metrics.longestPathDays).toBe(5.5);
  });

  it("given the engine's parsed graph of the same file, then the metrics read the same", async () => {
    const xml = await file();
    const { graphs } = await parseBpmn(xml);
    expect(await procedureMetrics(graphs[0])).toEqual(await procedureMetrics(xml));
  });
});
