import type { ModelFigures, StepMetrics } from '@onedoor/contract';

/** One step of a procedure as the comparison shows it (the API's shape, declared in the contract). */
export type { StepMetrics };

/** What a procedure's model says about its cost (the figures the contract declares), step by step. */
export interface StaticMetrics extends ModelFigures {
  processKey: string;
  procedureCode?: string;
  perStep: StepMetrics[];
}
