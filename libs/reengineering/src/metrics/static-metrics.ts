/** One step of a procedure as the comparison shows it. */
export interface StepMetrics {
  elementId: string;
  name?: string;
  departmentCode?: string;
  role?: string;
  /** `od:allowanceDays`, 0 when not set. */
  allowanceDays: number;
  /** Counted in the statutory time (`od:counted`, default true). */
  counted: boolean;
  /** `od:complianceCost` in VND, 0 when not set. */
  complianceCost: number;
  /** Has a step before it and a step after it: neither the reception nor the return of the result. */
  intermediate: boolean;
  /** For a step of a called process: the call activity that runs it. */
  calledFrom?: string;
  /** A multi-instance step (a consultation): counted once, with every department it goes to when the diagram names them. */
  multiInstance?: boolean;
  departmentCodes?: string[];
}

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
