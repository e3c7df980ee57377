import type { Ii06aFigures, Ii06aGroupBy, Ii06aReportView as Ii06aReport, Ii06aRow } from '@onedoor/contract';
import type { Sql } from '../../persistence/database.js';
import { periodDossiersSql, reportAsOf } from './period-dossiers-sql.js';
import type { ReportPeriod } from '../../reports/period.js';

export type { Ii06aFigures, Ii06aGroupBy, Ii06aReport, Ii06aRow };

const GROUP_COLUMN: Record<Ii06aGroupBy, string> = { department: 'agency_code', field: 'field' };

interface CountsRow {
  is_total: boolean;
  key: string | null;
  name: string | null;
  online: number;
  direct_or_postal: number;
  carried_over: number;
  early: number;
  on_time: number;
  late: number;
  within_time: number;
  overdue: number;
  waiting: number;
  withdrawn: number;
  stopped: number;
}

/**
 * Form II.06a in one statement: the period's dossiers are classified once (period-dossiers-sql)
 * and counted per group and in total with GROUPING SETS, so the totals row is the same query and
 * always adds up. Every received dossier lands in exactly one of resolved, in progress, waiting,
 * withdrawn or stopped, hence received.total equals their sum.
 */
export async function ii06aReport(sql: Pick<Sql, 'query'>, period: ReportPeriod, groupBy: Ii06aGroupBy, now?: Date): Promise<Ii06aReport> {
  const asOf = reportAsOf(period, now);
  const names = groupBy === 'department' ? 'LEFT JOIN department d ON d.code = c.key AND NOT c.is_total' : '';
  const rows = await sql.query<CountsRow>(
    `WITH ${periodDossiersSql(GROUP_COLUMN[groupBy])},
     counts AS (
       SELECT GROUPING(grp) = 1 AS is_total, grp AS key,
         count(*) FILTER (WHERE received_in_period AND channel = 'online')::int AS online,
         count(*) FILTER (WHERE received_in_period AND channel <> 'online')::int AS direct_or_postal,
         count(*) FILTER (WHERE NOT received_in_period)::int AS carried_over,
         count(*) FILTER (WHERE outcome = 'early')::int AS early,
         count(*) FILTER (WHERE outcome = 'on_time')::int AS on_time,
         count(*) FILTER (WHERE outcome = 'late')::int AS late,
         count(*) FILTER (WHERE outcome = 'within_time')::int AS within_time,
         count(*) FILTER (WHERE outcome = 'overdue')::int AS overdue,
         count(*) FILTER (WHERE outcome = 'waiting')::int AS waiting,
         count(*) FILTER (WHERE outcome = 'withdrawn')::int AS withdrawn,
         count(*) FILTER (WHERE outcome = 'stopped')::int AS stopped
       FROM classified
       GROUP BY GROUPING SETS ((grp), ())
     )
     SELECT c.*, ${groupBy === 'department' ? 'd.name' : 'NULL::text'} AS name
       FROM counts c ${names}
      ORDER BY c.is_total, c.key NULLS LAST`,
    [period.startsAt, period.endsBefore, asOf],
  );
  const totalRow = rows.find((r) => r.is_total);
  return {
    period: { from: period.from, to: period.to, label: period.label, startsAt: period.startsAt, endsBefore: period.endsBefore },
    asOf,
    groupBy,
    rows: rows.filter((r) => !r.is_total).map((r) => ({ key: r.key, name: r.name, ...figures(r) })),
    total: totalRow ? figures(totalRow) : figures(undefined),
  };
}

function figures(r: CountsRow | undefined): Ii06aFigures {
  const n = (k: keyof CountsRow) => (r ? Number(r[k]) : 0);
  const received = { online: n('online'), directOrPostal: n('direct_or_postal'), carriedOver: n('carried_over') };
  const resolved = { early: n('early'), onTime: n('on_time'), late: n('late') };
  const inProgress = { withinTime: n('within_time'), overdue: n('overdue') };
  return {
    received: { total: received.online + received.directOrPostal + received.carriedOver, ...received },
    resolved: { total: resolved.early + resolved.onTime + resolved.late, ...resolved },
    inProgress: { total: inProgress.withinTime + inProgress.overdue, ...inProgress },
    waitingForSupplement: n('waiting'),
    withdrawn: n('withdrawn'),
    stopped: n('stopped'),
  };
}
