import type { DataSource } from 'typeorm';
import type pg from 'pg';
import { DomainError, ErrorCode } from '../shared/domain-error.js';
import { inline } from './sql-literal.js';

/** Parameterised SQL inside one transaction. The engine core sees only this. */
export interface Sql {
  /** Reads (and writes whose RETURNING rows are needed): runs now, after any queued writes. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Several statements in one round trip, run one after the other (each sees what the previous
   * committed or locked); returns each one's rows. Used to lock an instance and read it at once.
   */
  queryBatch(statements: { text: string; params?: unknown[] }[]): Promise<Record<string, unknown>[][]>;
  /**
   * A write whose result nobody reads. It is queued and sent with the others in one round trip
   * before the next query or with the commit, so a command's unit of work costs one trip.
   */
  execute(text: string, params?: unknown[]): Promise<void>;
}

const CONFLICT_CODES = new Set(['40001', '40P01', '55P03']);

/**
 * The engine's handle on PostgreSQL: the pool of TypeORM's DataSource (which also runs the
 * migrations) with plain SQL on the hot path — no entity hydration, no ORM round trips
 * (ENGINE.md, "Speed"). A command costs two round trips: BEGIN + lock + load, then every write
 * + COMMIT.
 */
export class Database {
  constructor(readonly dataSource: DataSource) {}

  private get pool(): pg.Pool {
    return (this.dataSource.driver as unknown as { master: pg.Pool }).master;
  }

  /** One command = one transaction: committed whole or rolled back whole. */
  async transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const sql = new TransactionSql(client);
    try {
      const result = await work(sql);
      await sql.commit();
      return result;
    } catch (error) {
      await sql.rollback().catch(() => undefined);
      throw translate(error);
    } finally {
      client.release();
    }
  }

  /** A statement outside any command's transaction (reads, the job executor's lock step). */
  async query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]> {
    try {
      return (await this.pool.query(text, params)).rows as T[];
    } catch (error) {
      throw translate(error);
    }
  }
}

/**
 * A transaction on one connection. BEGIN is not sent on its own: it rides with the first
 * statement, and queued writes ride with the next read or with COMMIT (simple-protocol batches,
 * parameters rendered as quoted literals by `inline`).
 */
class TransactionSql implements Sql {
  private begun = false;
  private readonly pending: string[] = [];

  constructor(private readonly client: pg.PoolClient) {}

  async query<T>(text: string, params?: unknown[]): Promise<T[]> {
    if (this.begun && this.pending.length === 0) return (await this.client.query(text, params)).rows as T[];
    const [rows] = await this.queryBatch([{ text, params }]);
    return rows as T[];
  }

  async queryBatch(statements: { text: string; params?: unknown[] }[]): Promise<Record<string, unknown>[][]> {
    const prefix = [...(this.begun ? [] : ['BEGIN']), ...this.pending.splice(0)];
    this.begun = true;
    const text = [...prefix, ...statements.map((s) => inline(s.text, s.params))].join(';\n');
    const results = (await this.client.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
    const list = Array.isArray(results) ? results : [results];
    return list.slice(list.length - statements.length).map((r) => r.rows);
  }

  async execute(text: string, params?: unknown[]): Promise<void> {
    this.pending.push(inline(text, params));
  }

  async commit(): Promise<void> {
    if (!this.begun && this.pending.length === 0) return;
    const text = [...(this.begun ? [] : ['BEGIN']), ...this.pending.splice(0), 'COMMIT'].join(';\n');
    this.begun = true;
    await this.client.query(text);
    this.begun = false;
  }

  async rollback(): Promise<void> {
    this.pending.length = 0;
    if (this.begun) await this.client.query('ROLLBACK');
    this.begun = false;
  }
}

/** Lock conflicts and deadlocks between engine nodes are conflicts for the caller, not crashes. */
function translate(error: unknown): unknown {
  const code = (error as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (error as { code?: string })?.code;
  if (code && CONFLICT_CODES.has(code)) {
    return new DomainError(ErrorCode.Conflict, 'another command changed this dossier at the same time; reload and try again');
  }
  return error;
}
