import { badInput } from '../../shared/domain-error.js';

/**
 * What an upload route does with an error its multipart reader threw: the plugin's own errors
 * carry their status (413 over a limit) and pass on; a body the parser can't read at all (no
 * boundary, parts without headers, cut short) is the client's fault — 400 naming the file field,
 * never a 500. Every multipart reader of the API ends its `catch` here.
 */
export function refuseUnreadableMultipart(error: unknown): never {
  if ((error as { statusCode?: number }).statusCode) throw error;
  throw badInput(`the multipart body could not be read (${(error as Error).message})`, [{ field: 'file', message: 'malformed multipart body' }]);
}
