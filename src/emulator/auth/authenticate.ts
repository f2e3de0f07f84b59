import type { HttpResult } from '../http/results';
import { basicError } from '../http/results';
import type { RouteAuth } from '../http/route';
import type { EmulatorState } from '../state/emulator-state';
import { looksLikeJwt, verifyAppJwt } from './app-jwt';
import type { Principal } from './principal';

/** GitHub's message when an app (JWT or installation token) lacks access. */
export const NOT_ACCESSIBLE_BY_INTEGRATION = 'Resource not accessible by integration';

export type AuthOutcome = { ok: true; principal: Principal } | { ok: false; error: HttpResult };

/**
 * Resolves the Authorization header: `token X` or `Bearer X` (either case) with a user token, an
 * installation token (`ghs_…`, rejected once expired) or a GitHub App JWT. No header is an
 * anonymous request; anything unknown is GitHub's 401 "Bad credentials".
 */
export async function authenticate(
  state: EmulatorState,
  authorization: string | undefined,
  docs: string,
): Promise<AuthOutcome> {
  if (authorization === undefined || authorization.trim() === '') {
    return { ok: true, principal: { kind: 'anonymous' } };
  }
  const match = /^(token|bearer)\s+(\S+)\s*$/i.exec(authorization);
  const badCredentials = { ok: false as const, error: basicError(401, 'Bad credentials', docs) };
  if (!match) return badCredentials;
  const credential = match[2] ?? '';
  if (looksLikeJwt(credential)) {
    const verified = await verifyAppJwt(state, credential);
    return verified.ok
      ? { ok: true, principal: { kind: 'app', app: verified.app } }
      : { ok: false, error: basicError(401, verified.message, docs) };
  }
  const user = state.userForToken(credential);
  if (user) return { ok: true, principal: { kind: 'user', user } };
  const installationToken = state.installationToken(credential);
  if (installationToken && Date.parse(installationToken.expiresAt) > state.now()) {
    const found = state.findInstallation(installationToken.installationId);
    if (found) return { ok: true, principal: { kind: 'installation', ...found } };
  }
  return badCredentials;
}

/** The route's rule about who may call it, or undefined when the principal may. */
export function authorizeRoute(
  principal: Principal,
  auth: RouteAuth,
  docs: string,
): HttpResult | undefined {
  if (auth === 'app') {
    return principal.kind === 'app'
      ? undefined
      : basicError(401, 'A JSON web token could not be decoded', docs);
  }
  if (principal.kind === 'app') {
    // A JWT only opens the /app endpoints; everything else needs an installation token.
    return basicError(403, NOT_ACCESSIBLE_BY_INTEGRATION, docs);
  }
  if (auth === 'public') return undefined;
  if (principal.kind === 'anonymous') return basicError(401, 'Requires authentication', docs);
  if (auth === 'user-only' && principal.kind === 'installation') {
    // GitHub Apps cannot call the /user endpoints (OpenAPI: enabledForGitHubApps false).
    return basicError(403, NOT_ACCESSIBLE_BY_INTEGRATION, docs);
  }
  return undefined;
}
