import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { EtagCache, sha256 } from './etag-cache';
import type { ClientSettings } from './settings';
import {
  DEFAULT_API_VERSION,
  DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS,
  DEFAULT_RETRIES,
  DEFAULT_WRITE_INTERVAL_MS,
  SettingsError,
  normalizeBaseUrl,
  packageVersion,
} from './settings';

const GitHubOctokit = Octokit.plugin(throttling, retry);
export type GitHubOctokit = InstanceType<typeof GitHubOctokit>;

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
}

/** Tracks the total time spent waiting for rate limits so a run never hangs for hours. */
export interface RateLimitWaitBudget {
  readonly maxSeconds: number;
  waitedSeconds: number;
}

/**
 * A GitHub client for the interactions endpoints: token or GitHub App installation auth,
 * normalized base URL, pinned API version, throttled and serialized writes, retries that never
 * repeat a final answer, and conditional requests.
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
  const rateLimitWait: RateLimitWaitBudget = { maxSeconds, waitedSeconds: 0 };
  const onLimit = (
    retryAfterSeconds: number,
    _options: unknown,
    _octokit: unknown,
    retryCount: number,
  ) => {
    // Give up (and let the 403/429 surface as RateLimitedError) rather than hang past the cap.
    if (
      retryCount >= 10 ||
      rateLimitWait.waitedSeconds + retryAfterSeconds > rateLimitWait.maxSeconds
    ) {
      return false;
    }
    rateLimitWait.waitedSeconds += retryAfterSeconds;
    return true;
  };

  const auth = authOptions(settings);
  const octokit = new GitHubOctokit({
    ...auth,
    baseUrl,
    userAgent: `gh-interactions/${packageVersion()}`,
    headers: { 'x-github-api-version': apiVersion },
    request: settings.fetch ? { fetch: settings.fetch } : undefined,
    // Quiet: plugin-request-log reports every failed request on log.error, but each failure is
    // thrown to the caller as a typed error that says more; printing it too would say it twice.
    log: { debug: () => {}, info: () => {}, warn: console.warn, error: () => {} },
    throttle: {
      onRateLimit: onLimit,
      onSecondaryRateLimit: onLimit,
      // The plugin only spaces the *start* of writes; serializeWrites below does the real work.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      id: `gh-interactions-${Math.random().toString(36).slice(2)}`,
      // Scales GitHub's retry-after seconds into milliseconds of real waiting (tests shrink it).
      retryAfterBaseValue: settings.retryBaseMs ?? 1000,
    },
    retry: {
      retries: settings.retries ?? DEFAULT_RETRIES,
      retryAfterBaseValue: settings.retryBaseMs ?? 1000,
      // plugin-retry retries 405 and 409 by default; here they are final answers
      // (feature not available; limit owned by the org or user).
      doNotRetry: [400, 401, 403, 404, 405, 409, 410, 422, 429, 451],
    },
  });

  const identity = settings.app
    ? `app:${settings.app.appId}:${settings.app.installationId}`
    : `token:${settings.token ? sha256(settings.token) : 'anonymous'}`;
  const etags = new EtagCache(settings.etagCacheDir);
  installConditionalRequests(octokit, etags, `${sha256(identity)}|${baseUrl}|${apiVersion}`);
  const serverClock = trackServerClock(octokit);
  octokit.hook.before('request', (options) => {
    options.headers['x-github-api-version'] = apiVersion;
  });
  // The spacing protects GitHub's secondary rate limits; a loopback server (the emulator) has none.
  const loopback = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(baseUrl);
  serializeWrites(octokit, settings.writeIntervalMs ?? (loopback ? 0 : DEFAULT_WRITE_INTERVAL_MS));

  return { octokit, baseUrl, apiVersion, etags, rateLimitWait, now: serverClock };
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

interface HookOptions {
  method: string;
  headers: Record<string, string>;
  [key: string]: unknown;
}
interface HookResponse {
  status: number;
  url: string;
  headers: Record<string, string | undefined>;
  data: unknown;
}
type HookRequest = (options: HookOptions) => Promise<HookResponse>;

function installConditionalRequests(octokit: GitHubOctokit, etags: EtagCache, namespace: string) {
  octokit.hook.wrap('request', async (request, options) => {
    const typedRequest = request as unknown as HookRequest;
    const hookOptions = options as unknown as HookOptions;
    if (hookOptions.method !== 'GET') return request(options);
    const url = octokit.request.endpoint.parse(options).url;
    const key = `${namespace}|${url}`;
    const cached = etags.get(key);
    if (cached) hookOptions.headers = { ...hookOptions.headers, 'if-none-match': cached.etag };
    try {
      const response = (await typedRequest(hookOptions)) as HookResponse;
      etags.misses++;
      const etag = response.headers.etag;
      if (response.status === 200 && etag) {
        etags.set(key, { etag, data: response.data, headers: pickHeaders(response.headers) });
      }
      return response as never;
    } catch (error) {
      const status = (error as { status?: number }).status;
      const response = (error as { response?: HookResponse }).response;
      if (status === 304 && cached) {
        etags.hits++;
        return {
          status: 200,
          url,
          headers: { ...cached.headers, ...(response?.headers ?? {}) },
          data: cached.data,
        } as never;
      }
      throw error;
    }
  });
}

function pickHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of ['etag', 'link', 'content-type']) {
    const value = headers[name];
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}

/** Keeps the offset between GitHub's `Date` header and the local clock. */
function trackServerClock(octokit: GitHubOctokit): () => Date {
  let offsetMs = 0;
  const record = (headers: Record<string, string | undefined> | undefined) => {
    const serverDate = headers?.date ? Date.parse(headers.date) : NaN;
    if (Number.isFinite(serverDate)) offsetMs = serverDate - Date.now();
  };
  octokit.hook.after('request', (response) => record(response.headers as never));
  octokit.hook.error('request', (error) => {
    record((error as { response?: { headers?: Record<string, string> } }).response?.headers);
    throw error;
  });
  return () => new Date(Date.now() + offsetMs);
}

/** https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app */
const INSTALLATION_TOKEN_PATH = /\/app\/installations\/[^/]+\/access_tokens$/;

/**
 * One write at a time, at least `intervalMs` apart, as GitHub asks of integrators
 * (https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#avoid-concurrent-requests).
 * A retried write keeps its place. Installation-token requests are exempt: the auth strategy sends
 * them from inside a write, and queueing them behind it would deadlock.
 */
function serializeWrites(octokit: GitHubOctokit, intervalMs: number) {
  let tail: Promise<unknown> = Promise.resolve();
  let lastWriteEndedAt = 0;
  octokit.hook.wrap('request', (request, options) => {
    const method = String(options.method).toUpperCase();
    if (
      method === 'GET' ||
      method === 'HEAD' ||
      INSTALLATION_TOKEN_PATH.test(String(options.url))
    ) {
      return request(options);
    }
    const run = tail.then(async () => {
      const wait = lastWriteEndedAt + intervalMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        return await request(options);
      } finally {
        lastWriteEndedAt = Date.now();
      }
    });
    tail = run.catch(() => undefined);
    return run;
  });
}
