import pg from 'pg';

/**
 * Every message batch sent to PostgreSQL while `work` runs, as the statement texts of each
 * exchange — how specs pin down how many round trips an operation costs.
 */
export async function exchangesDuring(work: () => Promise<unknown>): Promise<string[][]> {
  const exchanges: string[][] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
    const batch = (config as { statements?: { text: string }[] }).statements;
    exchanges.push(batch ? batch.map((s) => s.text) : [typeof config === 'string' ? config : (config as { text: string }).text]);
    return (original as (...a: unknown[]) => unknown).call(this, config, ...rest);
  } as typeof pg.Client.prototype.query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return exchanges;
}
