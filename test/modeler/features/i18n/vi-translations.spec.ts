import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { viBpmnJs } from '../../../../apps/modeler/src/features/i18n/vi-bpmn-js.js';
import { viOnedoor } from '../../../../apps/modeler/src/features/i18n/vi-onedoor.js';
import { viUi } from '../../../../apps/modeler/src/shared/vi-ui.js';
import { viCalendar } from '../../../../apps/modeler/src/calendar-admin/vi-calendar.js';
import { viSimplify } from '../../../../apps/modeler/src/features/simplify/vi-simplify.js';
import { viCompare } from '../../../../apps/modeler/src/compare/vi-compare.js';
import { viShell } from '../../../../apps/modeler/src/shared/app-shell/vi-shell.js';
import { viTasklist } from '../../../../apps/modeler/src/tasklist/i18n/vi-tasklist.js';
import { viReports } from '../../../../apps/modeler/src/reports/vi-reports.js';
import { viOperations } from '../../../../apps/modeler/src/operations/vi-operations.js';
import { viAccounts } from '../../../../apps/modeler/src/tasklist/i18n/vi-accounts.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
/** Every page's table: the modeler's, the task list's, the calendar's, comparison's, reports' and the operations console's. */
const vietnamese = { ...viBpmnJs, ...viOnedoor, ...viUi, ...viCalendar, ...viSimplify, ...viCompare, ...viShell, ...viTasklist, ...viReports, ...viOperations, ...viAccounts };

async function filesUnder(folder: string, extension: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return filesUnder(full, extension);
      return Promise.resolve(entry.name.endsWith(extension) && !entry.name.endsWith('.d.ts') ? [full] : []);
    }),
  );
  return nested.flat();
}

async function literals(files: string[], pattern: RegExp): Promise<Set<string>> {
  const found = new Set<string>();
  for (const file of files) {
    for (const match of (await readFile(file, 'utf8')).matchAll(pattern)) found.add(match[1]);
  }
  return found;
}

describe('Vietnamese translations', () => {
  it('cover what bpmn-js shows in the palette, context pad and replace/popup menus', async () => {
    // given: the English keys as bpmn-js 18 spells them in its sources
    const folders = ['palette', 'context-pad', 'replace', 'popup-menu', 'align-elements', 'distribute-elements'].map((feature) =>
      path.join(repoRoot, 'node_modules/bpmn-js/lib/features', feature),
    );
    const files = (await Promise.all(folders.map((folder) => filesUnder(folder, '.js')))).flat();
    const keys = new Set([
      ...(await literals(files, /translate\(\s*'([^']+)'/g)),
      ...(await literals(files, /\blabel: '([^']+)'/g)),
    ]);
    // composed at run time ('Align elements ' + alignment), listed in the table one by one
    keys.delete('Align elements ');

    // then
    expect(keys.size).toBeGreaterThan(90);
    expect([...keys].filter((key) => !(key in vietnamese))).toEqual([]);
  });

  it('cover every string our own code passes through translate', async () => {
    const files = await filesUnder(path.join(repoRoot, 'apps/modeler/src'), '.ts');
    const keys = new Set([
      ...(await literals(files, /\b(?:t|translate|this\.translate|i18n\.t)\(\s*'([^']+)'/g)),
      // labels and descriptions of properties entries, role labels: translated by the components
      ...(await literals(files.filter((file) => /properties/.test(file)), /\b(?:label|shortLabel|description): '([^']+)'/g)),
    ]);

    expect(keys.size).toBeGreaterThan(80);
    expect([...keys].filter((key) => !(key in vietnamese))).toEqual([]);
  });

  it('are Vietnamese: diacritics present, no key left in English', () => {
    const untranslated = Object.entries(vietnamese).filter(([english, translated]) => !translated.trim() || (translated === english && /[a-z]{4}/.test(english)));
    expect(untranslated).toEqual([]);
    const withDiacritics = Object.values(vietnamese).filter((text) => /[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i.test(text));
    expect(withDiacritics.length / Object.keys(vietnamese).length).toBeGreaterThan(0.9);
  });
});
