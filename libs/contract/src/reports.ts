import type { Wire } from './wire.js';

/** A reporting period as the reports answer it: local dates and the instants they cover. */
export interface ReportPeriodSpan {
  /** First local day, inclusive (YYYY-MM-DD). */
  from: string;
  /** Last local day, inclusive (YYYY-MM-DD). */
  to: string;
  label: string;
  /** Local midnight starting `from`. */
  startsAt: Date;
  /** Local midnight after `to`: the period is [startsAt, endsBefore). */
  endsBefore: Date;
}

/** Rows per unit (the dossier's agency, called department in the API) or per field. */
export type Ii06aGroupBy = 'department' | 'field';

/** The figures of one row of form II.06a (Circular 01/2020/TT-VPCP), counted in dossiers. */
export interface Ii06aFigures {
  /** total = online + directOrPostal (received in the period) + carriedOver (received before, not finished before it). */
  received: { total: number; online: number; directOrPostal: number; carriedOver: number };
  /** Finished within the period, judged against the legal due date. */
  resolved: { total: number; early: number; onTime: number; late: number };
  /** Not finished at the period end (waiting for a supplement excluded). */
  inProgress: { total: number; withinTime: number; overdue: number };
  /** Status 5 at the period end: the applicant's time, neither within time nor overdue. */
  waitingForSupplement: number;
  /** Withdrawn by the applicant (status 7) within the period. */
  withdrawn: number;
  /** Processing stopped (status 8, form 05) within the period. */
  stopped: number;
}

export interface Ii06aRow extends Ii06aFigures {
  /** agency_code or field; null for dossiers without one. */
  key: string | null;
  /** The department's name when grouped by department. */
  name: string | null;
}

/** `GET /api/reports/ii06a`. */
export interface Ii06aReportView {
  period: ReportPeriodSpan;
  /** When "in progress: within time / overdue" was judged: the period's end, or now while it runs. */
  asOf: Date;
  groupBy: Ii06aGroupBy;
  rows: Ii06aRow[];
  total: Ii06aFigures;
}

/** One index of the service-quality dashboard (Decision 766/QĐ-TTg). */
export interface IndexValue {
  /** numerator ÷ denominator, 0–1; null when there is nothing to divide by. */
  value: number | null;
  numerator: number;
  denominator: number;
  weight: number;
  /** weight × value. */
  points: number | null;
}

/** `GET /api/reports/dashboard`. */
export interface DashboardView {
  period: ReportPeriodSpan;
  indices: {
    progress: IndexValue;
    online: IndexValue;
    transparency: IndexValue;
    digitisation: IndexValue;
    electronicResult: IndexValue;
    reuse: IndexValue;
    satisfaction: IndexValue;
    onlinePayment: IndexValue;
  };
  /** Points over the indices that have a value, and their share of the attainable points, 0–100. */
  overall: { points: number; maxPoints: number; score: number | null };
}

export type ReportPeriod = Wire<ReportPeriodSpan>;
export type Ii06aReport = Wire<Ii06aReportView>;
export type Dashboard = Wire<DashboardView>;
