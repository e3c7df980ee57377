import { CIRCULAR_01_2020_PERIODS, type PeriodRule } from './period.js';

/**
 * Points of the Decision 766/QĐ-TTg index groups we can compute from our own data. The
 * defaults are the maximum points of those groups in the 2022 appendix (transparency 18,
 * progress 20, online service 12, satisfaction 18, digitisation 22 of 100); the government has revised them since, so they are
 * configuration: set the ones in force. Only the ratio between them affects the overall score.
 */
export interface Decision766Weights {
  transparency: number;
  progress: number;
  online: number;
  /**
   * The digitisation group (22 points in the 2022 appendix), split here over its three measures:
   * dossiers whose components are all digitised, results issued electronically, papers reused.
   * Missing: the measure is shown but earns no points.
   */
  digitisation?: number;
  electronicResult?: number;
  reuse?: number;
  /** The applicants' satisfaction group (18 points in the 2022 appendix). */
  satisfaction?: number;
  /**
   * Fees paid online of fees owed. Not a group of its own in the 2022 appendix: unset, it is shown
   * and earns no points; set the points in force when the province scores it.
   */
  onlinePayment?: number;
}

export interface ReportConfig {
  periods: PeriodRule;
  weights: Decision766Weights;
}

export const DEFAULT_REPORT_CONFIG: ReportConfig = {
  periods: CIRCULAR_01_2020_PERIODS,
  weights: { transparency: 18, progress: 20, online: 12, digitisation: 8, electronicResult: 8, reuse: 6, satisfaction: 18 },
};
