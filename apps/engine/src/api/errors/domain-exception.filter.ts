import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError, ErrorCode } from '../../shared/domain-error.js';
import { databaseUnavailable, isDatabaseOutage } from '../../persistence/database-outage.js';
import { describeTransportError, reasonPhrase as reason } from './transport-errors.js';

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BadInput]: 400,
  [ErrorCode.DeploymentRefused]: 400,
  [ErrorCode.ProcessStuck]: 422,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.TooLarge]: 413,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.Unavailable]: 503,
};

/**
 * The one place errors become HTTP: `{ statusCode, error, message, details? }` (docs/api.md).
 * Domain errors map by code; Nest's own HTTP errors keep their status; anything else is our bug,
 * logged with its stack and answered as a 500 without internals.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = this.adapterHost.httpAdapter;
    const response = host.switchToHttp().getResponse();
    const { status, body } = this.describe(exception);
    if (status >= 500 && status !== 503) this.logger.error((exception as Error)?.stack ?? String(exception));
    const retryAfter = exception instanceof DomainError ? exception.details?.find((d) => d.field === 'retryAfter') : undefined;
    if (retryAfter) http.setHeader(response, 'Retry-After', retryAfter.message);
    http.reply(response, body, status);
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown> } {
    // An outage that reached the HTTP layer without passing through the Database (a pool error
    // in a library call): still the database's absence, not our bug.
    if (!(exception instanceof DomainError) && isDatabaseOutage(exception)) return this.describe(databaseUnavailable(exception));
    if (exception instanceof DomainError) {
      const status = STATUS[exception.code];
      return { status, body: { statusCode: status, error: reason(status), code: exception.code, message: exception.message, ...(exception.details ? { details: exception.details } : {}) } };
    }
    const transport = describeTransportError(exception instanceof HttpException ? exception.cause : exception);
    if (transport) return transport;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const payload = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : { message: raw };
      const message = Array.isArray(payload.message) ? payload.message.join('; ') : String(payload.message ?? exception.message);
      return { status, body: { statusCode: status, error: reason(status), message, ...(payload.details ? { details: payload.details } : {}) } };
    }
    return { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'unexpected error; it has been logged' } };
  }
}
