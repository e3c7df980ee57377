import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserHarness } from '../../../support/browser-harness.js';
import { openBpmnFile, openModeler, readProperty, selectElement } from '../../support/modeler-page.js';
import { serveWeb } from '../../support/static-web-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, '../lint/real-procedure-1.001806.bpmn');

describe('od properties provider (in the built modeler)', () => {
  const { page, server } = browserHarness({ serve: serveWeb, consoleErrors: true, stepTimeout: 10_000 });

  async function openProcedure(options: Parameters<typeof openModeler>[2] = {}): Promise<void> {
    await openModeler(page, server.baseUrl, options);
    await openBpmnFile(page, { name: 'real-procedure-1.001806.bpmn', buffer: await readFile(fixture) });
    await page.waitForFunction(() => (window as any).onedoor.app.documentName === 'real-procedure-1.001806');
  }

  const field = (id: string) => `#bio-properties-panel-${id}`;

  it('edits a step: department from the directory, role, allowance, counted — each undoable', async () => {
    // given
    await openProcedure();

    // when
    await selectElement(page, 'tham-dinh');
    const department = page.locator(field('od-department'));
    await department.waitFor();

    // then: the empty choice names the inherited lane department; the directory is a tree
    expect(await department.locator('option').first().textContent()).toBe('(theo làn: Phòng Bảo trợ xã hội và Trẻ em)');
    expect(await department.locator('option[value="PHONG_BTXH"]').textContent()).toContain('Phòng Bảo trợ xã hội và Trẻ em');

    // when
    await department.selectOption('LANH_DAO_SO');
    await page.locator(field('od-role')).selectOption('leader');
    await page.locator(field('od-allowanceDays')).fill('1.5');
    await page.locator(field('od-counted')).uncheck();

    // then
    await page.waitForFunction(() => (window as any).onedoor.modeler.get('elementRegistry').get('tham-dinh').businessObject.get('od:allowanceDays') === 1.5);
    expect(await readProperty(page, 'tham-dinh', 'od:department')).toBe('LANH_DAO_SO');
    expect(await readProperty(page, 'tham-dinh', 'od:role')).toBe('leader');
    expect(await readProperty(page, 'tham-dinh', 'od:counted')).toBe(false);

    // when: four commands, four undos
    for (let i = 0; i < 4; i++) await page.evaluate(() => (window as any).onedoor.app.undo());

    // then
    expect(await readProperty(page, 'tham-dinh', 'od:department')).toBeNull();
    expect(await readProperty(page, 'tham-dinh', 'od:role')).toBe('specialist');
    expect(await readProperty(page, 'tham-dinh', 'od:allowanceDays')).toBe(7);
    expect(await readProperty(page, 'tham-dinh', 'od:counted')).toBe(true);
  });

  it('edits the procedure on the pool: code, statutory days, field, supplement policy', async () => {
    await openProcedure();

    await selectElement(page, 'pool');
    await page.locator(field('od-procedureCode')).fill('1.999999');
    await page.locator(field('od-statutoryDays')).fill('12');
    await page.locator(field('od-field')).fill('Y tế');
    await page.locator(field('od-supplementPolicy')).selectOption('pause');

    await page.waitForFunction(() => (window as any).onedoor.modeler.get('elementRegistry').get('pool').businessObject.processRef.get('od:field') === 'Y tế');
    expect(await readProperty(page, 'pool', 'od:procedureCode', true)).toBe('1.999999');
    expect(await readProperty(page, 'pool', 'od:statutoryDays', true)).toBe(12);
    expect(await readProperty(page, 'pool', 'od:supplementPolicy', true)).toBe('pause');
    // the step table follows: 10 counted days against 12 now
    await page.waitForSelector('.od-step-statutory.od-step-mismatch');
  });

  it('gives a step its form: a field is added, labelled, typed and bound to a variable — in the XML as od:formField, undoable', async () => {
    // given
    await openProcedure();
    await selectElement(page, 'tham-dinh');
    const group = page.locator('[data-group-id="group-od-form"]');
    await group.waitFor();
    expect(await group.locator('.bio-properties-panel-group-header-title').textContent()).toBe('Biểu mẫu của bước');

    // when: a field is added and described
    await group.locator('.bio-properties-panel-add-entry').click();
    await page.locator(field('tham-dinh-formField-0-label')).fill('Kết quả thẩm định');
    await page.locator(field('tham-dinh-formField-0-variable')).fill('ketQuaThamDinh');
    await page.locator(field('tham-dinh-formField-0-type')).selectOption('select');
    await page.locator(field('tham-dinh-formField-0-options')).fill('dat=Đạt|khong-dat=Không đạt');
    await page.locator(field('tham-dinh-formField-0-required')).check();

    // then
    await page.waitForFunction(() => {
      const bo = (window as any).onedoor.modeler.get('elementRegistry').get('tham-dinh').businessObject;
      return bo.extensionElements?.values?.[0]?.options === 'dat=Đạt|khong-dat=Không đạt';
    });
    const xml: string = await page.evaluate(async () => (await (window as any).onedoor.modeler.saveXML({ format: false })).xml);
    expect(xml).toContain('<od:formField id="truong1" label="Kết quả thẩm định" type="select" required="true" options="dat=Đạt|khong-dat=Không đạt" variable="ketQuaThamDinh" />');

    // when: undone to before the field
    for (let i = 0; i < 6; i++) await page.evaluate(() => (window as any).onedoor.modeler.get('commandStack').undo());

    // then
    expect(await page.evaluate(() => (window as any).onedoor.modeler.get('elementRegistry').get('tham-dinh').businessObject.extensionElements?.values?.length ?? 0)).toBe(0);
  });

  it('gives lanes a department', async () => {
    await openProcedure();

    await selectElement(page, 'lane-vt');
    await page.locator(field('od-lane-department')).selectOption('MOTCUA');

    await page.waitForFunction(() => (window as any).onedoor.modeler.get('elementRegistry').get('lane-vt').businessObject.get('od:department') === 'MOTCUA');
    // the step in that lane now inherits it
    await page.waitForFunction(() => document.querySelector('tr[data-element-id="van-thu"] select[data-field="department"] option[value=""]')?.textContent?.includes('Bộ phận Tiếp nhận'));
  });

  it('falls back to typing the department code when the directory is unavailable', async () => {
    await openProcedure({ departments: false });

    await selectElement(page, 'phe-duyet');
    const input = page.locator(`input${field('od-department')}`);
    await input.fill('PHONG_MOI');

    await page.waitForFunction(() => (window as any).onedoor.modeler.get('elementRegistry').get('phe-duyet').businessObject.get('od:department') === 'PHONG_MOI');
    expect(await page.locator('[data-entry-id="od-department"]').textContent()).toContain('Không tải được danh mục phòng ban');
  });

  it('validates FEEL conditions (leading "=" optional) and keeps what was typed', async () => {
    await openProcedure();

    await selectElement(page, 'f6');
    const condition = page.locator(field('od-conditionExpression'));
    expect(await condition.inputValue()).toBe('= dat = true');

    await condition.fill('dat = = true');
    await page.waitForSelector('[data-entry-id="od-conditionExpression"] .bio-properties-panel-error');
    expect(await page.locator('[data-entry-id="od-conditionExpression"] .bio-properties-panel-error').textContent()).toBe('Có hai toán tử so sánh liền nhau.');

    await condition.fill('= so_ngay > 3 and dat');
    await page.waitForFunction(() => (window as any).onedoor.modeler.get('elementRegistry').get('f6').businessObject.conditionExpression.body === '= so_ngay > 3 and dat');
    expect(await page.locator('[data-entry-id="od-conditionExpression"] .bio-properties-panel-error').count()).toBe(0);

    // a flow out of a parallel split or a start event can't carry a condition: no group
    await selectElement(page, 'f1');
    await page.waitForSelector('[data-group-id="group-od-reengineering"], [data-group-id="group-general"]');
    expect(await page.locator('[data-group-id="group-od-condition"]').count()).toBe(0);
  });

  it('asks for a reason once a step is flagged for removal', async () => {
    await openProcedure();

    await selectElement(page, 'xem-xet');
    await page.locator('[data-group-id="group-od-reengineering"] .bio-properties-panel-group-header').click();
    expect(await page.locator(field('od-removalReason')).count()).toBe(0);
    await page.locator(field('od-removalProposed')).check();
    await page.locator(field('od-removalReason')).fill('Trùng với bước phân công');

    await page.waitForFunction(() => (window as any).onedoor.modeler.get('elementRegistry').get('xem-xet').businessObject.get('od:removalReason') === 'Trùng với bước phân công');
    expect(await readProperty(page, 'xem-xet', 'od:removalProposed')).toBe(true);
  });

  it('edits a consultation: the list, the element variable, the department expression — and a business rule task’s decision', async () => {
    // given: a multi-instance step and a business rule task, no camunda namespace in the file
    await openModeler(page, server.baseUrl);
    await openBpmnFile(page, { name: 'consultation-step.bpmn', buffer: await readFile(path.join(here, 'consultation-step.bpmn')) });
    await page.waitForFunction(() => (window as any).onedoor.app.documentName === 'consultation-step');

    // when
    await selectElement(page, 'xin-y-kien');
    await page.locator(field('od-collection')).fill('donViPhoiHop');
    await page.locator(field('od-elementVariable')).fill('donVi');
    await page.locator(field('od-department-expression')).fill('donVi');

    // then
    const loop = (name: string) => page.evaluate((n) => (window as any).onedoor.modeler.get('elementRegistry').get('xin-y-kien').businessObject.loopCharacteristics.get(n), name);
    await page.waitForFunction(() => (window as any).onedoor.modeler.get('elementRegistry').get('xin-y-kien').businessObject.get('od:department') === '= donVi');
    expect(await loop('camunda:collection')).toBe('donViPhoiHop');
    expect(await loop('camunda:elementVariable')).toBe('donVi');

    // when: the business rule task names its decision
    await selectElement(page, 'tinh-phi');
    await page.locator(field('od-decisionRef')).fill('le-phi');
    await page.locator(field('od-resultVariable')).fill('lePhi');
    await page.locator(field('od-mapDecisionResult')).selectOption('singleEntry');
    await page.waitForFunction(() => (window as any).onedoor.modeler.get('elementRegistry').get('tinh-phi').businessObject.get('camunda:mapDecisionResult') === 'singleEntry');

    // then: the saved XML declares the camunda namespace and carries what the engine reads
    const xml: string = await page.evaluate(async () => (await (window as any).onedoor.modeler.saveXML({ format: true })).xml);
    expect(xml).toMatch(/xmlns:camunda="http:\/\/camunda.org\/schema\/1.0\/bpmn"/);
    expect(xml).toContain('camunda:collection="donViPhoiHop"');
    expect(xml).toContain('od:department="= donVi"');
    expect(xml).toContain('camunda:decisionRef="le-phi"');

    // when: an invalid expression is typed, the entry says so
    await selectElement(page, 'xin-y-kien');
    await page.locator(field('od-department-expression')).fill('donVi +');
    await page.waitForSelector('[data-entry-id="od-department-expression"] .bio-properties-panel-error');
  });
});
