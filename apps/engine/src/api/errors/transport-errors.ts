import { HttpStatus } from '@nestjs/common';

/** What reaches the client for an error: the docs/api.md shape `{ statusCode, error, message }`. */
export interface ErrorAnswer {
  status: number;
  body: { statusCode: number; error: string; message: string; [key: string]: unknown };
}

/**
 * Errors of the HTTP layer itself — a body that is not JSON, too large, of a media type the API
 * does not read, an upload over its limits — told apart by the status and code Fastify and its
 * multipart plugin give them (Nest wraps the parser's in an HttpException, `cause` the original).
 * Undefined when the error is not one of these.
 */
export function describeTransportError(error: unknown): ErrorAnswer | undefined {
  const err = error as { statusCode?: number; status?: number; code?: string; message?: string } | null;
  const status = err?.statusCode ?? err?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  return { status, body: { statusCode: status, error: reasonPhrase(status), message: messageFor(status, err?.code, err?.message) } };
}

function messageFor(status: number, code: string | undefined, message: string | undefined): string {
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'the request body is not valid JSON';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'the request body is too large';
  if (code === 'FST_REQ_FILE_TOO_LARGE') return 'a file is too large';
  if (code === 'FST_FILES_LIMIT') return 'too many files in one request';
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported media type: send application/json (or multipart/form-data where a file is expected)';
  return String(message ?? reasonPhrase(status));
}

export function reasonPhrase(status: number): string {
  return (HttpStatus as unknown as Record<number, string>)[status]?.toLowerCase().replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase()) ?? 'Error';
}
