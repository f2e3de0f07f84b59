import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** GitHub's default REST API version. https://docs.github.com/rest/about-the-rest-api/api-versions */
export const DEFAULT_API_VERSION = '2022-11-28';
export const DEFAULT_BASE_URL = 'https://api.github.com';
/** Total time a client may spend waiting for rate limits before it gives up with the reset time. */
export const DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 300;
/** GitHub asks for writes "serially, about one second apart" (best practices for integrators). */
export const DEFAULT_WRITE_INTERVAL_MS = 1000;
export const DEFAULT_RETRIES = 3;
/** How long one request may take before it is abandoned (and retried like a dropped connection). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/**
 * Network failures or 5xx answers in a row after which the client stops sending (the circuit
 * opens). Ten, not fewer: under a bad day's 15% of failed requests, a run of five happens about
 * once in 13,000 requests (a large plan), a run of ten once in 170 million; in an outage ten
 * failures come within seconds.
 */
export const DEFAULT_CIRCUIT_BREAKER_THRESHOLD = 10;

/**
 * GitHub's documented secondary rate limits
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits):
 * 100 concurrent requests, 900 REST points a minute (GET, HEAD and OPTIONS 1 point, other
 * methods 5), 2,000 GraphQL points a minute (a query 1 point, a mutation 5), 90 seconds of
 * server time ("CPU time", estimated by "the total response time") per 60 seconds.
 */
export const GITHUB_SECONDARY_LIMITS: Required<PacingSettings> = Object.freeze({
  restPointsPerMinute: 900,
  graphqlPointsPerMinute: 2000,
  serverMsPerMinute: 90_000,
  maxConcurrent: 100,
  windowMs: 60_000,
});

/**
 * Proactive pacing under the secondary limits. Each figure is per `windowMs` (a minute on
 * GitHub; shrink it with the emulator's window to run the same pace faster).
 */
export interface PacingSettings {
  /** REST points per window. @default 900 */
  readonly restPointsPerMinute?: number;
  /** GraphQL points per window. @default 2000 */
  readonly graphqlPointsPerMinute?: number;
  /** Server time (response times summed) per window, ms. @default 90000 */
  readonly serverMsPerMinute?: number;
  /** Requests in flight at once. @default 100 */
  readonly maxConcurrent?: number;
  /** The window the points are counted over. @default 60000 */
  readonly windowMs?: number;
}

/** Time and chance, injectable so tests count waits instead of sleeping. */
export interface ClientTimers {
  /** Milliseconds since the epoch. @default Date.now */
  now(): number;
  /** Resolves after `ms`; rejects with `signal.reason` once `signal` aborts. @default setTimeout */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** In [0, 1): the jitter of back-offs. @default Math.random */
  random(): number;
}

export interface GitHubAppCredentials {
  readonly appId: string;
  readonly installationId: string;
  /** PEM text. Never logged, never stored. */
  readonly privateKey: string;
}

export interface ClientSettings {
  /** A personal access token or installation token. Ignored when `app` is set. */
  readonly token?: string;
  readonly app?: GitHubAppCredentials;
  /** @default https://api.github.com (GHES: https://HOST or https://HOST/api/v3) */
  readonly baseUrl?: string;
  /** @default DEFAULT_API_VERSION */
  readonly apiVersion?: string;
  /** @default DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS */
  readonly maxRateLimitWaitSeconds?: number;
  /** Minimum gap between two writes. @default DEFAULT_WRITE_INTERVAL_MS (0 for a loopback URL, the emulator) */
  readonly writeIntervalMs?: number;
  /** Retries of 5xx, timeouts and dropped connections, per request. @default DEFAULT_RETRIES */
  readonly retries?: number;
  /**
   * Milliseconds per second of back-off: retry n (from 0) waits a random time up to
   * `2^n * base` (full jitter, at most 32 × base), rate limits wait `retry-after * base`. Only
   * tests change it. @default 1000
   */
  readonly retryBaseMs?: number;
  /**
   * Each request is abandoned after this long without a whole answer, and retried like a dropped
   * connection. Env GH_INTERACTIONS_REQUEST_TIMEOUT_MS. @default DEFAULT_REQUEST_TIMEOUT_MS
   */
  readonly requestTimeoutMs?: number;
  /**
   * Pace requests to stay under GitHub's secondary limits. `false` or `'off'`: no pacing;
   * `'github'`: GitHub's documented figures. Env GH_INTERACTIONS_PACING=github|off.
   * @default GitHub's figures, except for a loopback URL (the emulator), where it is off
   */
  readonly pacing?: PacingSettings | 'github' | 'off' | false;
  /**
   * The whole run's deadline, in seconds from when the client is made: then the requests in
   * flight are stopped and no other is sent, all failing with one DeadlineExceededError.
   * Env GH_INTERACTIONS_DEADLINE_SECONDS. @default none
   */
  readonly deadlineSeconds?: number;
  /**
   * Network failures (timeouts included) or 5xx answers in a row after which every queued and
   * later request fails at once. @default DEFAULT_CIRCUIT_BREAKER_THRESHOLD
   */
  readonly circuitBreakerThreshold?: number;
  /** Tests only: the clock, sleep and jitter source. */
  readonly timers?: Partial<ClientTimers>;
  /** Keep ETags (and the bodies they validate) in this directory between runs. */
  readonly etagCacheDir?: string;
  /** For tests and proxies: the fetch implementation Octokit uses. */
  readonly fetch?: typeof fetch;
}

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

/**
 * The connection settings every front door shares, from the environment variables in DESIGN.md.
 * Explicit settings win over the environment.
 */
export function settingsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  overrides: ClientSettings = {},
): ClientSettings {
  const appId = env.GITHUB_APP_ID?.trim();
  const installationId = env.GITHUB_APP_INSTALLATION_ID?.trim();
  let app: GitHubAppCredentials | undefined;
  if (appId || installationId) {
    if (!appId || !installationId) {
      throw new SettingsError(
        `GitHub App authentication needs both GITHUB_APP_ID and GITHUB_APP_INSTALLATION_ID; only ${
          appId ? 'GITHUB_APP_ID' : 'GITHUB_APP_INSTALLATION_ID'
        } is set.`,
      );
    }
    app = { appId, installationId, privateKey: checkedPrivateKey(readAppPrivateKey(env)) };
  }
  return {
    token: env.GITHUB_TOKEN?.trim() || undefined,
    app,
    baseUrl: env.GITHUB_BASE_URL?.trim() || undefined,
    ...tuningFromEnv(env),
    ...stripUndefined(overrides),
  };
}

/**
 * The GH_INTERACTIONS_* variables that tune the client (only those set): write spacing, the cap
 * on rate-limit waits, the request timeout, the run's deadline and pacing. Throws SettingsError naming a bad one.
 */
export function tuningFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ClientSettings> {
  const tuning: {
    writeIntervalMs?: number;
    maxRateLimitWaitSeconds?: number;
    requestTimeoutMs?: number;
    deadlineSeconds?: number;
    pacing?: 'github' | 'off';
  } = {};
  const whole = (name: string, unit: string, min = 0): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      throw new SettingsError(
        `${name}: "${raw}" is not allowed; expected a whole number of ${unit} >= ${min}.`,
      );
    }
    return value;
  };
  const writeIntervalMs = whole('GH_INTERACTIONS_WRITE_INTERVAL_MS', 'milliseconds');
  if (writeIntervalMs !== undefined) tuning.writeIntervalMs = writeIntervalMs;
  const maxWait = whole('GH_INTERACTIONS_MAX_RATE_LIMIT_WAIT_SECONDS', 'seconds');
  if (maxWait !== undefined) tuning.maxRateLimitWaitSeconds = maxWait;
  const timeout = whole('GH_INTERACTIONS_REQUEST_TIMEOUT_MS', 'milliseconds', 1);
  if (timeout !== undefined) tuning.requestTimeoutMs = timeout;
  const deadline = whole('GH_INTERACTIONS_DEADLINE_SECONDS', 'seconds', 1);
  if (deadline !== undefined) tuning.deadlineSeconds = deadline;
  const pacing = env.GH_INTERACTIONS_PACING?.trim().toLowerCase();
  if (pacing) {
    if (pacing !== 'github' && pacing !== 'off') {
      throw new SettingsError(
        `GH_INTERACTIONS_PACING: "${env.GH_INTERACTIONS_PACING}" is not allowed; expected "github" (pace under GitHub's secondary limits) or "off".`,
      );
    }
    tuning.pacing = pacing;
  }
  return tuning;
}

function readAppPrivateKey(env: NodeJS.ProcessEnv): string {
  const inline = env.GITHUB_APP_PRIVATE_KEY;
  if (inline && inline.trim()) {
    // CI secrets often carry the PEM with literal "\n" sequences.
    return inline.includes('\\n') ? inline.replace(/\\n/g, '\n') : inline;
  }
  const file = env.GITHUB_APP_PEM_FILE?.trim();
  if (file) {
    // A common mistake: the key itself in the variable meant for its path. Never echo it.
    if (/-----BEGIN|\n/.test(file) || file.length > 1024) {
      throw new SettingsError(
        'GITHUB_APP_PEM_FILE looks like PEM text, not a path (its value is not shown): put the key itself in GITHUB_APP_PRIVATE_KEY, or the path of the .pem file in GITHUB_APP_PEM_FILE.',
      );
    }
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'an error';
      throw new SettingsError(`GITHUB_APP_PEM_FILE: cannot read "${file}" (${code}).`);
    }
  }
  throw new SettingsError(
    'GitHub App authentication needs the private key: set GITHUB_APP_PRIVATE_KEY (PEM text) or GITHUB_APP_PEM_FILE (a path).',
  );
}

/**
 * A key OpenSSL cannot read is refused at start-up, naming the setting, not later as an error on
 * every resource. The key is parsed, never shown.
 */
function checkedPrivateKey(pem: string): string {
  try {
    createPrivateKey(pem);
  } catch {
    throw new SettingsError(
      'The GitHub App private key (GITHUB_APP_PRIVATE_KEY or GITHUB_APP_PEM_FILE) is not a PEM private key OpenSSL can read; it is not shown. Download a new key from the app settings ("Generate a private key") and pass it whole, BEGIN and END lines included.',
    );
  }
  return pem;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** A server on this machine (the emulator): no secondary limits to pace for, no write spacing. */
export function isLoopbackUrl(baseUrl: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(baseUrl).hostname.toLowerCase());
  } catch {
    return false;
  }
}

/**
 * The pacing a client applies: GitHub's figures (with any given ones over them), or undefined
 * for none. Default: on, except for a loopback URL.
 */
export function resolvePacing(
  pacing: ClientSettings['pacing'],
  baseUrl: string,
): Required<PacingSettings> | undefined {
  if (pacing === false || pacing === 'off') return undefined;
  if (pacing === undefined && isLoopbackUrl(baseUrl)) return undefined;
  const given = typeof pacing === 'object' ? stripUndefined(pacing) : {};
  const resolved = { ...GITHUB_SECONDARY_LIMITS, ...given };
  for (const [name, value] of Object.entries(resolved)) {
    if (!(typeof value === 'number' && Number.isFinite(value) && value >= 1)) {
      throw new SettingsError(
        `pacing.${name}: ${String(value)} is not allowed; expected a number >= 1.`,
      );
    }
  }
  return resolved;
}

/**
 * One spelling per server: https://api.github.com for github.com; https://HOST/api/v3 for
 * GitHub Enterprise Server, whether given as https://HOST or https://HOST/api/v3, with or without
 * a trailing slash. Loopback URLs (the emulator) are kept as given: it serves both layouts.
 */
export function normalizeBaseUrl(raw: string | undefined): string {
  const input = (raw ?? '').trim();
  if (!input) return DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw invalidBaseUrl(input, 'it is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidBaseUrl(
      input,
      `the scheme "${url.protocol.replace(/:$/, '')}" is not http or https`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw invalidBaseUrl(input, 'it must not carry a query, a fragment or credentials');
  }
  const host = url.hostname.toLowerCase();
  const path = url.pathname.replace(/\/+$/, '');
  if (host === 'github.com' || host === 'www.github.com' || host === 'api.github.com') {
    if (path && host === 'api.github.com')
      throw invalidBaseUrl(input, 'api.github.com has no path prefix');
    return DEFAULT_BASE_URL;
  }
  const origin = `${url.protocol}//${url.host}`;
  if (LOOPBACK_HOSTS.has(host) || /^api\.[^.]+\.ghe\.com$/.test(host)) return origin + path;
  if (path === '') return `${origin}/api/v3`;
  if (path === '/api/v3') return origin + path;
  throw invalidBaseUrl(input, `the path "${url.pathname}" is neither empty nor /api/v3`);
}

function invalidBaseUrl(value: string, why: string): SettingsError {
  return new SettingsError(
    `GITHUB_BASE_URL: ${shownUrl(value)} is not a usable GitHub API URL (${why}). Expected https://api.github.com, or for GitHub Enterprise Server https://HOST or https://HOST/api/v3.`,
  );
}

/**
 * A URL as an error may show it: credentials (`user:token@`) and the query (`?access_token=`)
 * are replaced by what they look like, never echoed.
 */
function shownUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return /@|token|key|secret|password/i.test(value)
      ? '(a value that is not a URL and may hold a credential; not shown)'
      : JSON.stringify(value);
  }
  const hidden: string[] = [];
  if (url.username || url.password) {
    url.username = 'CREDENTIALS';
    url.password = '';
    hidden.push('credentials');
  }
  if (url.search) {
    url.search = '?QUERY';
    hidden.push('a query');
  }
  if (hidden.length === 0) return JSON.stringify(value);
  url.hash = '';
  return `"${url.toString()}" (${hidden.join(' and ')} not shown)`;
}

let cachedVersion: string | undefined;
/** This package's version, for the user agent (`gh-interactions/<version>`). */
export function packageVersion(): string {
  if (!cachedVersion) {
    // Both src/github and dist/github sit two levels below the package root.
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    cachedVersion = pkg.version;
  }
  return cachedVersion;
}
