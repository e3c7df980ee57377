import type { ModdleElement } from './moddle-element.js';
import { collectSteps } from './procedure-steps.js';
import { readStepAttributes } from './step-attributes.js';

/** Allowances are quarters and halves of a day; anything closer than this is the same total. */
export const ALLOWANCE_TOLERANCE = 1e-6;

/** The sum of the counted steps' allowances: what must equal `od:statutoryDays`. */
export function countedAllowanceTotal(container: ModdleElement): number {
  let total = 0;
  for (const step of collectSteps(container)) {
    const { counted, allowanceDays } = readStepAttributes(step);
    if (counted && allowanceDays !== undefined) total += allowanceDays;
  }
  // summing decimals drifts (0.1 + 0.2); round to what a published table can show
  return Math.round(total * 1e6) / 1e6;
}
