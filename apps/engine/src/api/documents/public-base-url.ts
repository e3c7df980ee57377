/**
 * Where applicants reach this server, for links printed on paper (the receipt's QR code):
 * ONEDOOR_PUBLIC_URL when set (behind a proxy, the address citizens know), otherwise the
 * scheme and host the request came by.
 */
export function publicBaseUrl(request: { protocol?: string; host?: string; hostname?: string }, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.ONEDOOR_PUBLIC_URL?.trim().replace(/\/+$/, '');
  if (configured) return configured;
  const host = request.host ?? request.hostname ?? 'localhost';
  return `${request.protocol ?? 'http'}://${host}`;
}
