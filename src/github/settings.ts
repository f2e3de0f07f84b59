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
  /** Retries of 5xx and network errors. @default DEFAULT_RETRIES */
  readonly retries?: number;
  /**
   * Milliseconds per second of back-off: 5xx retries wait `(n+1)^2 * base`, rate limits wait
   * `retry-after * base`. Only tests change it. @default 1000
   */
  readonly retryBaseMs?: number;
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
    ...stripUndefined(overrides),
  };
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
