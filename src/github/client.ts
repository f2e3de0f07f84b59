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
    // Quiet by default: Octokit's info/debug lines are not for our users; warnings still show.
    log: { debug: () => {}, info: () => {}, warn: console.warn, error: console.error },
    throttle: {
      onRateLimit: onLimit,
      onSecondaryRateLimit: onLimit,
      // Our own write queue, so the gap between writes is ours to set (and each client has its own).
      write: new Bottleneck.Group({
        maxConcurrent: 1,
        minTime: settings.writeIntervalMs ?? DEFAULT_WRITE_INTERVAL_MS,
      }),
      id: `gh-interactions-${Math.random().toString(36).slice(2)}`,
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

  return { octokit, baseUrl, apiVersion, etags, rateLimitWait };
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
type HookRequest = ((options: HookOptions) => Promise<HookResponse>) & {
  endpoint: { parse(options: HookOptions): { url: string } };
};

function installConditionalRequests(octokit: GitHubOctokit, etags: EtagCache, namespace: string) {
  octokit.hook.wrap('request', async (request, options) => {
    const typedRequest = request as unknown as HookRequest;
    const hookOptions = options as unknown as HookOptions;
    if (hookOptions.method !== 'GET') return request(options);
    const url = typedRequest.endpoint.parse(hookOptions).url;
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
