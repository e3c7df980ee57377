import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { freePort, startTestEngine, type TestEngine, type TestEngineOptions } from './engine-server.js';

/** A person the test identity provider knows, with the claims the agency's directory would send. */
export interface DirectoryPerson {
  preferred_username: string;
  name: string;
  department?: string;
  roles?: string[];
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package, as certified implementations use)
 * on a free port of this machine: discovery, authorization with PKCE, its own login and consent
 * pages (the package's development pages: any password is accepted), the token and userinfo
 * endpoints, signed ID tokens. The directory is the `people` given, by login name.
 */
export async function startIdentityProvider(options: { redirectUri: string; people: Record<string, DirectoryPerson> }): Promise<TestIdentityProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'onedoor';
  const clientSecret = 'bi-mat-cua-onedoor-trong-thu-nghiem';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post' }],
    async findAccount(_ctx: unknown, id: string) {
      const person = options.people[id];
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ sub: `directory-${id}`, ...person }) };
    },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'department', 'roles'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['khoa-cookie-thu-nghiem'] },
  });
  // The development pages warn on every start; the test knows.
  (provider as unknown as { on(event: string, f: () => void): void }).on('server_error', () => undefined);
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface EngineWithSingleSignOn {
  /** The engine's (where the browser signs in). */
  baseUrl: string;
  engine: TestEngine;
  idp: TestIdentityProvider;
  close(): Promise<void>;
}

/**
 * An engine whose officers may sign in through a test identity provider holding `people`: the
 * provider knows the engine's callback on a port chosen first, the engine maps the claims an
 * agency's directory sends (`preferred_username`, `name`, `department`, `roles`). Shared by the
 * engine's spec of the protocol and the browser's spec of the sign-in page.
 */
export async function startEngineWithSingleSignOn(options: { people: Record<string, DirectoryPerson>; label: string; engine?: TestEngineOptions }): Promise<EngineWithSingleSignOn> {
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
  const idp = await startIdentityProvider({ redirectUri, people: options.people });
  const engine = await startTestEngine({
    ...options.engine,
    port,
    singleSignOn: {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      redirectUri,
      label: options.label,
      scopes: 'openid profile',
      usernameClaim: 'preferred_username',
      nameClaim: 'name',
      departmentClaim: 'department',
      rolesClaim: 'roles',
      allowHttp: true,
    },
  }).catch(async (error) => {
    await idp.close();
    throw error;
  });
  return {
    baseUrl: engine.baseUrl,
    engine,
    idp,
    async close() {
      await engine.close();
      await idp.close();
    },
  };
}
