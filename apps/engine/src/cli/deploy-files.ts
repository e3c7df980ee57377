import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DeployProcedures, type DeploymentResult } from '../commands/deploy-procedures.js';
import { badInput } from '../shared/domain-error.js';
import type { CliContext } from './cli-context.js';

/**
 * `onedoor deploy <files…> [--name n]`: one deployment of the given .bpmn/.dmn files, as an
 * upload to `POST /api/deployments` makes (a BPMN and the DMN it calls go together).
 */
export async function deployFiles(ctx: CliContext, files: string[], name?: string): Promise<{ result: DeploymentResult; lines: string[] }> {
  if (files.length === 0) throw badInput('give one or more .bpmn or .dmn files', [{ field: 'files', message: 'required' }]);
  const resources = [];
  for (const file of files) {
    if (!/\.(bpmn|dmn)$/i.test(file)) throw badInput(`${file} is not a .bpmn or .dmn file`, [{ field: 'files', message: `${file}: not .bpmn or .dmn` }]);
    const xml = await readFile(file, 'utf8').catch(() => {
      throw badInput(`cannot read ${file}`, [{ field: 'files', message: `${file}: no such readable file` }]);
    });
    resources.push({ name: path.basename(file), xml });
  }
  const deploymentName = name ?? path.basename(files[0]).replace(/\.(bpmn|dmn)$/i, '');
  const result = await ctx.engine.execute(new DeployProcedures(deploymentName, resources, 'cli'), ctx.actor);
  const definitions = [...result.processDefinitions, ...result.decisionDefinitions];
  const lines = [
    `deployed ${deploymentName}: ${definitions.length} definition${definitions.length === 1 ? '' : 's'}`,
    ...definitions.map((d) => `  ${d.key} version ${d.version}${d.isNew ? ' (new)' : ' (unchanged: same file as before)'}`),
    ...result.warnings.map((w) => `  warning: ${w}`),
  ];
  return { result, lines };
}
