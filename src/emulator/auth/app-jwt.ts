import { createPublicKey } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import type { AppRecord } from '../apps/model';
import type { EmulatorState } from '../state/emulator-state';

/**
 * GitHub App JWT verification
 * (https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app):
 * RS256, `iss` = the app id, `iat` no later than now (GitHub allows 60 seconds of clock drift),
 * `exp` in the future and at most 10 minutes away. Times are checked against the emulator clock;
 * the error messages are GitHub's, which `@octokit/auth-app` recognizes to correct for clock skew
 * using the `Date` header (see its hook.js, `isNotTimeSkewError`). jose checks the structure, the
 * algorithm, the signature and `exp`; the rules jose does not know (an integer `iat` not in the
 * future, `exp` at most 10 minutes away) and GitHub's order of messages are kept here.
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

/** The claims without checking the signature (to find the app whose key checks it), or undefined. */
function unverifiedClaims(jwt: string): JWTPayload | undefined {
  try {
    return decodeProtectedHeader(jwt).alg === 'RS256' ? decodeJwt(jwt) : undefined;
  } catch {
    return undefined;
  }
}

/** GitHub's complaint about the times of a correctly signed JWT, in GitHub's order. */
function timeProblem(claims: JWTPayload, nowSeconds: number): string | undefined {
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > nowSeconds + CLOCK_DRIFT_SECONDS) {
    return JWT_MESSAGES.iat;
  }
  if (typeof exp !== 'number' || exp <= nowSeconds - CLOCK_DRIFT_SECONDS) return JWT_MESSAGES.exp;
  if (exp - nowSeconds > MAX_JWT_LIFETIME_SECONDS + CLOCK_DRIFT_SECONDS) {
    return JWT_MESSAGES.expTooFar;
  }
  return undefined;
}

export async function verifyAppJwt(state: EmulatorState, jwt: string): Promise<JwtOutcome> {
  const claims = unverifiedClaims(jwt);
  if (!claims) return { ok: false, message: JWT_MESSAGES.undecodable };
  const iss = typeof claims.iss === 'string' ? Number(claims.iss) : (claims.iss as unknown);
  const app = typeof iss === 'number' ? state.findApp(iss) : undefined;
  if (!app) return { ok: false, message: JWT_MESSAGES.integrationNotFound };
  const now = state.now();
  try {
    await jwtVerify(jwt, createPublicKey(app.publicKeyPem), {
      algorithms: ['RS256'],
      currentDate: new Date(now),
      clockTolerance: CLOCK_DRIFT_SECONDS,
      requiredClaims: ['iat', 'exp'],
    });
  } catch (error) {
    // A claim jose refused was checked after the signature: report it in GitHub's words.
    const claimRefused =
      error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired;
    if (!claimRefused) return { ok: false, message: JWT_MESSAGES.undecodable };
  }
  const problem = timeProblem(claims, Math.floor(now / 1000));
  return problem ? { ok: false, message: problem } : { ok: true, app };
}
