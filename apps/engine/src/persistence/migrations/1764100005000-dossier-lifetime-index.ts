import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A period report is about the dossiers alive during the period: received before its end and
 * not finished before its start. Neither received_at nor finished_at alone bounds that set (a
 * report on last year would read every dossier finished since), but their range does: a GiST
 * index on [received_at, finished_at] answers "overlaps the period" directly. An open dossier's
 * range has no end; a finish recorded before the receipt (bad data) counts as at the receipt,
 * so the expression can never fail a write.
 */
export class DossierLifetimeIndex1764100005000 implements MigrationInterface {
  name = 'DossierLifetimeIndex1764100005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS dossier_lifetime ON dossier USING gist (${DOSSIER_LIFETIME})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS dossier_lifetime`);
  }
}

/** The indexed expression; queries must spell it exactly so for the planner to use the index. */
export const DOSSIER_LIFETIME = `tstzrange(received_at, CASE WHEN finished_at < received_at THEN received_at ELSE finished_at END, '[]')`;
