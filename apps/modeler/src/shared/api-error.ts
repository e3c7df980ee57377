/** One problem the engine found: in a deployed diagram (`elementId`) or a form's field (`field`) (docs/api.md: 400 `details`). */
export interface ElementProblem {
  elementId?: string;
  field?: string;
  elementType?: string;
  message: string;
}

/** The engine's error body: `{ statusCode, error, message, details? }`. */
export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
  details?: ElementProblem[];
}

/** A non-2xx answer from `/api`, or the network failing (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(Array.isArray(body.message) ? body.message.join('; ') : body.message || body.error || `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get details(): ElementProblem[] {
    return Array.isArray(this.body.details) ? this.body.details : [];
  }

  /** The problem the engine names for one field of a form (`newPassword`, `code`…). */
  fieldProblem(field: string): string | undefined {
    return this.details.find((d) => d.field === field)?.message;
  }

  /** Seconds a 429 asks to wait before trying again. */
  get retryAfterSeconds(): number | undefined {
    const seconds = Number(this.fieldProblem('retryAfter'));
    return this.status === 429 && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
  }

  get isOffline(): boolean {
    return this.status === 0;
  }
}
