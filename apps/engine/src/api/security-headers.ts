import type { FastifyInstance } from 'fastify';

/**
 * The browser app is ours and served from our origin: nothing of it needs to be framed, sniffed,
 * loaded by other sites or given scripts from elsewhere. Pages that render their own HTML (the
 * public lookup, printable forms) set a stricter policy of their own, which is kept.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // diagram-js and the properties panel set style attributes on SVG and HTML elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const ALWAYS: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
];

/**
 * Security headers on every answer, set where a handler did not set its own. API answers carry
 * personal data and are never cached. (HSTS belongs to whatever terminates TLS in front.)
 */
export function addSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of ALWAYS) if (!reply.hasHeader(name)) reply.header(name, value);
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', APP_CSP);
    if (request.url.startsWith('/api/') && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
