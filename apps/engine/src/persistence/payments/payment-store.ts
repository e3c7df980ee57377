import type { Sql } from '../database.js';

type Reads = Pick<Sql, 'query'>;
type Writes = Pick<Sql, 'execute'>;

/**
 * A dossier's fee (dossier_payment) and the receipt numbering. `T` is the row as the payment
 * commands type it (payments/payment-commands.ts).
 */
export const paymentStore = {
  async ofDossier<T>(sql: Reads, code: string, lock = false): Promise<T | undefined> {
    const [row] = await sql.query<T>(`SELECT * FROM dossier_payment WHERE dossier_code = $1${lock ? ' FOR UPDATE' : ''}`, [code]);
    return row;
  },

  async byProviderRef<T>(sql: Reads, provider: string, providerRef: string, lock = false): Promise<T | undefined> {
    const [row] = lock
      ? await sql.query<T>(`SELECT * FROM dossier_payment WHERE provider_ref = $1 AND provider = $2 FOR UPDATE`, [providerRef, provider])
      : await sql.query<T>(`SELECT * FROM dossier_payment WHERE provider = $1 AND provider_ref = $2`, [provider, providerRef]);
    return row;
  },

  /** The sandbox's own payments, by reference (its checkout page and its pretend bank). */
  async sandboxPayment(sql: Reads, ref: string): Promise<{ dossier_code: string; amount: string; status: string } | undefined> {
    const [row] = await sql.query<{ dossier_code: string; amount: string; status: string }>(`SELECT dossier_code, amount, status FROM dossier_payment WHERE provider = 'sandbox' AND provider_ref = $1`, [ref]);
    return row;
  },

  async checkoutStarted(sql: Writes, id: string, provider: string, providerRef: string): Promise<void> {
    await sql.execute(`UPDATE dossier_payment SET provider = $2, provider_ref = $3, method = 'online' WHERE id = $1`, [id, provider, providerRef]);
  },

  async paid(sql: Writes, id: string, method: string, at: Date, by: string, receiptNumber: string): Promise<void> {
    await sql.execute(`UPDATE dossier_payment SET status = 'paid', method = $2, paid_at = $3, paid_by = $4, receipt_number = $5 WHERE id = $1`, [id, method, at, by, receiptNumber]);
  },

  /** The fee a dossier owes from now; a fee already requested stays as it was. */
  async request(sql: Writes, id: string, dossierCode: string, amount: number, at: Date): Promise<void> {
    await sql.execute(
      `INSERT INTO dossier_payment (id, dossier_code, amount, status, requested_at) VALUES ($1, $2, $3, 'pending', $4) ON CONFLICT (dossier_code) DO NOTHING`,
      [id, dossierCode, amount, at],
    );
  },

  /** The year's next receipt number, without gaps (the row lock on the year serialises nodes). */
  async nextReceipt(sql: Reads, year: number): Promise<number> {
    const [{ last }] = await sql.query<{ last: number }>(
      `INSERT INTO receipt_sequence (year, last) VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET last = receipt_sequence.last + 1 RETURNING last`,
      [year],
    );
    return last;
  },

  /** Whether an instance waits at the payment gate (a message catch for `messageName`). */
  async waitsForMessage(sql: Reads, instanceId: string, messageName: string): Promise<boolean> {
    const [gate] = await sql.query(`SELECT 1 FROM event_subscription WHERE instance_id = $1 AND type = 'message' AND event_name = $2`, [instanceId, messageName]);
    return Boolean(gate);
  },

  /** The sandbox's signing key, made once for the whole cluster. */
  async sandboxKey(sql: Reads, candidate: string): Promise<string> {
    await sql.query(`INSERT INTO setting (key, value) VALUES ('payment-sandbox-key', $1) ON CONFLICT (key) DO NOTHING`, [candidate]);
    const [row] = await sql.query<{ value: string }>(`SELECT value FROM setting WHERE key = 'payment-sandbox-key'`);
    return row.value;
  },
};
