import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBpmn } from '../../../apps/engine/src/model/bpmn-parser.js';
import { DomainError } from '../../../apps/engine/src/shared/domain-error.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const processes = path.join(here, '..', '..', '..', 'processes');

const withComponents = (components: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:od="http://onedoor.vn/schema/bpmn/1.0" id="d" targetNamespace="t">
  <bpmn:process id="thanh-phan" isExecutable="true">
    <bpmn:extensionElements>${components}</bpmn:extensionElements>
    <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" /><bpmn:endEvent id="e" />
  </bpmn:process>
</bpmn:definitions>`;

/** Issue #23: a procedure's components are data beside its BPMN: name, required, copies, template, the kind of paper and how long a scan stays reusable. */
describe('dossier components declared on the process', () => {
  it('given a real procedure, then its components carry the kind of paper reuse matches on and the validity of a health certificate', async () => {
    const parsed = await parseBpmn(await readFile(path.join(processes, '9.000102.v2.bpmn'), 'utf8'));
    const components = parsed.graphs[0].procedure.components!;
    expect(components.map((c) => [c.id, c.kind, c.required, c.validMonths ?? null])).toEqual([
      ['don-dang-ky', 'don-dang-ky', true, null],
      ['van-bang', 'van-bang-chuyen-mon', true, null],
      ['suc-khoe', 'giay-chung-nhan-suc-khoe', true, 12],
      ['anh', 'anh', true, null],
    ]);
  });

  it('given a template and a kind, then they are read; a kind defaults to the id', async () => {
    const parsed = await parseBpmn(withComponents(`<od:dossierComponent id="don" name="Đơn đề nghị" copies="01 bản chính" template="Mẫu số 01 ban hành kèm theo Thông tư 38/2018/TT-BNNPTNT" /><od:dossierComponent id="cccd" name="Căn cước" kind="can-cuoc" required="false" validMonths="120" />`));
    expect(parsed.graphs[0].procedure.components).toEqual([
      { id: 'don', name: 'Đơn đề nghị', required: true, kind: 'don', copies: '01 bản chính', template: 'Mẫu số 01 ban hành kèm theo Thông tư 38/2018/TT-BNNPTNT' },
      { id: 'cccd', name: 'Căn cước', required: false, kind: 'can-cuoc', validMonths: 120 },
    ]);
  });

  it('given a validity that is not a whole number of months, then the deployment is refused naming the component', async () => {
    const error = await parseBpmn(withComponents(`<od:dossierComponent id="anh" name="Ảnh" validMonths="0" />`)).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.details[0].message).toMatch(/od:dossierComponent anh: validMonths must be a whole number of months/);
  });
});
