import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../commands/command.js';
import { DeployProcedures, type DeploymentResult } from '../commands/deploy-procedures.js';
import type { Engine } from '../engine.js';

/**
 * Deploys every `.bpmn` of a folder, one file per deployment in name order (so a called process
 * sorts before its caller and `x.v1` before `x.v2`). Byte-identical files make no new version, so
 * running this at every start is idempotent.
 */
export async function deployProcessFolder(engine: Engine, dir: string): Promise<DeploymentResult[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bpmn')).sort();
  const results: DeploymentResult[] = [];
  for (const file of files) {
    const xml = await readFile(path.join(dir, file), 'utf8');
    results.push(await engine.execute(new DeployProcedures(file.replace(/\.bpmn$/, ''), [{ name: file, xml }], 'processes/'), SYSTEM_ACTOR));
  }
  return results;
}
