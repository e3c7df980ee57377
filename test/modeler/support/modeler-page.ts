import type { Page } from 'playwright-core';

/** Departments a spec serves as `GET /api/departments` when no engine runs. */
export const TEST_DEPARTMENTS = [
  { code: 'MOTCUA', name: 'Bộ phận Tiếp nhận và Trả kết quả' },
  { code: 'SO_YTE', name: 'Sở Y tế' },
  { code: 'PHONG_BTXH', name: 'Phòng Bảo trợ xã hội và Trẻ em', parentCode: 'SO_YTE' },
  { code: 'LANH_DAO_SO', name: 'Lãnh đạo Sở', parentCode: 'SO_YTE' },
  { code: 'VAN_THU', name: 'Văn thư Sở', parentCode: 'SO_YTE' },
];

/**
 * Opens the built modeler (the browser harness watches the page for errors). `departments: false`
 * leaves /api to the server (503 from the static server: the offline fallback).
 */
export async function openModeler(
  page: Page,
  baseUrl: string,
  options: { departments?: typeof TEST_DEPARTMENTS | false; language?: 'vi' | 'en' } = {},
): Promise<void> {
  if (options.departments !== false) {
    const departments = options.departments ?? TEST_DEPARTMENTS;
    await page.route('**/api/departments', (route) => route.fulfill({ json: departments }));
  }
  if (options.language) {
    await page.addInitScript((lang) => localStorage.setItem('onedoor.lang', lang), options.language);
  }
  await page.goto(`${baseUrl}/modeler/`);
  await page.waitForSelector('.djs-palette');
  await page.waitForFunction(() => (window as any).onedoor?.modeler?.getDefinitions());
}

/** Selects a diagram element (the properties panel follows the selection). */
export async function selectElement(page: Page, elementId: string): Promise<void> {
  await page.evaluate((id) => {
    const modeler = (window as any).onedoor.modeler;
    modeler.get('selection').select(modeler.get('elementRegistry').get(id));
  }, elementId);
}

/** Reads `od:`/BPMN attributes of an element's business object (or of a pool's process). */
export async function readProperty(page: Page, elementId: string, property: string, ofProcess = false): Promise<unknown> {
  return page.evaluate(
    ([id, name, processLevel]) => {
      const element = (window as any).onedoor.modeler.get('elementRegistry').get(id);
      const target = processLevel ? element.businessObject.processRef : element.businessObject;
      return target.get(name) ?? null;
    },
    [elementId, property, ofProcess] as const,
  );
}

/** Opens a diagram through the toolbar's file picker, as a user would. */
export async function openBpmnFile(page: Page, file: { name: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.click('[data-action="open-file"]');
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/xml', buffer: file.buffer });
}
