import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #24: fees. A dossier whose procedure has a payment gate owes its fee there: one payment
 * row per dossier, pending until a provider (or the desk, in cash) confirms it; the receipt number
 * comes from a gap-free sequence per year.
 */
export class DossierPayments1764200024200 implements MigrationInterface {
  name = 'DossierPayments1764200024200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS dossier_payment (
        id uuid PRIMARY KEY,
        dossier_code text NOT NULL REFERENCES dossier(code),
        amount numeric(14, 0) NOT NULL CHECK (amount >= 0),
        status text NOT NULL CHECK (status IN ('pending', 'paid')),
        method text CHECK (method IN ('online', 'cash')),
        provider text,
        provider_ref text UNIQUE,
        requested_at timestamptz NOT NULL,
        paid_at timestamptz,
        paid_by text,
        receipt_number text UNIQUE
      )`);
    await q.query(`CREATE UNIQUE INDEX IF NOT EXISTS dossier_payment_one ON dossier_payment (dossier_code)`);
    await q.query(`CREATE TABLE IF NOT EXISTS receipt_sequence (year integer PRIMARY KEY, last integer NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS receipt_sequence`);
    await q.query(`DROP TABLE IF EXISTS dossier_payment`);
  }
}
