import { deployModule } from '../deploy/index.js';

/** Simplifying the open procedure: the action, its service (the engine's simplify endpoint) and its dialog's words. */
export { simplifyOpenProcedure, type SimplifyHost } from './simplify-action.js';
export type { DeployedDefinition } from './simplify-service.js';
export { viSimplify } from './vi-simplify.js';

/**
 * bpmn-js module: what the simplify action needs in the modeler it acts on. An engine refusal of
 * a simplification lands on the canvas through the deploy feature's `deployProblems`.
 */
export const simplifyModule = {
  __depends__: [deployModule],
};
