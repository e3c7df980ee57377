import { createRequire } from 'node:module';
import type pg from 'pg';

const require = createRequire(import.meta.url);
// node-postgres' own row decoding and parameter encoding, so a batch reads and writes values
// exactly as `client.query` does.
const Result = require('pg/lib/result.js') as new (rowMode: undefined, types: unknown) => PgResult;
const { prepareValue } = require('pg/lib/utils.js') as { prepareValue(value: unknown): unknown };

export interface BatchStatement {
  text: string;
  params?: unknown[];
  /** A prepared statement's name: parsed once per connection, then only bound and executed. */
  name?: string;
}

interface PgResult extends pg.QueryResult {
  _parsers?: unknown[];
  _prebuiltEmptyResultObject: object | null;
  addFields(fields: unknown[]): void;
  parseRow(fields: unknown[]): Record<string, unknown>;
  addRow(row: Record<string, unknown>): void;
  addCommandComplete(msg: unknown): void;
}

interface Connection {
  stream: { cork(): void; uncork(): void };
  parsedStatements: Record<string, string>;
  parse(m: { text: string; name?: string }): void;
  bind(m: { portal: string; statement?: string; values: unknown[]; binary: boolean; valueMapper: (v: unknown) => unknown }): void;
  describe(m: { type: 'P'; name: string }): void;
  execute(m: { portal: string; rows?: number }): void;
  sync(): void;
  on(event: 'parseComplete', listener: () => void): void;
  removeListener(event: 'parseComplete', listener: () => void): void;
}

/** How a prepared statement's rows look (its RowDescription, decoded once): names, formats, parsers. */
interface RowShape {
  fields: pg.FieldDef[];
  parsers?: unknown[];
  empty: object | null;
}

/**
 * Row shapes of the statements each connection has prepared. A prepared statement's result
 * columns are fixed (PostgreSQL refuses a plan that would change them), so once the server has
 * described a statement on a connection, later executions skip the Describe: the server sends
 * no RowDescription and the client decodes rows with the shape it kept. Statements that return
 * no rows are kept too, with no fields.
 */
const shapes = new WeakMap<object, Map<string, RowShape>>();

/**
 * Several statements in ONE exchange with PostgreSQL: every Parse/Bind/Execute is written in
 * one burst, closed by a single Sync, so the server answers all of them with one flush and one
 * ReadyForQuery. (node-postgres' pipeline mode puts a Sync after each statement, and each Sync
 * costs the server a flush and the client a wake-up; on these virtual machines a system call
 * is what a command pays most for.)
 *
 * With one Sync, an error stops the batch: PostgreSQL skips every later statement, and the
 * batch fails with that first error. Inside a transaction the caller then rolls back.
 *
 * This is node-postgres' "submittable" interface (what pg-cursor uses); the client routes the
 * server's messages for the batch here.
 */
export class StatementBatch {
  readonly promise: Promise<pg.QueryResult[]>;
  private resolve!: (results: pg.QueryResult[]) => void;
  private reject!: (error: unknown) => void;
  private readonly results: PgResult[] = [];
  private current = 0;
  /**
   * Every Parse that went out in this batch, in order — unnamed ones too, since the server
   * confirms each with a ParseComplete. A named statement counts as prepared only when its own
   * confirmation arrives: after an error the server skips the later Parses, and a name recorded
   * too early would be bound on this connection without ever having been parsed.
   */
  private readonly parsing: { name: string; text: string }[] = [];
  private connection?: Connection;
  /** Per statement: its name when it went out with a Describe (its shape is learnt from the answer). */
  private readonly described: (string | undefined)[] = [];
  private known?: Map<string, RowShape>;
  private readonly onParseComplete = () => {
    const parsed = this.parsing.shift();
    if (parsed && parsed.name !== '' && this.connection) this.connection.parsedStatements[parsed.name] = parsed.text;
  };

  constructor(
    private readonly statements: BatchStatement[],
    private readonly types?: unknown,
  ) {
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: Connection): Error | null {
    this.connection = connection;
    connection.on('parseComplete', this.onParseComplete);
    let known = shapes.get(connection);
    if (!known) shapes.set(connection, (known = new Map()));
    this.known = known;
    const inBatch = new Set<string>();
    connection.stream.cork();
    try {
      for (const s of this.statements) {
        const result = new Result(undefined, this.types);
        this.results.push(result);
        const name = s.name ?? '';
        if (name === '' || (connection.parsedStatements[name] === undefined && !inBatch.has(name))) {
          connection.parse({ text: s.text, name });
          this.parsing.push({ name, text: s.text });
          if (name !== '') inBatch.add(name);
        }
        connection.bind({ portal: '', statement: name, values: s.params ?? [], binary: false, valueMapper: prepareValue });
        const shape = name === '' || connection.parsedStatements[name] !== s.text ? undefined : known.get(name);
        if (shape) {
          result.fields = shape.fields;
          result._parsers = shape.parsers;
          result._prebuiltEmptyResultObject = shape.empty;
        } else {
          connection.describe({ type: 'P', name: '' });
        }
        this.described.push(shape ? undefined : name);
        connection.execute({ portal: '', rows: 0 });
      }
      connection.sync();
    } finally {
      connection.stream.uncork();
    }
    return null;
  }

  handleRowDescription(msg: { fields: unknown[] }): void {
    this.results[this.current].addFields(msg.fields);
  }

  handleDataRow(msg: { fields: unknown[] }): void {
    const result = this.results[this.current];
    result.addRow(result.parseRow(msg.fields));
  }

  handleCommandComplete(msg: unknown): void {
    const result = this.results[this.current];
    result.addCommandComplete(msg);
    // A named statement the server just described: keep its shape for this connection.
    const name = this.described[this.current];
    if (name) this.known?.set(name, { fields: result.fields, parsers: result._parsers, empty: result._prebuiltEmptyResultObject });
    this.current++;
  }

  handleEmptyQuery(): void {
    this.current++;
  }

  /** The server refused a statement: the rest were skipped. (The client forgets the batch here.) */
  handleError(error: unknown): void {
    this.done();
    this.reject(error);
  }

  handleReadyForQuery(): void {
    this.done();
    this.resolve(this.results);
  }

  handlePortalSuspended(): void {
    // Every Execute asks for all rows: a portal is never suspended.
  }

  handleCopyInResponse(): void {}
  handleCopyData(): void {}

  private done(): void {
    this.connection?.removeListener('parseComplete', this.onParseComplete);
  }
}

/** Runs the statements as one batch on the client; resolves with each statement's result. */
export function runBatch(client: pg.ClientBase, statements: BatchStatement[]): Promise<pg.QueryResult[]> {
  const batch = new StatementBatch(statements, (client as unknown as { _types?: unknown })._types);
  client.query(batch as unknown as pg.Submittable);
  return batch.promise;
}
