import type { Sql } from '../persistence/database.js';
import { periodDossiersSql, reportAsOf } from './period-dossiers-sql.js';
import type { ReportPeriod } from './period.js';
import type { Decision766Weights } from './report-config.js';

export interface IndexValue {
  /** numerator ÷ denominator, 0–1; null when there is nothing to divide by. */
  value: number | null;
  numerator: number;
  denominator: number;
  weight: number;
  /** weight × value. */
  points: number | null;
}

export interface Dashboard {
  period: Pick<ReportPeriod, 'from' | 'to' | 'label' | 'startsAt' | 'endsBefore'>;
  indices: { progress: IndexValue; online: IndexValue; transparency: IndexValue };
  /** Points over the indices that have a value, and their share of the attainable points, 0–100. */
  overall: { points: number; maxPoints: number; score: number | null };
}

interface Counts {
  timely: number;
  judged: number;
  online: number;
  received_new: number;
  synced: number;
  all: number;
}

/**
 * Decision 766 indices for a period, over the same classified dossiers as form II.06a:
 * - progress = (early + on time + in progress within time) ÷ the period's dossiers whose
 *   timeliness can be judged (resolved + in progress). Waiting for a supplement, withdrawn and
 *   stopped dossiers are left out of both sides: the applicant's time is never counted against
 *   the agency, and the others have no timeliness.
 * - online = dossiers received online in the period ÷ all received in the period (carried-over
 *   dossiers were counted in their own period).
 * - transparency = the period's dossiers whose national-portal sync records exist and were all
 *   delivered ÷ all the period's dossiers (received in it or carried over).
 */
export async function dashboardIndices(sql: Pick<Sql, 'query'>, period: ReportPeriod, weights: Decision766Weights, now?: Date): Promise<Dashboard> {
  const [counts] = await sql.query<Counts>(
    `WITH ${periodDossiersSql('NULL::text')}
     SELECT count(*) FILTER (WHERE outcome IN ('early', 'on_time', 'within_time'))::int AS timely,
            count(*) FILTER (WHERE outcome IN ('early', 'on_time', 'late', 'within_time', 'overdue'))::int AS judged,
            count(*) FILTER (WHERE received_in_period AND channel = 'online')::int AS online,
            count(*) FILTER (WHERE received_in_period)::int AS received_new,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM portal_outbox o WHERE o.dossier_code = c.code)
                              AND NOT EXISTS (SELECT 1 FROM portal_outbox o WHERE o.dossier_code = c.code AND o.delivered_at IS NULL))::int AS synced,
            count(*)::int AS "all"
       FROM classified c`,
    [period.startsAt, period.endsBefore, reportAsOf(period, now)],
  );
  const indices = {
    progress: index(counts.timely, counts.judged, weights.progress),
    online: index(counts.online, counts.received_new, weights.online),
    transparency: index(counts.synced, counts.all, weights.transparency),
  };
  // An index without dossiers (no online-eligible intake, say) neither earns nor loses points.
  const scored = [
    [counts.timely, counts.judged, weights.progress],
    [counts.online, counts.received_new, weights.online],
    [counts.synced, counts.all, weights.transparency],
  ].filter(([, denominator]) => denominator > 0);
  const points = scored.reduce((sum, [n, d, w]) => sum + (w * n) / d, 0);
  const maxPoints = scored.reduce((sum, [, , w]) => sum + w, 0);
  return {
    period: { from: period.from, to: period.to, label: period.label, startsAt: period.startsAt, endsBefore: period.endsBefore },
    indices,
    overall: { points: round(points), maxPoints, score: maxPoints > 0 ? round((points / maxPoints) * 100) : null },
  };
}

function index(numerator: number, denominator: number, weight: number): IndexValue {
  const value = denominator > 0 ? numerator / denominator : null;
  return { value: value === null ? null : round(value, 4), numerator, denominator, weight, points: value === null ? null : round(weight * value) };
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
