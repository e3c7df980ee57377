/** One problem the engine found in a deployed diagram (docs/api.md: 400 `details`). */
export interface ElementProblem {
  elementId?: string;
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

  get isOffline(): boolean {
    return this.status === 0;
  }
}
