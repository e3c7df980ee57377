import { EngineSchema1764100000000 } from './1764100000000-engine-schema.js';
import { Organisation1764100001000 } from './1764100001000-organisation.js';
import { Dossiers1764100002000 } from './1764100002000-dossiers.js';
import { PortalOutboxIndexes1764100003000 } from './1764100003000-portal-outbox-indexes.js';
import { HistoryWriteIndexes1764100004000 } from './1764100004000-history-write-indexes.js';
import { DossierLifetimeIndex1764100005000 } from './1764100005000-dossier-lifetime-index.js';
import { InstanceRevisionGuard1764100006000 } from './1764100006000-instance-revision-guard.js';
import { RuntimeTableUpkeep1764100007000 } from './1764100007000-runtime-table-upkeep.js';
import { IdempotencyAndAppendOnlyAudit1764100016000 } from './1764100016000-idempotency-and-append-only-audit.js';
import { TokenRevocation1764100016100 } from './1764100016100-token-revocation.js';
import { AccountsAndSessions1764100025000 } from './1764100025000-accounts-and-sessions.js';
import { ExecutionLocalVariables1764117000000 } from './1764117000000-execution-local-variables.js';
import { MessageOutbox1764117001000 } from './1764117001000-message-outbox.js';
import { DecisionDefinitions1764117002000 } from './1764117002000-decision-definitions.js';
import { StepOpinions1764200018000 } from './1764200018000-step-opinions.js';
import { OperationsConsole1764200020000 } from './1764200020000-operations-console.js';
import { DigitisedDossiers1764200023000 } from './1764200023000-digitised-dossiers.js';
import { ApplicantNotices1764200024000 } from './1764200024000-applicant-notices.js';
import { Petitions1764200024100 } from './1764200024100-petitions.js';
import { DossierPayments1764200024200 } from './1764200024200-dossier-payments.js';
import { PartitionedHistory1764200025000 } from './1764200025000-partitioned-history.js';
import { DossierReceivedIndex1764200026000 } from './1764200026000-dossier-received-index.js';
import { FinishedDossierCounts1764200027000 } from './1764200027000-finished-dossier-counts.js';

/** Every migration, in order. A new migration is appended here. */
export const MIGRATIONS = [EngineSchema1764100000000, Organisation1764100001000, Dossiers1764100002000, PortalOutboxIndexes1764100003000, HistoryWriteIndexes1764100004000, DossierLifetimeIndex1764100005000, InstanceRevisionGuard1764100006000, RuntimeTableUpkeep1764100007000, IdempotencyAndAppendOnlyAudit1764100016000, TokenRevocation1764100016100, AccountsAndSessions1764100025000, ExecutionLocalVariables1764117000000, MessageOutbox1764117001000, DecisionDefinitions1764117002000, StepOpinions1764200018000, OperationsConsole1764200020000, DigitisedDossiers1764200023000, ApplicantNotices1764200024000, Petitions1764200024100, DossierPayments1764200024200, PartitionedHistory1764200025000, DossierReceivedIndex1764200026000, FinishedDossierCounts1764200027000];
