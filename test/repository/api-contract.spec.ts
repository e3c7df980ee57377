import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONTRACT = path.join(root, 'libs', 'contract', 'src');
const MODELER = path.join(root, 'apps', 'modeler', 'src');
const ENGINE = path.join(root, 'apps', 'engine', 'src');
/** The engine's operations console (issue #20): its shapes moved into the contract (issue #21). */
const ENGINE_OPERATIONS = ['operations', 'queries/operations', 'api/operations', 'persistence/operations'].map((dir) => path.join(ENGINE, dir));

async function* sources(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.tsx?$/.test(entry.name)) yield full;
  }
}

/** What a module leaves at run time once its types are erased, comments and the empty `export {}` aside. */
function runtimeCodeOf(text: string): string {
  const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, removeComments: true, verbatimModuleSyntax: false } }).outputText;
  return js.replace(/export\s*\{\s*\};?/g, '').trim();
}

/** The names of the interfaces and type aliases a module declares itself (not the ones it imports). */
function declaredTypes(text: string): string[] {
  return [...text.matchAll(/^\s*(?:export\s+)?(?:interface|type)\s+([A-Z]\w*)\b(?!\s*\})/gm)].map((m) => m[1]);
}

async function contractTypeNames(): Promise<Set<string>> {
  const names = new Set<string>();
  for await (const file of sources(CONTRACT)) for (const name of declaredTypes(await readFile(file, 'utf8'))) names.add(name);
  return names;
}

/**
 * Issue #21: the HTTP API's request and response shapes are written once, in libs/contract,
 * for the engine's queries and controllers and for the browser app. The contract is types only
 * (it costs the bundle nothing and cannot drift into behaviour), and the browser app no longer
 * keeps its own copies of those shapes — nor does the engine's operations console, whose shapes
 * were the last to move in.
 */
describe('the API contract', () => {
  it('given every module of libs/contract, none leaves code behind at run time', async () => {
    const withCode: string[] = [];
    for await (const file of sources(CONTRACT)) {
      const code = runtimeCodeOf(await readFile(file, 'utf8'));
      if (code) withCode.push(`${path.relative(root, file)}: ${code.slice(0, 80)}`);
    }
    expect(withCode).toEqual([]);
  });

  it('given a module with a constant, the check would see it', () => {
    expect(runtimeCodeOf("export interface A { a: string }\nexport const COLUMNS = ['a'];")).toContain('COLUMNS');
    expect(runtimeCodeOf("import type { X } from './x.js';\nexport type { X };\nexport type Y = X[];")).toBe('');
  });

  it('given the shapes the engine answers with, the contract declares them', async () => {
    const names = await contractTypeNames();
    for (const name of ['Wire', 'TaskView', 'Task', 'TaskForm', 'Dossier', 'DossierSummary', 'DefinitionSummary', 'DefinitionComparison', 'DefinitionMetrics', 'MeasuredMetrics', 'WhatIf', 'StepMetrics', 'MetricDelta', 'Ii06aReport', 'Ii06aFigures', 'Dashboard',
      'InstanceSummaryView', 'InstanceSummary', 'InstanceStep', 'InstancePage', 'ConsoleToken', 'ConsoleActivity', 'Incident', 'InstanceConsoleView', 'InstanceConsole',
      'HeatStep', 'HeatMap', 'OperationsDashboard', 'MigrationInstruction', 'MigrationPlan', 'MigrationPreview', 'MigrationStarted', 'MigrationBatchView', 'MigrationBatch',
      'OpenIncident', 'IncidentRetriedView', 'IncidentResolvedView',
      'DossierFileView', 'DossierFile', 'DossierFiles', 'ReusableOffer', 'ActivityHistoryView', 'ActivityHistoryEntry', 'Department', 'DirectoryUser', 'NewUser', 'UserChange',
      'PetitionView', 'PublishedPetitionView', 'PetitionReportView', 'PetitionReport', 'ReceivedDossierView', 'ModelFigures']) {
      expect(names).toContain(name);
    }
  });

  it('given every module of apps/modeler, none declares a type of the contract again', async () => {
    const names = await contractTypeNames();
    const copies: string[] = [];
    for await (const file of sources(MODELER)) {
      for (const name of declaredTypes(await readFile(file, 'utf8'))) if (names.has(name)) copies.push(`${path.relative(root, file)}: ${name}`);
    }
    expect(copies).toEqual([]);
  });

  it('given every module of the engine operations console, none declares a type of the contract again', async () => {
    const names = await contractTypeNames();
    const copies: string[] = [];
    for (const dir of ENGINE_OPERATIONS) {
      for await (const file of sources(dir)) {
        for (const name of declaredTypes(await readFile(file, 'utf8'))) if (names.has(name)) copies.push(`${path.relative(root, file)}: ${name}`);
      }
    }
    expect(copies).toEqual([]);
  });

  it('given a module that did declare one, the check would see it', () => {
    expect(declaredTypes('export interface Dossier {\n  code: string;\n}\ntype Task = { id: string };\nimport type { Dashboard } from "@onedoor/contract";\nexport type { Dashboard };')).toEqual(['Dossier', 'Task']);
  });
});
