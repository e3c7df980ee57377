import type { StepMetrics } from '@onedoor/contract';

/** One step of a procedure as the comparison shows it (the API's shape, declared in the contract). */
export type { StepMetrics };

/** What a procedure's model says about its cost to the applicant and the administration. */
export interface StaticMetrics {
  processKey: string;
  procedureCode?: string;
  /** User and manual tasks, with the steps of called processes (or the call activity itself when not resolved). */
  steps: number;
  countedSteps: number;
  handoffs: number;
  departments: number;
  departmentCodes: string[];
  /** `od:statutoryDays` of the process, null when not declared. */
  statutoryDays: number | null;
  longestPathDays: number;
  /** VND, every flow node's `od:complianceCost`, called processes included. */
  complianceCost: number;
  perStep: StepMetrics[];
}
