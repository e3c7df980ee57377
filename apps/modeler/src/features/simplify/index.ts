/** Simplifying the open procedure: the action, its service (the engine's simplify endpoint) and its dialog's words. */
export { simplifyOpenProcedure } from './simplify-action.js';
export type { DeployedDefinition } from './simplify-service.js';
export { viSimplify } from './vi-simplify.js';
