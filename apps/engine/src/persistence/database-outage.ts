import { DomainError, ErrorCode } from '../shared/domain-error.js';

/**
 * Errors that say "the database is not there right now" rather than "this request is wrong":
 * the socket broke, the server refused or dropped the connection, is starting up or shutting
 * down, or no connection could be had in time. A failover, a restart or a network blip produces
 * exactly these; the engine answers them with 503 and tries again later instead of crashing or
 * blaming the client.
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'ECONNABORTED']);

/**
 * SQLSTATEs of an unavailable server: class 08 (connection exception), 57P01–57P03 (admin or
 * crash shutdown, cannot connect now: starting up or in recovery), 53300 (too many connections).
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** node-postgres and pg-pool report some outages only by message. */
const MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /Client was closed and is not queryable/,
  /Cannot use a pool after calling end on the pool/,
  /terminating connection due to/,
  /the database system is (starting up|shutting down|in recovery mode)/,
  /Connection terminated due to connection timeout/,
];

export function isDatabaseOutage(error: unknown): boolean {
  if (error instanceof DomainError) return error.code === ErrorCode.Unavailable;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code && (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // TypeORM wraps the driver's error; Node's AggregateError (connect to several addresses) holds several.
  if (e.driverError && e.driverError !== error && isDatabaseOutage(e.driverError)) return true;
  if (Array.isArray(e.errors) && e.errors.some(isDatabaseOutage)) return true;
  return false;
}

/** Seconds a client should wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * What became of a transaction when the database went away: surely rolled back (COMMIT was
 * never sent), or unknown (COMMIT was sent and no answer came: it may have committed).
 */
export type TransactionOutcome = 'rolled-back' | 'unknown';

export class DatabaseUnavailableError extends DomainError {
  constructor(
    readonly outcome: TransactionOutcome,
    override readonly cause?: unknown,
  ) {
    super(
      ErrorCode.Unavailable,
      outcome === 'rolled-back'
        ? 'the database is unavailable at the moment; nothing was changed — try again shortly'
        : 'the database became unavailable while this change was being committed; it was either saved whole or not at all — check, then try again shortly',
      [{ field: 'retryAfter', message: String(RETRY_AFTER_SECONDS) }],
    );
  }
}

export function databaseUnavailable(cause?: unknown, outcome: TransactionOutcome = 'rolled-back'): DatabaseUnavailableError {
  return new DatabaseUnavailableError(outcome, cause);
}

/**
 * A statement that failed on writing to a dead socket never reached the server: running it
 * again on another connection cannot do anything twice.
 */
export function isUnsentStatement(error: unknown): boolean {
  const cause = error instanceof DatabaseUnavailableError ? error.cause : error;
  const e = cause as { syscall?: string; code?: string } | null;
  return Boolean(e && e.syscall === 'write' && (e.code === 'ECONNRESET' || e.code === 'EPIPE'));
}
