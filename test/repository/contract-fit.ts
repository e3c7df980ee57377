/**
 * Compile-time guard (`npm run typecheck`): the engine's own shapes that are not yet declared in
 * terms of libs/contract still fit the contract's, so the browser's types cannot drift from what
 * the engine answers. Each line fails to compile when a field the contract promises is missing
 * or of another type in the engine's shape.
 */
import type { DefinitionSummary, DossierSummaryView, ProcessInstanceSummary, ReceivableProcedure } from '@onedoor/contract';
import type { DossierListItem } from '../../apps/engine/src/queries/dossiers/dossier-queries.js';
import type { ReceivableProcedure as EngineReceivableProcedure } from '../../apps/engine/src/dossiers/receivable-procedures.js';
import type { DefinitionView } from '../../apps/engine/src/queries/definition-queries.js';
import type { InstanceView } from '../../apps/engine/src/queries/instance-queries.js';

type Fits<Engine extends Contract, Contract> = [Engine, Contract];

export type EngineShapesFitTheContract = [
  Fits<DossierListItem, DossierSummaryView>,
  Fits<EngineReceivableProcedure, ReceivableProcedure>,
  Fits<DefinitionView, DefinitionSummary>,
  Fits<InstanceView, ProcessInstanceSummary>,
];
