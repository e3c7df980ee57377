import type { ApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import type { SessionUser } from './auth-session.js';

export interface SingleSignOnOffer {
  enabled: boolean;
  /** The button's words as the agency configured them (ONEDOOR_OIDC_LABEL, Vietnamese). */
  label?: string;
}

let offer: Promise<SingleSignOnOffer> | undefined;

/** Whether the engine offers sign-in through the agency's identity provider; asked once per page. */
export function singleSignOnOffer(api: ApiClient): Promise<SingleSignOnOffer> {
  offer ??= api.get<SingleSignOnOffer>('/api/auth/oidc').catch(() => ({ enabled: false }));
  return offer;
}

/**
 * Where the sign-in button sends the browser: the engine, then the provider, then back to the
 * app at `/` (the page that takes the ticket) — at the view the user was on, or, from another
 * page (designer, calendar…), with `next` naming it to go on to.
 */
export function singleSignOnHref(): string {
  const here = `${location.pathname}${location.search}${location.hash}`;
  const returnTo = location.pathname === '/' ? `/${location.hash}` : `/?next=${encodeURIComponent(here)}`;
  return `/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`;
}

export type SingleSignOnReturn = { user: SessionUser; leaving?: boolean } | { error: string } | undefined;

/**
 * Back from the identity provider the address carries `?sso=<ticket>` (or `?ssoError=`): the
 * ticket is exchanged once for a session, and the query leaves the address bar so a reload or a
 * copied link never replays it. Undefined when the page was not opened that way.
 */
export async function takeSingleSignOnReturn(api: ApiClient): Promise<SingleSignOnReturn> {
  const query = new URLSearchParams(location.search);
  const ticket = query.get('sso');
  const refused = query.get('ssoError');
  if (ticket === null && refused === null) return undefined;
  const next = query.get('next');
  query.delete('sso');
  query.delete('ssoError');
  query.delete('next');
  const search = query.toString();
  history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  if (refused !== null) return { error: refused };
  try {
    const { user } = await api.redeemTicket(ticket!);
    // Only a page of this app, never another site (`//elsewhere` or a backslash trick): the
    // session is shared by every page, so that page opens signed in.
    const target = next ? new URL(next, location.origin) : undefined;
    if (target && target.origin === location.origin && target.pathname !== '/') {
      location.replace(`${target.pathname}${target.search}${target.hash}`);
      return { user, leaving: true };
    }
    return { user };
  } catch (failure) {
    return { error: failure instanceof ApiError ? failure.message : String(failure) };
  }
}
