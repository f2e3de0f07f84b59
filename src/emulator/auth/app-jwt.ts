import { createPublicKey, verify } from 'node:crypto';
import type { AppRecord } from '../apps/model';
import type { EmulatorState } from '../state/emulator-state';

/**
 * GitHub App JWT verification
 * (https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app):
 * RS256, `iss` = the app id, `iat` no later than now (GitHub allows 60 seconds of clock drift),
 * `exp` in the future and at most 10 minutes away. Times are checked against the emulator clock;
 * the error messages are GitHub's, which `@octokit/auth-app` recognizes to correct for clock skew
 * using the `Date` header (see its hook.js, `isNotTimeSkewError`).
 */
export const CLOCK_DRIFT_SECONDS = 60;
export const MAX_JWT_LIFETIME_SECONDS = 600;

export const JWT_MESSAGES = {
  undecodable: 'A JSON web token could not be decoded',
  iat: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
  exp: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
  expTooFar: "'Expiration time' claim ('exp') is too far in the future",
  integrationNotFound: 'Integration not found',
} as const;

export type JwtOutcome = { ok: true; app: AppRecord } | { ok: false; message: string };

/** True when a bearer credential is shaped like a JWT (three base64url parts, JSON header). */
export function looksLikeJwt(credential: string): boolean {
  return /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(credential);
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object'
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function verifyAppJwt(state: EmulatorState, jwt: string): JwtOutcome {
  const [headerPart = '', payloadPart = '', signaturePart = ''] = jwt.split('.');
  const header = decodePart(headerPart);
  const payload = decodePart(payloadPart);
  if (!header || !payload || header.alg !== 'RS256') {
    return { ok: false, message: JWT_MESSAGES.undecodable };
  }
  const iss = typeof payload.iss === 'string' ? Number(payload.iss) : payload.iss;
  const app = typeof iss === 'number' ? state.findApp(iss) : undefined;
  if (!app) return { ok: false, message: JWT_MESSAGES.integrationNotFound };
  let valid: boolean;
  try {
    valid = verify(
      'RSA-SHA256',
      Buffer.from(`${headerPart}.${payloadPart}`),
      createPublicKey(app.publicKeyPem),
      Buffer.from(signaturePart, 'base64url'),
    );
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, message: JWT_MESSAGES.undecodable };
  const nowSeconds = Math.floor(state.now() / 1000);
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > nowSeconds + CLOCK_DRIFT_SECONDS) {
    return { ok: false, message: JWT_MESSAGES.iat };
  }
  if (typeof exp !== 'number' || exp <= nowSeconds - CLOCK_DRIFT_SECONDS) {
    return { ok: false, message: JWT_MESSAGES.exp };
  }
  if (exp - nowSeconds > MAX_JWT_LIFETIME_SECONDS + CLOCK_DRIFT_SECONDS) {
    return { ok: false, message: JWT_MESSAGES.expTooFar };
  }
  return { ok: true, app };
}
