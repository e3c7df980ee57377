import type { DashboardView as Dashboard, IndexValue } from '@onedoor/contract';
import type { Sql } from '../../persistence/database.js';
import { periodDossiersSql, reportAsOf } from './period-dossiers-sql.js';
import type { ReportPeriod } from '../../reports/period.js';
import type { Decision766Weights } from '../../reports/report-config.js';

export type { Dashboard, IndexValue };

interface Counts {
  timely: number;
  judged: number;
  online: number;
  received_new: number;
  synced: number;
  all: number;
  digitised: number;
  resolved: number;
  electronic: number;
  component_files: number;
  reused_files: number;
  rated: number;
  satisfied: number;
  normal: number;
  with_fee: number;
  paid_online: number;
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
 * - digitisation = dossiers received in the period whose required components all had a
 *   digitised file (uploaded or reused) before its end ÷ dossiers received in the period.
 * - electronic result = resolved dossiers (early, on time, late) whose result was issued
 *   electronically ÷ resolved dossiers.
 * - reuse = component files of the dossiers received in the period that were reused from the
 *   applicant's earlier papers ÷ all their component files.
 * - satisfaction = (satisfied + ½ normal) ÷ ratings, over the ratings the period's dossiers
 *   received before its end.
 * - online payment = the period's dossiers whose fee was paid online before its end ÷ the
 *   period's dossiers that owed a fee (reached their payment gate) before its end.
 */
export async function dashboardIndices(sql: Pick<Sql, 'query'>, period: ReportPeriod, weights: Decision766Weights, now?: Date): Promise<Dashboard> {
  const [counts] = await sql.query<Counts>(
    `WITH ${periodDossiersSql('NULL::text')}
     SELECT count(*) FILTER (WHERE outcome IN ('early', 'on_time', 'within_time'))::int AS timely,
            count(*) FILTER (WHERE outcome IN ('early', 'on_time', 'late', 'within_time', 'overdue'))::int AS judged,
            count(*) FILTER (WHERE received_in_period AND c.channel = 'online')::int AS online,
            count(*) FILTER (WHERE received_in_period)::int AS received_new,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM portal_outbox o WHERE o.dossier_code = c.code)
                              AND NOT EXISTS (SELECT 1 FROM portal_outbox o WHERE o.dossier_code = c.code AND o.delivered_at IS NULL))::int AS synced,
            count(*)::int AS "all",
            count(*) FILTER (WHERE received_in_period AND d.components_digitised_at < $2)::int AS digitised,
            count(*) FILTER (WHERE outcome IN ('early', 'on_time', 'late'))::int AS resolved,
            count(*) FILTER (WHERE outcome IN ('early', 'on_time', 'late') AND d.result_electronic)::int AS electronic,
            coalesce(sum(files.components) FILTER (WHERE received_in_period), 0)::int AS component_files,
            coalesce(sum(files.reused) FILTER (WHERE received_in_period), 0)::int AS reused_files,
            count(r.rating)::int AS rated,
            count(*) FILTER (WHERE r.rating = 'satisfied')::int AS satisfied,
            count(*) FILTER (WHERE r.rating = 'normal')::int AS normal,
            count(p.dossier_code)::int AS with_fee,
            count(*) FILTER (WHERE p.status = 'paid' AND p.method = 'online' AND p.paid_at < $2)::int AS paid_online
       FROM classified c
       JOIN dossier d ON d.code = c.code
       LEFT JOIN dossier_rating r ON r.dossier_code = c.code AND r.rated_at < $2
       LEFT JOIN dossier_payment p ON p.dossier_code = c.code AND p.requested_at < $2
       LEFT JOIN LATERAL (
         SELECT count(*) AS components, count(*) FILTER (WHERE f.reused_from IS NOT NULL) AS reused
           FROM dossier_file f WHERE f.dossier_code = c.code AND f.purpose = 'component' AND f.added_at < $2
       ) files ON true`,
    [period.startsAt, period.endsBefore, reportAsOf(period, now)],
  );
  const measures: Record<keyof Dashboard['indices'], [number, number, number]> = {
    progress: [counts.timely, counts.judged, weights.progress],
    online: [counts.online, counts.received_new, weights.online],
    transparency: [counts.synced, counts.all, weights.transparency],
    digitisation: [counts.digitised, counts.received_new, weights.digitisation ?? 0],
    electronicResult: [counts.electronic, counts.resolved, weights.electronicResult ?? 0],
    reuse: [counts.reused_files, counts.component_files, weights.reuse ?? 0],
    satisfaction: [counts.satisfied + counts.normal / 2, counts.rated, weights.satisfaction ?? 0],
    onlinePayment: [counts.paid_online, counts.with_fee, weights.onlinePayment ?? 0],
  };
  const indices = Object.fromEntries(Object.entries(measures).map(([name, [n, d, w]]) => [name, index(n, d, w)])) as Dashboard['indices'];
  // An index without dossiers (no online-eligible intake, say) neither earns nor loses points.
  const scored = Object.values(measures).filter(([, denominator]) => denominator > 0);
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
