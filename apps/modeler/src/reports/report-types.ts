/**
 * The reports API as the engine answers it (apps/engine/src/reports/ii06a.ts and dashboard.ts),
 * mirrored so the browser bundle pulls in no engine code.
 */
export type GroupBy = 'department' | 'field';

export interface ReportPeriod {
  from: string;
  to: string;
  label: string;
  startsAt: string;
  endsBefore: string;
}

/** The figures of one row of form II.06a (Circular 01/2020/TT-VPCP), counted in dossiers. */
export interface Ii06aFigures {
  received: { total: number; online: number; directOrPostal: number; carriedOver: number };
  resolved: { total: number; early: number; onTime: number; late: number };
  inProgress: { total: number; withinTime: number; overdue: number };
  waitingForSupplement: number;
  withdrawn: number;
  stopped?: number;
}

export interface Ii06aRow extends Ii06aFigures {
  key: string | null;
  name: string | null;
}

export interface Ii06aReport {
  period: ReportPeriod;
  /** When overdue was judged: the period's end, or now while the period runs. */
  asOf?: string;
  groupBy: GroupBy;
  rows: Ii06aRow[];
  total: Ii06aFigures;
}

export interface IndexValue {
  /** 0–1; null when there is nothing to divide by. */
  value: number | null;
  numerator: number;
  denominator: number;
  weight: number;
  points: number | null;
}

export interface Dashboard {
  period: ReportPeriod;
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
  /** score: 0–100 over the indices that have a value. */
  overall: { points: number; maxPoints: number; score: number | null };
}
