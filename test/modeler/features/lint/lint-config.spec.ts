import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBpmn } from '../../support/read-bpmn.js';
import { bpmnlintRecommended, lintWith } from './lint-with.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
const miwgFolder = path.resolve(repoRoot, 'test/fixtures/miwg');
const processesFolder = path.join(repoRoot, 'processes');

describe('lint config', () => {
  it('resolves every rule of bpmnlint:recommended', () => {
    // a bpmnlint upgrade adding a recommended rule must not silently break linting in the browser
    const recommended = Object.keys(bpmnlintRecommended.config.rules);
    expect(recommended.filter((rule) => !bpmnlintRecommended.rules[rule])).toEqual([]);
  });

  it('lets a real procedure through: lanes, a rework loop, a reminder timer, an unnamed end', async () => {
    // given
    const { definitions } = await readBpmn(path.join(here, 'real-procedure-1.001806.bpmn'));

    // when
    const issues = await lintWith(definitions);

    // then: nothing blocks the deploy, and the reminder timer is not called disconnected
    expect(issues.filter((issue) => issue.category === 'error')).toEqual([]);
    expect(issues.filter((issue) => issue.id === 'nhac-han').map((issue) => issue.rule)).toEqual(['label-required']);
    expect([...new Set(issues.map((issue) => issue.rule))].sort()).toEqual(['fake-join', 'label-required']);
  });

  it('still reports a disconnected interrupting timer', async () => {
    const { definitions } = await readBpmn(path.join(here, 'real-procedure-1.001806.bpmn'));
    definitions.rootElements
      .find((element: { id: string }) => element.id === 'cong-nhan-co-so-nkt')
      .flowElements.find((element: { id: string }) => element.id === 'nhac-han').cancelActivity = true;

    const issues = await lintWith(definitions, { rules: { 'no-implicit-end': 'error' } });

    expect(issues.map((issue) => issue.id)).toEqual(['nhac-han']);
  });

  it('runs on every MIWG reference diagram without a rule crashing', async () => {
    for (const file of (await readdir(miwgFolder)).filter((name) => name.endsWith('.bpmn'))) {
      const { definitions } = await readBpmn(path.join(miwgFolder, file));
      const issues = await lintWith(definitions);
      expect({ file, crashed: issues.filter((issue) => issue.category === 'rule-error') }).toEqual({ file, crashed: [] });
    }
  });

  it('does not block any procedure shipped in processes/', async () => {
    const files = await listBpmnFiles(processesFolder);
    for (const file of files) {
      const { definitions } = await readBpmn(file);
      const errors = (await lintWith(definitions)).filter((issue) => issue.category === 'error');
      expect({ file: path.relative(repoRoot, file), errors }).toEqual({ file: path.relative(repoRoot, file), errors: [] });
    }
  });
});

async function listBpmnFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listBpmnFiles(full)));
    else if (entry.name.endsWith('.bpmn')) files.push(full);
  }
  return files;
}
