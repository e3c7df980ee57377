import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagramDiff } from '../../../apps/modeler/src/compare/diagram-diff.js';
import { readBpmn } from '../support/read-bpmn.js';

const processes = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../processes');

describe('diagram diff', () => {
  it('given 1.001806 v1 and v2, then step 4 and its flows are removed, the bypass flow added, the changed steps listed, pools left alone', async () => {
    // given
    const v1 = await readBpmn(path.join(processes, '1.001806.v1.bpmn'));
    const v2 = await readBpmn(path.join(processes, '1.001806.v2.bpmn'));

    // when
    const changes = diagramDiff(v1.definitions, v2.definitions, { removed: ['buoc-4-xem-xet'], added: [] });

    // then
    expect(changes.removed.sort()).toEqual(['buoc-4-xem-xet', 'f-buoc-3-tham-dinh-buoc-4-xem-xet', 'f-buoc-4-xem-xet-buoc-5-phe-duyet']);
    expect(changes.added).toEqual(['f-buoc-3-tham-dinh-buoc-5-phe-duyet']);
    // step 3 absorbed step 4's time and task; reception became cheaper
    expect(changes.changed.sort()).toEqual(['buoc-1-tiep-nhan', 'buoc-3-tham-dinh']);
  });
});
