import type { PortalOutboxDeliveryOptions } from './outbox-delivery.js';

/**
 * Delivery settings from the environment: ONEDOOR_PORTAL_URL (unset → delivery off, records
 * stay queued), ONEDOOR_PORTAL_TOKEN (sent as a bearer token), ONEDOOR_PORTAL_TIMEOUT_MS.
 */
export function portalSyncConfig(env: NodeJS.ProcessEnv = process.env): Pick<PortalOutboxDeliveryOptions, 'url' | 'headers' | 'timeoutMs'> {
  const url = env.ONEDOOR_PORTAL_URL?.trim() || undefined;
  const token = env.ONEDOOR_PORTAL_TOKEN?.trim();
  const timeout = Number(env.ONEDOOR_PORTAL_TIMEOUT_MS);
  return {
    url,
    headers: token ? { authorization: `Bearer ${token}` } : undefined,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
  };
}
