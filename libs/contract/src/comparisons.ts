/** candidate − base of one figure. */
export interface MetricDelta {
  /** candidate − base: negative is a reduction. */
  absolute: number;
  /** Relative to the base, in percent (2 decimals); null when the base is 0 and something changed. */
  percent: number | null;
}

/** One step of a procedure as its model describes it (od: attributes), for the comparison. */
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

/** One step as the history of finished dossiers measured it. */
export interface MeasuredStep {
  elementId: string;
  name: string | null;
  departmentCode: string | null;
  /** Completed tasks of this step in finished dossiers (a step returned to and done again counts twice). */
  samples: number;
  meanHours: number | null;
  p90Hours: number | null;
  /** Mean working hours a task of this step waited for the applicant (not counted in the others). */
  waitingHours: number | null;
  /** Late ÷ samples with a due date; null when the step never has one (not counted). */
  lateRate: number | null;
}

/** What the history of finished dossiers says; working days of the calendar's hours per day. */
export interface MeasuredMetrics {
  /** Finished dossiers measured. */
  dossiers: number;
  /** Mean working days the agency used per dossier: clock start to finish, applicant waits excluded. */
  meanDays: number | null;
  p90Days: number | null;
  /** Share of dossiers finished after their legal due instant, 0–1. */
  lateRate: number | null;
  /** Mean working days per dossier spent waiting for the applicant (inside the measured span). */
  waitingDays: number | null;
  /** Mean working days per dossier from clock start to finish, waits included (= meanDays + waitingDays). */
  workingDays: number | null;
  /** In the procedure's step order, then steps the model no longer has. */
  perStep: MeasuredStep[];
}

/** What a procedure's model says about its cost to the applicant and the administration. */
export interface ModelFigures {
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
}

/** One version of a procedure as the comparison shows it: what the model says and what happened. */
export interface DefinitionMetrics extends ModelFigures {
  definitionId: string;
  key: string;
  version: number;
  perStepStatic: StepMetrics[];
  measured: MeasuredMetrics;
}

/** candidate − base of what the models say. */
export interface ModelDelta {
  steps: MetricDelta;
  handoffs: MetricDelta;
  departments: MetricDelta;
  /** Null when either version declares no statutory time. */
  statutoryDays: MetricDelta | null;
  longestPathDays: MetricDelta;
  complianceCost: MetricDelta;
}

/** Whether the candidate meets the reform targets of Decision 468/QĐ-TTg. */
export interface ReformVerdict {
  /** At least one intermediate step (neither reception nor return) cut, and fewer steps overall. */
  stepsCut: boolean;
  /** Compliance cost down by at least 10%. */
  costCut10: boolean;
  /** Both: what Decision 468/QĐ-TTg asks of each procedure. */
  met: boolean;
  /** The verdict in a Vietnamese sentence, for managers. */
  text: string;
}

/** The base's finished dossiers replayed against the candidate. */
export interface WhatIf {
  /** The assumption behind the estimate, for managers. */
  assumption: string;
  /** Finished dossiers of the base version replayed. */
  dossiers: number;
  meanDaysBefore: number | null;
  meanDaysAfter: number | null;
  daysSavedMean: number | null;
  daysSavedTotal: number;
  /** Base dossiers finished after their legal due instant. */
  lateBefore: number;
  /** Of the replayed dossiers, those whose estimate exceeds the candidate's statutory days. */
  lateAfter: number;
  /** Late under the base, on time under the candidate. */
  wouldHaveBeenOnTime: number;
}

/** `GET /api/comparisons?base=…&candidate=…`: two deployed versions side by side. */
export interface DefinitionComparison {
  base: DefinitionMetrics;
  candidate: DefinitionMetrics;
  delta: ModelDelta & {
    /** candidate − base of the measured history; each null while either has no finished dossier. */
    measured: { meanDays: MetricDelta | null; p90Days: MetricDelta | null; lateRate: MetricDelta | null };
  };
  verdict: ReformVerdict;
  removedSteps: StepMetrics[];
  addedSteps: StepMetrics[];
  whatIf: WhatIf;
}
