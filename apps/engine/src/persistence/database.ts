import type { DataSource } from 'typeorm';
import type pg from 'pg';
import { DomainError, ErrorCode } from '../shared/domain-error.js';
import { databaseUnavailable, isDatabaseOutage, isUnsentStatement, type TransactionOutcome } from './database-outage.js';
import { runBatch, type BatchStatement } from './statement-batch.js';
import { CommitGroups } from './commit-groups.js';

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
  /** Runs once the transaction has committed (never after a rollback): caches learn only what is durable. */
  afterCommit(action: () => void): void;
}

const CONFLICT_CODES = new Set(['40001', '40P01', '55P03']);
const INPUT_DATA_CODES = new Set(['22021', '22P02', '22P05', '22007', '22008', '22003', '22001', '22023', '54000']);

/**
 * The engine's handle on PostgreSQL: the pool of TypeORM's DataSource (which also runs the
 * migrations) with plain SQL on the hot path — no entity hydration, no ORM round trips
 * (README, "Speed"). A command costs two round trips: BEGIN + lock + load, then every write
 * + COMMIT — or one, when this node holds the instance's rows (instance-cache.ts).
 */
export class Database {
  /** Commands whose transaction is one batch commit in groups (commit-groups.ts); none when off. */
  private readonly groups?: CommitGroups;

  constructor(
    readonly dataSource: DataSource,
    options: { groupCommit?: boolean; commitSlots?: number } = {},
  ) {
    if (options.groupCommit ?? true) this.groups = new CommitGroups([{ text: BEGIN }, { text: KEYED_PLANS, name: preparedName(KEYED_PLANS) }], options.commitSlots);
  }

  private get pool(): pg.Pool {
    return (this.dataSource.driver as unknown as { master: pg.Pool }).master;
  }

  /**
   * One command = one transaction: committed whole or rolled back whole. `keyed` marks a
   * command's transaction, whose statements all find rows by key: they run as prepared
   * statements with generic, index-only plans. Reports and sweeps plan each statement afresh.
   */
  async transaction<T>(work: (sql: Sql) => Promise<T>, options: { keyed?: boolean } = {}): Promise<T> {
    const client = await this.connect();
    const connection = watchConnection(client);
    const sql = new TransactionSql(client, options.keyed ?? false, options.keyed ? this.groups : undefined);
    let releaseWith: Error | undefined;
    try {
      const result = await work(sql);
      await sql.commit();
      this.answered();
      sql.committed();
      return result;
    } catch (error) {
      if (!connection.error) {
        // A connection whose transaction could not be closed must not serve another one.
        await sql.rollback().catch((rollbackError: Error) => (releaseWith = rollbackError));
      }
      throw this.translate(connection.error ?? error, sql.commitSent ? 'unknown' : 'rolled-back');
    } finally {
      connection.stop();
      client.release(connection.error ?? releaseWith);
    }
  }

  /**
   * A statement outside any command's transaction (reads, the job executor's lock step). A
   * `keyed` read finds rows by key the way commands do (the inbox): it runs prepared, with a
   * generic plan and no sequential scan, in one exchange — planning it was most of its cost.
   */
  async query<T = Record<string, unknown>>(text: string, params?: unknown[], options: { keyed?: boolean } = {}): Promise<T[]> {
    try {
      return await this.queryOnce<T>(text, params, options);
    } catch (error) {
      // A pooled connection that died while idle fails on its first write, before the statement
      // reached the server (the usual case right after a database restart): run it again on
      // another connection. Anything else that broke mid-statement is reported as it is.
      if (!isUnsentStatement(error)) throw error;
      return this.queryOnce<T>(text, params, options);
    }
  }

  private async queryOnce<T>(text: string, params: unknown[] | undefined, options: { keyed?: boolean }): Promise<T[]> {
    try {
      if (!options.keyed) {
        const rows = (await this.pool.query(text, params)).rows as T[];
        this.answered();
        return rows;
      }
      const client = await this.connect();
      const connection = watchConnection(client);
      try {
        // Before the Sync, both statements share one implicit transaction: the settings end with it.
        const [, result] = await runBatch(client, [{ text: KEYED_PLANS, name: preparedName(KEYED_PLANS) }, { text, params, name: preparedName(text) }]);
        this.answered();
        return result.rows as T[];
      } catch (error) {
        throw connection.error ?? error;
      } finally {
        connection.stop();
        client.release(connection.error);
      }
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** A statement outside any transaction whose rows nobody reads. */
  async execute(text: string, params?: unknown[]): Promise<void> {
    await this.query(text, params);
  }

  /** Tells every node listening on `channel` (database-notifications.ts), once this commits. */
  async notify(channel: string, payload = ''): Promise<void> {
    await this.query(`SELECT pg_notify($1, $2)`, [channel, payload]);
  }

  /** The settings a dedicated connection (a LISTEN) opens with: those of the pool. */
  get connectionOptions(): pg.ClientConfig {
    return (this.pool as unknown as { options: pg.ClientConfig }).options;
  }

  /**
   * Undefined while the database answers; otherwise since when it has not, and why. /health and
   * the background loops read it; the next statement that succeeds clears it.
   */
  get outage(): DatabaseOutage | undefined {
    return this.currentOutage;
  }

  private currentOutage?: DatabaseOutage;

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw this.translate(error);
    }
  }

  private answered(): void {
    if (!this.currentOutage) return;
    this.currentOutage = undefined;
    for (const listener of this.reachableListeners) listener();
  }

  private readonly reachableListeners: (() => void)[] = [];

  /** Called when a statement succeeds after an outage: background loops waiting it out resume at once. */
  onReachable(listener: () => void): void {
    this.reachableListeners.push(listener);
  }

  /**
   * Lock conflicts become conflicts for the caller; a database that went away becomes 503, told
   * whether the transaction surely did not commit or might have (COMMIT was sent, no answer came).
   */
  private translate(error: unknown, outcome: TransactionOutcome = 'rolled-back'): unknown {
    if (!isDatabaseOutage(error)) return translate(error);
    if (error instanceof DomainError) return error;
    this.currentOutage ??= { since: new Date(), reason: (error as Error)?.message || String(error) };
    return databaseUnavailable(error, outcome);
  }
}

export interface DatabaseOutage {
  since: Date;
  reason: string;
}

/**
 * While a connection is checked out, node-postgres reports a dead socket (a server restart,
 * ECONNRESET) as an 'error' event on the client, and an 'error' event nobody listens to ends
 * the process. Every checked-out connection gets a listener: the error is kept, the work in
 * flight fails with it, and the connection leaves the pool when released with it.
 */
function watchConnection(client: pg.PoolClient): { readonly error?: Error; stop(): void } {
  let error: Error | undefined;
  const onError = (e: Error) => {
    error ??= e;
  };
  client.on('error', onError);
  return {
    get error() {
      return error;
    },
    stop: () => client.removeListener('error', onError),
  };
}

/**
 * A transaction on one connection, in batches: the statements of a round trip go out together
 * and come back together (statement-batch.ts), so BEGIN + lock + load is one round trip and
 * every queued write + COMMIT another. Each statement text is a named prepared statement on the
 * connection, so PostgreSQL parses and plans it once per connection instead of once per
 * command — parsing and planning were half of the server's time per command.
 */
class TransactionSql implements Sql {
  private begun = false;
  private readonly pending: Statement[] = [];
  private readonly onCommit: (() => void)[] = [];

  constructor(
    private readonly client: pg.PoolClient,
    private readonly keyed: boolean,
    private readonly groups?: CommitGroups,
  ) {}

  async query<T>(text: string, params?: unknown[]): Promise<T[]> {
    const [rows] = await this.queryBatch([{ text, params }]);
    return rows as T[];
  }

  async queryBatch(statements: Statement[]): Promise<Record<string, unknown>[][]> {
    const results = await this.send([...this.pending.splice(0), ...statements]);
    return results.slice(results.length - statements.length).map((r) => r.rows);
  }

  async execute(text: string, params?: unknown[]): Promise<void> {
    this.pending.push({ text, params });
  }

  afterCommit(action: () => void): void {
    this.onCommit.push(action);
  }

  committed(): void {
    for (const action of this.onCommit.splice(0)) action();
  }

  /** Set once COMMIT went out: from then on, a broken connection leaves the outcome unknown. */
  commitSent = false;

  async commit(): Promise<void> {
    if (!this.begun && this.pending.length === 0) return;
    this.commitSent = true;
    if (!this.begun && this.groups) {
      // The whole transaction is this one batch: it may share a commit with others.
      const statements = this.pending.splice(0).map((s) => ({ text: s.text, params: s.params, name: preparedName(s.text) }));
      try {
        await this.groups.commit(this.client, statements);
      } catch (error) {
        this.discard = (error as { discardConnection?: boolean } | null)?.discardConnection === true;
        throw error;
      }
      return;
    }
    await this.send([...this.pending.splice(0), { text: 'COMMIT' }]);
    this.begun = false;
  }

  /** Set when a group commit could not close this connection's transaction: it leaves the pool. */
  private discard = false;

  async rollback(): Promise<void> {
    if (this.discard) throw new Error('the connection could not close its transaction');
    this.pending.length = 0;
    if (this.begun) await this.client.query('ROLLBACK');
    this.begun = false;
  }

  /**
   * Sends the statements as one batch (BEGIN first when the transaction has not begun) and
   * waits for the one answer. After a failed statement PostgreSQL skips the rest of the batch,
   * so the failure reported is the first one.
   */
  private async send(statements: Statement[]): Promise<pg.QueryResult[]> {
    const batch: BatchStatement[] = [];
    if (!this.begun) batch.push({ text: BEGIN }, ...(this.keyed ? [{ text: KEYED_PLANS, name: preparedName(KEYED_PLANS) }] : []));
    this.begun = true;
    for (const s of statements) batch.push({ text: s.text, params: s.params, name: this.keyed ? preparedName(s.text) : undefined });
    const results = await runBatch(this.client, batch);
    return results.slice(results.length - statements.length);
  }
}

/**
 * A command's statements find rows by key, so one plan per connection serves every call, and a
 * plan made while a table was small must not scan it once it is big: the transaction asks for
 * generic plans (no re-planning per call) and no sequential scans.
 */
const BEGIN = 'BEGIN';
const KEYED_PLANS = `SELECT set_config('plan_cache_mode', 'force_generic_plan', true), set_config('enable_seqscan', 'off', true)`;

interface Statement {
  text: string;
  params?: unknown[];
}

/**
 * One name per distinct statement text, shared by every connection (each connection parses a
 * name the first time it meets it). The engine's statements are a small fixed set; past the
 * bound, texts run unnamed rather than growing every connection's statement cache without end.
 */
const preparedNames = new Map<string, string>();
const MAX_PREPARED = 2000;
function preparedName(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < MAX_PREPARED) {
    name = `od${preparedNames.size + 1}`;
    preparedNames.set(text, name);
  }
  return name;
}

/** Lock conflicts and deadlocks between engine nodes are conflicts for the caller, not crashes. */
function translate(error: unknown): unknown {
  const code = (error as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (error as { code?: string })?.code;
  if (code && CONFLICT_CODES.has(code)) {
    return new DomainError(ErrorCode.Conflict, 'another command changed this dossier at the same time; reload and try again');
  }
  // A value the request carried that PostgreSQL can't take as it is — a NUL byte, text where a
  // number, id or date belongs, a number or date out of range, a value too long or too large to
  // index: bad input, not a server error. (Other data exceptions, such as a division by zero,
  // are our own bugs and stay 500.)
  if (code && INPUT_DATA_CODES.has(code)) {
    return new DomainError(ErrorCode.BadInput, `a value in the request can't be used: ${(error as Error).message}`);
  }
  return error;
}
