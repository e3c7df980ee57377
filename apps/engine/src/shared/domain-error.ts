/**
 * Typed domain errors. The core throws these; the HTTP shell maps each code to a status in one
 * exception filter, so the core never knows about HTTP.
 */
export enum ErrorCode {
  BadInput = 'BAD_INPUT',
  DeploymentRefused = 'DEPLOYMENT_REFUSED',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  Forbidden = 'FORBIDDEN',
  Unauthenticated = 'UNAUTHENTICATED',
  /** The model and the variables given can't move on (no gateway flow matched, non-boolean condition). */
  ProcessStuck = 'PROCESS_STUCK',
  TooLarge = 'TOO_LARGE',
  RateLimited = 'RATE_LIMITED',
  /** A part the engine depends on (the database) is away for now: the client may try again later. */
  Unavailable = 'UNAVAILABLE',
}

export interface ErrorDetail {
  elementId?: string;
  elementType?: string;
  field?: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string) => new DomainError(ErrorCode.NotFound, `${what} ${id} not found`);
export const conflict = (message: string) => new DomainError(ErrorCode.Conflict, message);
export const forbidden = (message: string) => new DomainError(ErrorCode.Forbidden, message);
export const badInput = (message: string, details?: ErrorDetail[]) => new DomainError(ErrorCode.BadInput, message, details);
