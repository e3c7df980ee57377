/**
 * `GET /api/comparisons` as the engine answers it (apps/engine/src/reengineering/compare-definitions.ts).
 * Mirrored rather than imported: the browser bundle must not pull in engine code.
 */
export interface MetricDelta {
  /** candidate − base: negative is a reduction. */
  absolute: number;
  /** Relative to the base, in percent; null when the base is 0. */
  percent: number | null;
}

export interface StaticStep {
  elementId: string;
  name?: string | null;
  departmentCode?: string | null;
  allowanceDays?: number | null;
  counted?: boolean;
  intermediate?: boolean;
  complianceCost?: number;
}

export interface MeasuredStep {
  elementId: string;
  name: string | null;
  departmentCode: string | null;
  samples: number;
  meanHours: number | null;
  p90Hours: number | null;
  waitingHours: number | null;
  lateRate: number | null;
}

export interface MeasuredMetrics {
  dossiers: number;
  meanDays: number | null;
  p90Days: number | null;
  lateRate: number | null;
  waitingDays: number | null;
  workingDays: number | null;
  perStep: MeasuredStep[];
}

export interface DefinitionMetrics {
  definitionId: string;
  key: string;
  version: number;
  steps: number;
  countedSteps: number;
  handoffs: number;
  departments: number;
  departmentCodes: string[];
  statutoryDays: number | null;
  longestPathDays: number;
  complianceCost: number;
  perStepStatic: StaticStep[];
  measured: MeasuredMetrics;
}

export interface Verdict {
  stepsCut: boolean;
  costCut10: boolean;
  met: boolean;
  /** The verdict as one Vietnamese sentence, written by the engine. */
  text: string;
}

export interface WhatIf {
  assumption: string;
  dossiers: number;
  meanDaysBefore: number | null;
  meanDaysAfter: number | null;
  daysSavedMean: number | null;
  daysSavedTotal: number;
  lateBefore: number;
  lateAfter: number;
  wouldHaveBeenOnTime: number;
}

export interface Comparison {
  base: DefinitionMetrics;
  candidate: DefinitionMetrics;
  delta: {
    steps: MetricDelta;
    handoffs: MetricDelta;
    departments: MetricDelta;
    statutoryDays: MetricDelta | null;
    longestPathDays: MetricDelta;
    complianceCost: MetricDelta;
    measured: { meanDays: MetricDelta | null; p90Days: MetricDelta | null; lateRate: MetricDelta | null } | null;
  };
  verdict: Verdict;
  removedSteps: StaticStep[];
  addedSteps: StaticStep[];
  whatIf: WhatIf;
}

/** One row of `GET /api/process-definitions`. */
export interface DefinitionSummary {
  id: string;
  key: string;
  version: number;
  name?: string | null;
  procedureCode?: string | null;
  statutoryDays?: number | null;
}
