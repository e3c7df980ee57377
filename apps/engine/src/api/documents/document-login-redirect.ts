import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * A printable form's API address opened in a browser tab without a token (a copied link, a
 * bookmark) would answer the API's JSON 401. A browser asking for HTML is sent to the app's own
 * print page for the same form instead: it asks for the login, then shows the document.
 * API clients (no `text/html` in Accept, or a token) are untouched.
 */
export function redirectDocumentLinksToLogin(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || !request.url.startsWith('/api/documents/')) return;
    if (request.headers.authorization || !String(request.headers.accept ?? '').includes('text/html')) return;
    const target = printPageOf(request.url);
    if (target) return reply.redirect(target, 302);
  });
}

/** `/api/documents/{code}/{form}?…` → `/#/print/{code}/{form}?…`; the tracking book by its agency. */
export function printPageOf(url: string): string | undefined {
  const [path, search = ''] = url.split('?');
  const query = new URLSearchParams(search);
  const keep = new URLSearchParams([...query.entries()].filter(([k]) => ['from', 'to', 'formVersion'].includes(k))).toString();
  const suffix = keep ? `?${keep}` : '';
  const parts = path.split('/').slice(3).map((p) => decodeURIComponent(p));
  if (parts.length === 1 && parts[0] === 'tracking-book') {
    const agency = query.get('agencyCode');
    return agency ? `/#/print/${encodeURIComponent(agency)}/07${suffix}` : `/#/book`;
  }
  if (parts.length === 2 && /^0[1-7]$/.test(parts[1])) return `/#/print/${encodeURIComponent(parts[0])}/${parts[1]}${suffix}`;
  return undefined;
}
