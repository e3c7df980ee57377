import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #22: II.06a for a quarter under a second at 10 million dossiers.
 *
 * A finished dossier's place in every period report is fixed once it finishes: the day it
 * finished, the day it was received, its agency, field and channel, and its outcome (withdrawn,
 * stopped, early, on time, late). Reading and classifying the 900,000 dossiers of a quarter took
 * 1.3–1.7 s however the statement was written; counting them ahead takes the report to the
 * counts of a few hundred keys per day plus the dossiers still open at the period's end.
 *
 * `report_finished_count` holds those counts: one row per key, `n` dossiers. Triggers on
 * `dossier` keep it exact in the same transaction as the write, on every node:
 * - INSERT and DELETE are counted per statement from the transition tables, so a bulk load of a
 *   month of dossiers is one grouped upsert, not one per row;
 * - UPDATE is counted per row, and only when a column the key is made of changed on a dossier
 *   that is or was finished (a status change of an open dossier costs nothing).
 * Each write subtracts the old key and adds the new one, grouped, in key order (two writers
 * lock shared keys in the same order, so they wait, never deadlock).
 *
 * "Finished" is as the reports define it (period-dossiers-sql.ts): accepted (status not 1 or 3)
 * with a finish recorded; a finish recorded before the receipt counts as at the receipt. The
 * outcome is the report's classification of a dossier finished in its period, the same SQL
 * (a spec compares the report read from these counts with the definition over random dossiers).
 * Days are local (+07:00, as timeliness-sql.ts computes them). Rows that fall to n = 0 stay:
 * they add nothing, and the next dossier of that key reuses them.
 */
export class FinishedDossierCounts1764200027000 implements MigrationInterface {
  name = 'FinishedDossierCounts1764200027000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_finished_count (
        finished_day date NOT NULL,
        received_day date NOT NULL,
        agency_code text NOT NULL,
        field text,
        channel text NOT NULL,
        outcome text NOT NULL,
        n integer NOT NULL,
        CONSTRAINT report_finished_count_key UNIQUE NULLS NOT DISTINCT (finished_day, received_day, agency_code, field, channel, outcome)
      );

      -- The local day (+07:00) of an instant.
      CREATE FUNCTION od_local_day(instant timestamptz) RETURNS date
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT date '1970-01-01' + floor((extract(epoch FROM instant) + ${7 * 3600}) / 86400)::int $$;

      -- Where a dossier finished in a report's period counts (period-dossiers-sql.ts, classified).
      CREATE FUNCTION od_finished_outcome(status smallint, finished_at timestamptz, legal_due_at timestamptz) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT CASE
          WHEN status = 7 THEN 'withdrawn'
          WHEN status = 8 THEN 'stopped'
          WHEN legal_due_at IS NULL THEN 'on_time'
          WHEN finished_at > legal_due_at THEN 'late'
          WHEN od_local_day(finished_at) < od_local_day(legal_due_at) THEN 'early'
          ELSE 'on_time' END $$;
    `);
    // One function per way rows arrive; each feeds signed rows to the same grouped upsert.
    const triggers: [string, string, string][] = [
      ['insert', `SELECT *, 1 AS sign FROM new_rows`, 'AFTER INSERT ON dossier REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT'],
      ['delete', `SELECT *, -1 AS sign FROM old_rows`, 'AFTER DELETE ON dossier REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT'],
      [
        'update',
        `SELECT (OLD).*, -1 AS sign UNION ALL SELECT (NEW).*, 1`,
        `AFTER UPDATE OF finished_at, received_at, status, agency_code, field, channel, legal_due_at ON dossier FOR EACH ROW
         WHEN ((OLD.finished_at IS NOT NULL OR NEW.finished_at IS NOT NULL)
               AND (OLD.finished_at, OLD.received_at, OLD.status, OLD.agency_code, OLD.field, OLD.channel, OLD.legal_due_at)
                   IS DISTINCT FROM (NEW.finished_at, NEW.received_at, NEW.status, NEW.agency_code, NEW.field, NEW.channel, NEW.legal_due_at))`,
      ],
    ];
    for (const [op, rows, when] of triggers) {
      await q.query(`
        CREATE FUNCTION od_count_finished_dossiers_${op}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${countSql(rows)};
          RETURN NULL;
        END $$;
        CREATE TRIGGER dossier_finished_count_${op} ${when} EXECUTE FUNCTION od_count_finished_dossiers_${op}();
      `);
    }
    await q.query(countSql(`SELECT *, 1 AS sign FROM dossier`));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'delete', 'update']) {
      await q.query(`DROP TRIGGER IF EXISTS dossier_finished_count_${op} ON dossier; DROP FUNCTION IF EXISTS od_count_finished_dossiers_${op}()`);
    }
    await q.query(`DROP TABLE IF EXISTS report_finished_count; DROP FUNCTION IF EXISTS od_finished_outcome(smallint, timestamptz, timestamptz); DROP FUNCTION IF EXISTS od_local_day(timestamptz)`);
  }
}

/** Adds the signed dossier rows of `rows` (columns of dossier plus `sign`) to their keys' counts. */
function countSql(rows: string): string {
  return `
    INSERT INTO report_finished_count AS c (finished_day, received_day, agency_code, field, channel, outcome, n)
    SELECT od_local_day(greatest(finished_at, received_at)), od_local_day(received_at), agency_code, field, channel,
           od_finished_outcome(status, finished_at, legal_due_at), sum(sign)
      FROM (${rows}) d
     WHERE finished_at IS NOT NULL AND status NOT IN (1, 3)
     GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(sign) <> 0
     ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (finished_day, received_day, agency_code, field, channel, outcome) DO UPDATE SET n = c.n + excluded.n`;
}
