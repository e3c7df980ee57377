import { ComparisonsController } from './comparisons.controller.js';
import { SimplifyController } from './simplify.controller.js';

/** Re-engineering (issue #7): simplify a definition, compare two; the app module registers these. */
export const reengineeringControllers = [SimplifyController, ComparisonsController];
