import type { Engine } from '../engine.js';
import { armTaskDeadlines, dossierDeadlineHandlers, taskDeadlineHandler } from './deadline-jobs.js';
import { dossierStatusListener, type StatusSync } from './dossier-status.js';
import { inAppOnly, type Notifier } from './notifier.js';
import { syncDossierStatus } from '../portal-sync/dossier-status-sync.js';

/**
 * Plugs dossiers into an engine node: status kept in step with the process inside each command,
 * every status change queued for the national portal, and the deadline jobs (escalation, apology demand, violation) in its job executor.
 */
export function installDossiers(engine: Engine, options: { notifier?: Notifier; statusSync?: StatusSync[] } = {}): void {
  const notifier = options.notifier ?? inAppOnly;
  engine.onTransaction(armTaskDeadlines);
  engine.onTransaction(dossierStatusListener(options.statusSync ?? [syncDossierStatus]));
  engine.jobHandlers.set('task-deadline', taskDeadlineHandler(notifier));
  for (const [type, handler] of Object.entries(dossierDeadlineHandlers(notifier))) engine.jobHandlers.set(type, handler);
}
