import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { EtagCache, sha256 } from './etag-cache';
import type { RateLimitStatus } from './rate-limits';
import type { ClientSettings } from './settings';
import {
  DEFAULT_API_VERSION,
  DEFAULT_CIRCUIT_BREAKER_THRESHOLD,
  DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_RETRIES,
  DEFAULT_WRITE_INTERVAL_MS,
  SettingsError,
  isLoopbackUrl,
  normalizeBaseUrl,
  packageVersion,
  resolvePacing,
} from './settings';
import { resolveTimers } from './timers';
import type { ClientStats, RateLimitWaitBudget } from './transport';
import { Transport } from './transport';

export type GitHubOctokit = Octokit;
export type { ClientStats, RateLimitWaitBudget } from './transport';
export type { RateLimitStatus } from './rate-limits';

/** API versions GitHub documents for these endpoints. */
export const SUPPORTED_API_VERSIONS: readonly string[] = ['2022-11-28', '2026-03-10'];

export interface GitHubClient {
  readonly octokit: GitHubOctokit;
  /** Normalized, e.g. https://api.github.com or https://HOST/api/v3. */
  readonly baseUrl: string;
  readonly apiVersion: string;
  readonly etags: EtagCache;
  readonly rateLimitWait: RateLimitWaitBudget;
  /**
   * GitHub's clock, from the `Date` header of the last response (the local clock until one
   * arrives). Expiry decisions compare `expires_at` with this, so a skewed runner clock or the
   * emulator's movable clock cannot make a limit look fresh or expired when it is not.
   */
  now(): Date;
  /**
   * The primary rate limit of `resource` (`core` for REST, `graphql`) as the last answers gave
   * it, or undefined before any answer did. 304s cost nothing.
   */
  rateLimit(resource: 'core' | 'graphql' | (string & {})): RateLimitStatus | undefined;
  /** Requests sent, points spent, time spent waiting for pacing, retries. */
  stats(): ClientStats;
}

/**
 * A GitHub client for the interactions endpoints: token or GitHub App installation auth,
 * normalized base URL, pinned API version, paced under GitHub's secondary limits, serialized
 * writes, a rate-limit budget, time-outs, retries that never repeat a final answer, a circuit
 * breaker, and conditional requests. All of it is one request hook (transport.ts).
 */
export function createClient(settings: ClientSettings): GitHubClient {
  const baseUrl = normalizeBaseUrl(settings.baseUrl);
  const apiVersion = settings.apiVersion ?? DEFAULT_API_VERSION;
  if (!SUPPORTED_API_VERSIONS.includes(apiVersion)) {
    throw new SettingsError(
      `apiVersion: "${apiVersion}" is not supported; expected one of ${SUPPORTED_API_VERSIONS.join(', ')}.`,
    );
  }
  const maxSeconds = settings.maxRateLimitWaitSeconds ?? DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS;
  if (!(maxSeconds >= 0)) {
    throw new SettingsError(
      `maxRateLimitWaitSeconds: ${maxSeconds} is not allowed; expected a number of seconds >= 0.`,
    );
  }
  const requestTimeoutMs = settings.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (!(requestTimeoutMs >= 1)) {
    throw new SettingsError(
      `requestTimeoutMs: ${requestTimeoutMs} is not allowed; expected a number of milliseconds >= 1.`,
    );
  }
  const deadlineSeconds = settings.deadlineSeconds;
  if (deadlineSeconds !== undefined && !(deadlineSeconds > 0)) {
    throw new SettingsError(
      `deadlineSeconds: ${deadlineSeconds} is not allowed; expected a number of seconds > 0.`,
    );
  }
  const pacing = resolvePacing(settings.pacing, baseUrl);
  const rateLimitWait: RateLimitWaitBudget = { maxSeconds, waitedSeconds: 0 };

  const auth = authOptions(settings);
  const octokit = new Octokit({
    ...auth,
    baseUrl,
    userAgent: `gh-interactions/${packageVersion()}`,
    request: settings.fetch ? { fetch: settings.fetch } : undefined,
    // Quiet: plugin-request-log reports every failed request on log.error, but each failure is
    // thrown to the caller as a typed error that says more; printing it too would say it twice.
    log: { debug: () => {}, info: () => {}, warn: console.warn, error: () => {} },
  });

  const identity = settings.app
    ? `app:${settings.app.appId}:${settings.app.installationId}`
    : `token:${settings.token ? sha256(settings.token) : 'anonymous'}`;
  const etags = new EtagCache(settings.etagCacheDir);
  // GitHub asks for writes about a second apart; a loopback server (the emulator) has no
  // secondary limits, unless pacing is asked for there (then at the pace's own time scale).
  const writeIntervalMs =
    settings.writeIntervalMs ??
    (pacing
      ? Math.round((DEFAULT_WRITE_INTERVAL_MS * pacing.windowMs) / 60_000)
      : isLoopbackUrl(baseUrl)
        ? 0
        : DEFAULT_WRITE_INTERVAL_MS);
  const transport = new Transport(octokit, {
    baseUrl,
    apiVersion,
    auth: settings.app ? 'strategy' : 'token',
    etags,
    etagNamespace: `${sha256(identity)}|${baseUrl}|${apiVersion}`,
    retries: settings.retries ?? DEFAULT_RETRIES,
    retryBaseMs: settings.retryBaseMs ?? 1000,
    requestTimeoutMs,
    writeIntervalMs,
    pacing,
    circuitBreakerThreshold: settings.circuitBreakerThreshold ?? DEFAULT_CIRCUIT_BREAKER_THRESHOLD,
    deadlineSeconds,
    rateLimitWait,
    timers: resolveTimers(settings.timers),
  });

  return {
    octokit,
    baseUrl,
    apiVersion,
    etags,
    rateLimitWait,
    now: () => new Date(transport.serverNowMs()),
    rateLimit: (resource) => transport.rateLimit(resource),
    stats: () => transport.stats(),
  };
}

function authOptions(settings: ClientSettings): Record<string, unknown> {
  if (settings.app) {
    const { appId, installationId, privateKey } = settings.app;
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey)) {
      throw new SettingsError(
        'GITHUB_APP_PRIVATE_KEY: the value is not a PEM private key (expected "-----BEGIN RSA PRIVATE KEY-----" or "-----BEGIN PRIVATE KEY-----").',
      );
    }
    // The strategy fetches installation tokens and refreshes them before they expire mid-run.
    return { authStrategy: createAppAuth, auth: { appId, privateKey, installationId } };
  }
  return settings.token ? { auth: settings.token } : {};
}
