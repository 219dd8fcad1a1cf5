// A real OpenID Connect provider (npm oidc-provider, OpenID Certified) for the portal's tests.
//
//   node server.js [--port 0] [--session-ttl 3600] [--token-ttl 600]
//
// Listens on 127.0.0.1 only. Port 0 (the default) takes a free port. Once it answers, it prints one JSON line on stdout:
//   {"ready":true,"issuer":"http://127.0.0.1:<port>/portal-tests/v2.0","port":<port>}
// The issuer ends in /{tenant}/v2.0, the shape Microsoft.Identity.Web builds from Instance + TenantId, so the portal
// is pointed at it with AzureAd:Instance=http://127.0.0.1:<port>/ and AzureAd:TenantId=portal-tests.
//
// Clients (see README "Sign-in"):
//   portal      authorization code + PKCE, client_secret_post; redirect and post-logout URIs on loopback at any port
//               (RFC 8252 loopback rule), so a test host's random port needs no registration.
//   portal-api-support, portal-api-acme  client credentials for the API resource: a JWT access token (aud API_AUDIENCE)
//               carrying the client's roles/workspaces (Support; or the workspaces ws-acme and ws-acme-staging).
// Access tokens for the API are JWTs for the resource indicator API_AUDIENCE (RFC 8707); OTHER_AUDIENCE is a second
// resource the clients may ask for, so tests can hold a genuine token the portal's API must refuse.
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

import { accounts, findAccountByLogin } from './accounts.js';
import { loginPage } from './login-page.js';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.OIDC_PORT ?? '0' },
    'session-ttl': { type: 'string', default: process.env.OIDC_SESSION_TTL ?? '3600' },
    'token-ttl': { type: 'string', default: process.env.OIDC_TOKEN_TTL ?? '600' },
  },
});

export const TENANT = 'portal-tests';
export const API_AUDIENCE = 'api://portal-api';
const PORTAL_CLIENT = { id: 'portal', secret: 'portal-test-secret' };
const sessionTtl = Number(args['session-ttl']);
const tokenTtl = Number(args['token-ttl']);

// The API's scopes (the portal's ApiScopes); a client credentials token asks for them with scope=... and resource=API_AUDIENCE.
const API_SCOPES = 'connections.read connections.manage';
// A second resource with the same scope names: its tokens are for another audience, which the portal's API must refuse.
export const OTHER_AUDIENCE = 'api://other-api';

function apiCaller(clientId, roles, workspaces) {
  return {
    client_id: clientId,
    client_secret: `${clientId}-secret`,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_post',
    'urn:portal:roles': roles,
    'urn:portal:workspaces': workspaces,
  };
}

// A signing key made at start: tokens of one run are only ever checked by that run.
const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'portal-tests', use: 'sig', alg: 'RS256' };

const server = http.createServer();
await new Promise((resolve) => server.listen(Number(args.port), '127.0.0.1', resolve));
const { port } = server.address();
const origin = `http://127.0.0.1:${port}`;
const mountPath = `/${TENANT}/v2.0`;
const issuer = `${origin}${mountPath}`;

const portalClaims = (account) => ({
  name: account.name,
  preferred_username: account.email,
  email: account.email,
  roles: account.roles,
  workspaces: account.workspaces,
});

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: PORTAL_CLIENT.id,
      client_secret: PORTAL_CLIENT.secret,
      application_type: 'native',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
      redirect_uris: ['http://127.0.0.1/signin-oidc', 'http://localhost/signin-oidc'],
      post_logout_redirect_uris: ['http://127.0.0.1/signout-callback-oidc', 'http://localhost/signout-callback-oidc'],
    },
    // What the API checks: the same claims a signed-in person carries, here the client's own.
    apiCaller('portal-api-support', ['Support'], []),
    apiCaller('portal-api-acme', [], ['ws-acme', 'ws-acme-staging']),
  ],
  extraClientMetadata: { properties: ['urn:portal:roles', 'urn:portal:workspaces'] },
  // Claims go into the id_token (Microsoft.Identity.Web does not call userinfo by default), as Entra ID does.
  conformIdTokenClaims: false,
  claims: {
    openid: ['sub', 'roles', 'workspaces'],
    profile: ['name', 'preferred_username'],
    email: ['email'],
  },
  scopes: ['openid', 'profile', 'email', 'offline_access'],
  findAccount: async (_ctx, id) => {
    const account = accounts.find((a) => a.id === id);
    if (!account) return undefined;
    return { accountId: account.id, claims: async () => ({ sub: account.id, ...portalClaims(account) }) };
  },
  // The portal is first-party: no consent screen; the grant covers what it asked for.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile email offline_access');
    if (ctx.oidc.params?.resource) grant.addResourceScope(API_AUDIENCE, API_SCOPES);
    await grant.save();
    return grant;
  },
  interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // Ending the session needs no second click (the portal's sign-out button was the confirmation).
      logoutSource: async (ctx, form) => {
        ctx.body = `<!DOCTYPE html><html><head><title>Signing out</title></head><body>
          ${form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')}
          <p>Signing out…</p><script>document.forms[0].submit()</script></body></html>`;
      },
    },
    resourceIndicators: {
      enabled: true,
      defaultResource: async (_ctx, _client, oneOf) => oneOf,
      useGrantedResource: async () => true,
      getResourceServerInfo: async (_ctx, resource) => {
        if (resource !== API_AUDIENCE && resource !== OTHER_AUDIENCE) throw new Provider.errors.InvalidTarget();
        return { scope: API_SCOPES, audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: tokenTtl };
      },
    },
  },
  // Roles and workspaces in the API's access tokens too: the account's for a person, the client's for client credentials.
  // `scp` repeats the scopes under Entra's name: Microsoft.Identity.Web's web API refuses a token with neither scp nor roles.
  extraTokenClaims: async (_ctx, token) => {
    if (token.kind === 'ClientCredentials') {
      const client = await provider.Client.find(token.clientId);
      return { roles: client['urn:portal:roles'], workspaces: client['urn:portal:workspaces'], scp: token.scope };
    }
    const account = accounts.find((a) => a.id === token.accountId);
    return account ? { roles: account.roles, workspaces: account.workspaces, name: account.name, scp: token.scope } : undefined;
  },
  ttl: {
    Session: sessionTtl,
    Interaction: 600,
    Grant: sessionTtl,
    IdToken: tokenTtl,
    AccessToken: tokenTtl,
    ClientCredentials: tokenTtl,
    AuthorizationCode: 60,
    RefreshToken: sessionTtl,
  },
  cookies: { keys: ['portal-tests-cookie-key'] },
  jwks: { keys: [signingKey] },
  // Loopback http only: tests never leave the machine.
  pkce: { required: () => true },
});
// Behind no proxy; http on loopback is what the tests use.
provider.proxy = false;

// oidc-provider 8 applies RFC 8252's "any port on loopback" rule to a native client's redirect URIs but compares post-logout
// URIs exactly. A test host listens on a random port, so the same loopback rule applies to them here.
const exactPostLogoutCheck = provider.Client.prototype.postLogoutRedirectUriAllowed;
provider.Client.prototype.postLogoutRedirectUriAllowed = function postLogoutRedirectUriAllowed(value) {
  if (exactPostLogoutCheck.call(this, value)) return true;
  const requested = URL.canParse(value) ? new URL(value) : undefined;
  if (this.applicationType !== 'native' || requested?.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(requested.hostname)) return false;
  requested.port = '';
  return this.postLogoutRedirectUris.some((allowed) => {
    const registered = new URL(allowed);
    registered.port = '';
    return registered.href === requested.href;
  });
};

const providerCallback = provider.callback();

function readForm(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; if (body.length > 10_000) req.destroy(); });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

function send(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

// The login form of an interaction: GET shows it, POST checks the user and password and finishes the login.
async function interaction(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, 'Interaction mismatch');
  if (details.prompt.name === 'consent') {
    // First-party client: grant what it asked for without a consent screen.
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }
  if (req.method === 'GET') {
    return send(res, 200, loginPage({ action: `${mountPath}/interaction/${uid}`, prompt: details.prompt.name }));
  }
  const form = await readForm(req);
  const account = findAccountByLogin(form.get('login'), form.get('password'));
  if (!account) {
    return send(res, 200, loginPage({ action: `${mountPath}/interaction/${uid}`, prompt: details.prompt.name, error: 'Wrong user name or password.', login: form.get('login') }));
  }
  return provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
}

server.on('request', async (req, res) => {
  try {
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return undefined;
    }
    if (!req.url.startsWith(`${mountPath}/`) && req.url !== mountPath) {
      return send(res, 404, 'Not found');
    }
    const path = req.url.slice(mountPath.length);
    const match = /^\/interaction\/([^/?]+)$/.exec(path);
    if (match) return await interaction(req, res, match[1]);
    req.originalUrl = req.url;
    req.url = path || '/';
    return providerCallback(req, res);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) send(res, 500, 'Provider error');
    else res.end();
  }
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));

console.log(JSON.stringify({ ready: true, issuer, port, instance: `${origin}/`, tenant: TENANT, apiAudience: API_AUDIENCE }));
