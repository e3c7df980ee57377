import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The browser app reads the API's shapes from @onedoor/contract; Vite strips types without
 * checking them, and the root tsconfig covers the engine and the tests, not apps/modeler. So
 * the modeler is type-checked here, against its own tsconfig (DOM, bundler resolution): a
 * contract change the pages don't follow fails the suite, not a user's screen.
 */
describe('the browser app’s types', () => {
  it('given apps/modeler/tsconfig.json, when the modeler is type-checked, then there is no error', () => {
    const configPath = path.join(root, 'apps', 'modeler', 'tsconfig.json');
    const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(configPath));
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? `${path.relative(root, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
      return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(errors).toEqual([]);
  }, 120_000);
});
