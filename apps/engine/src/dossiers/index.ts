import type { Engine } from '../engine.js';
import { dossierDeadlineHandlers } from './deadline-jobs.js';
import { overdueTaskSweep } from '../persistence/dossiers/overdue-sweep.js';
import { dossierStatusListener, type StatusSync } from './dossier-status.js';
import { handBackListener } from './hand-back-notices.js';
import { inAppOnly, type Notifier } from './notifier.js';
import { syncDossierStatus } from '../portal-sync/dossier-status-sync.js';
import { installPetitions } from '../petitions/index.js';
import { paymentGateListener } from '../payments/payment-gate.js';

/**
 * Plugs dossiers into an engine node: status kept in step with the process inside each command,
 * every status change queued for the national portal, and the deadline jobs (escalation, apology demand, violation) in its job executor.
 */
export function installDossiers(engine: Engine, options: { notifier?: Notifier; statusSync?: StatusSync[] } = {}): void {
  const notifier = options.notifier ?? inAppOnly;
  // Before the status listener: a dossier reaching its payment gate reads status 6 in the same command.
  engine.onTransaction(paymentGateListener());
  engine.onTransaction(dossierStatusListener(options.statusSync ?? [syncDossierStatus]));
  engine.onTransaction(handBackListener(notifier));
  // Petitions run on the same engine and inboxes; their rows follow their instances the same way.
  installPetitions(engine);
  engine.jobs.addSweep(overdueTaskSweep(engine.db, engine.services.clock, notifier, engine.services.newId));
  for (const [type, handler] of Object.entries(dossierDeadlineHandlers(notifier))) engine.jobHandlers.set(type, handler);
}
