import type { ApiClient } from '../../shared/api-client.js';
import { i18n } from '../../shared/i18n.js';
import { showSimplifyResult } from './simplify-result-dialog.js';
import { flaggedSteps, SimplifyService, type DeployedDefinition } from './simplify-service.js';

type StatusKind = 'info' | 'success' | 'error';

/** What the simplify button needs from the modeler page. */
export interface SimplifyHost {
  modeler: any;
  api: ApiClient;
  /** The deployed version the open diagram is, if any (opened from the engine, or just deployed). */
  deployed: DeployedDefinition | null;
  /** Edited since it was opened or deployed: the engine would simplify the deployed version, not these edits. */
  changedSinceDeploy: boolean;
  report(kind: StatusKind, message: string): void;
  /** Shows the login dialog; true once logged in. */
  login(reason: string): Promise<boolean>;
  openDefinition(definition: DeployedDefinition): Promise<void>;
}

/**
 * "Rút gọn quy trình": the deployed version minus the steps flagged for removal in the open
 * diagram becomes the next version (POST …/simplify), then the designer can open it or compare.
 */
export async function simplifyOpenProcedure(host: SimplifyHost): Promise<void> {
  const t = i18n.t;
  const source = host.deployed;
  if (!source) {
    host.report('error', t('Deploy the procedure or open a deployed version first: simplification starts from a deployed version.'));
    return;
  }
  const flagged = flaggedSteps(host.modeler);
  if (flagged.length === 0) {
    host.report('error', t('No step is flagged “Proposed for removal”: flag the steps to cut in the Re-engineering section first.'));
    return;
  }
  if (host.changedSinceDeploy && !window.confirm(t('The diagram has changes that are not deployed. Simplify the deployed {key} version {version} by cutting the flagged steps? The other changes are not included.', { key: source.key, version: source.version }))) {
    return;
  }

  host.report('info', t('Simplifying…'));
  const service = new SimplifyService(host.modeler, host.api);
  const ids = flagged.map((step) => step.id);
  let outcome = await service.simplify(source, ids);
  if (outcome.kind === 'unauthorized' && outcome.status === 401) {
    if (!(await host.login(t('Log in with an account allowed to deploy.')))) return host.report('error', t('Log in with an account allowed to deploy.'));
    outcome = await service.simplify(source, ids);
  }
  switch (outcome.kind) {
    case 'simplified': {
      const { definition } = outcome.result;
      host.report('success', t('Simplified: {key} version {version} without {count} steps.', { key: definition.key, version: definition.version, count: outcome.result.removed.length }));
      const names = new Map(flagged.map((step) => [step.id, step.name]));
      if ((await showSimplifyResult(source, outcome.result, names)) === 'open') await host.openDefinition(definition);
      break;
    }
    case 'rejected':
      host.report('error', t('The engine refused to simplify the procedure: {message} (see Problems)', { message: outcome.message }));
      break;
    case 'unauthorized':
      host.report('error', outcome.status === 403 ? t('Your account may not simplify procedures (designer role needed).') : t('Log in with an account allowed to deploy.'));
      break;
    default:
      host.report('error', t('Simplification failed: {message}', { message: outcome.message }));
  }
}
