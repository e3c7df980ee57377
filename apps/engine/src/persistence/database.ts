import { DataSource, type QueryRunner } from 'typeorm';
import { DomainError, ErrorCode } from '../shared/domain-error.js';
import { inline } from './sql-literal.js';

/** Parameterised SQL inside one transaction. The engine core sees only this. */
export interface Sql {
  /** Reads (and writes whose RETURNING rows are needed): runs now, after any queued writes. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * A write whose result nobody reads. It is queued and sent with the others in one round trip
   * before the next query or the commit, so a command's unit of work costs one trip, not twenty.
   */
  execute(text: string, params?: unknown[]): Promise<void>;
}

const CONFLICT_CODES = new Set(['40001', '40P01', '55P03']);

/**
 * The engine's handle on PostgreSQL: TypeORM's DataSource (pool, migrations) with plain
 * parameterised SQL on the hot path — no entity hydration (ENGINE.md, "Speed").
 */
export class Database {
  constructor(readonly dataSource: DataSource) {}

  /** One command = one transaction: committed whole or rolled back whole. */
  async transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      try {
        const sql = sqlOf(runner);
        const result = await work(sql);
        await sql.flush();
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw translate(error);
      }
    } finally {
      await runner.release();
    }
  }

  /** A statement outside any command's transaction (reads, the job executor's lock step). */
  async query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return await sqlOf(runner).query<T>(text, params);
    } catch (error) {
      throw translate(error);
    } finally {
      await runner.release();
    }
  }
}

function sqlOf(runner: QueryRunner): Sql & { flush(): Promise<void> } {
  const pending: string[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending.splice(0).join(';\n');
    await runner.query(batch);
  };
  return {
    async query<T>(text: string, params?: unknown[]) {
      await flush();
      const result = await runner.query(text, params, true);
      return (result.records ?? []) as T[];
    },
    async execute(text: string, params?: unknown[]) {
      pending.push(inline(text, params));
    },
    flush,
  };
}

/** Lock conflicts and deadlocks between engine nodes are conflicts for the caller, not crashes. */
function translate(error: unknown): unknown {
  const code = (error as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (error as { code?: string })?.code;
  if (code && CONFLICT_CODES.has(code)) {
    return new DomainError(ErrorCode.Conflict, 'another command changed this dossier at the same time; reload and try again');
  }
  return error;
}
