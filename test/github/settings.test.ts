import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_BASE_URL,
  DEFAULT_CIRCUIT_BREAKER_THRESHOLD,
  DEFAULT_REQUEST_TIMEOUT_MS,
  GITHUB_SECONDARY_LIMITS,
  SettingsError,
  createClient,
  normalizeBaseUrl,
  resolvePacing,
  settingsFromEnv,
  tuningFromEnv,
} from '../../src/github';

describe('normalizeBaseUrl: one spelling per server', () => {
  test.each([
    [undefined, 'https://api.github.com'],
    ['', 'https://api.github.com'],
    ['https://api.github.com', 'https://api.github.com'],
    ['https://api.github.com/', 'https://api.github.com'],
    ['https://github.com', 'https://api.github.com'],
    ['https://ghes.example.com', 'https://ghes.example.com/api/v3'],
    ['https://ghes.example.com/', 'https://ghes.example.com/api/v3'],
    ['https://ghes.example.com/api/v3', 'https://ghes.example.com/api/v3'],
    ['https://ghes.example.com/api/v3/', 'https://ghes.example.com/api/v3'],
    ['https://ghes.example.com:8443', 'https://ghes.example.com:8443/api/v3'],
    ['https://api.octocorp.ghe.com', 'https://api.octocorp.ghe.com'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://127.0.0.1:4010/api/v3/', 'http://127.0.0.1:4010/api/v3'],
    ['http://localhost:4010/', 'http://localhost:4010'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  test.each([
    ['api.github.com', /it is not a URL/],
    ['ftp://ghes.example.com', /the scheme "ftp" is not http or https/],
    ['https://ghes.example.com/api/v4', /the path "\/api\/v4" is neither empty nor \/api\/v3/],
  ])('refuses %s with a message naming the value and the expected forms', (input, why) => {
    const attempt = () => normalizeBaseUrl(input);
    expect(attempt).toThrow(SettingsError);
    expect(attempt).toThrow(why);
    expect(attempt).toThrow(`GITHUB_BASE_URL: "${input}"`);
    expect(attempt).toThrow('https://HOST/api/v3');
  });

  test.each([
    ['https://user:ghp_secret123@ghes.example.com', 'credentials not shown'],
    ['https://ghes.example.com/api/v3?access_token=ghp_secret123', 'a query not shown'],
    ['ghes.example.com?access_token=ghp_secret123', 'may hold a credential; not shown'],
  ])('a base URL carrying a credential is refused without echoing it: %s', (input, said) => {
    const message = (() => {
      try {
        normalizeBaseUrl(input);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toContain(said);
    expect(message).not.toContain('ghp_secret123');
  });

  test('the default is pinned', () => {
    expect(DEFAULT_BASE_URL).toBe('https://api.github.com');
  });
});

/** A real RSA key, as GitHub Apps use, made for the test. */
const PEM = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

describe('settingsFromEnv: the variables every front door shares', () => {
  test('token and base URL', () => {
    expect(
      settingsFromEnv({ GITHUB_TOKEN: ' ghp_x ', GITHUB_BASE_URL: 'https://ghes.example.com' }),
    ).toEqual({
      token: 'ghp_x',
      app: undefined,
      baseUrl: 'https://ghes.example.com',
    });
  });

  test('explicit settings win over the environment', () => {
    expect(settingsFromEnv({ GITHUB_TOKEN: 'env' }, { token: 'explicit' }).token).toBe('explicit');
  });

  test('a GitHub App from inline PEM text, with escaped newlines as CI secrets often carry them', () => {
    const settings = settingsFromEnv({
      GITHUB_APP_ID: '7',
      GITHUB_APP_INSTALLATION_ID: '42',
      GITHUB_APP_PRIVATE_KEY: PEM.replace(/\n/g, '\\n'),
    });
    expect(settings.app).toEqual({ appId: '7', installationId: '42', privateKey: PEM });
  });

  test('a GitHub App from a PEM file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ghi-')), 'app.pem');
    writeFileSync(file, PEM);
    const settings = settingsFromEnv({
      GITHUB_APP_ID: '7',
      GITHUB_APP_INSTALLATION_ID: '42',
      GITHUB_APP_PEM_FILE: file,
    });
    expect(settings.app?.privateKey).toContain('BEGIN PRIVATE KEY');
  });

  test('PEM text in GITHUB_APP_PEM_FILE, or a key OpenSSL cannot read, is refused at start-up without echoing it', () => {
    const app = { GITHUB_APP_ID: '7', GITHUB_APP_INSTALLATION_ID: '42' };
    const pemInPath = () => settingsFromEnv({ ...app, GITHUB_APP_PEM_FILE: PEM });
    expect(pemInPath).toThrow(/GITHUB_APP_PEM_FILE looks like PEM text, not a path/);
    expect(pemInPath).not.toThrow(PEM.split('\n')[1]);
    const broken =
      '-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1ieXRlcw==\n-----END PRIVATE KEY-----';
    const unreadable = () => settingsFromEnv({ ...app, GITHUB_APP_PRIVATE_KEY: broken });
    expect(unreadable).toThrow(
      /GITHUB_APP_PRIVATE_KEY or GITHUB_APP_PEM_FILE\) is not a PEM private key OpenSSL can read/,
    );
    expect(unreadable).not.toThrow('c2VjcmV0LWtleS1ieXRlcw');
  });

  test('half an App configuration is an error naming what is missing', () => {
    expect(() => settingsFromEnv({ GITHUB_APP_ID: '7' })).toThrow(
      /needs both GITHUB_APP_ID and GITHUB_APP_INSTALLATION_ID; only GITHUB_APP_ID is set/,
    );
    expect(() => settingsFromEnv({ GITHUB_APP_ID: '7', GITHUB_APP_INSTALLATION_ID: '1' })).toThrow(
      /set GITHUB_APP_PRIVATE_KEY \(PEM text\) or GITHUB_APP_PEM_FILE/,
    );
    expect(() =>
      settingsFromEnv({
        GITHUB_APP_ID: '7',
        GITHUB_APP_INSTALLATION_ID: '1',
        GITHUB_APP_PEM_FILE: '/nonexistent/app.pem',
      }),
    ).toThrow(/GITHUB_APP_PEM_FILE: cannot read "\/nonexistent\/app.pem"/);
  });
});

describe('client tuning: pacing, time-outs, deadline', () => {
  test('the defaults are pinned', () => {
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(30_000);
    expect(DEFAULT_CIRCUIT_BREAKER_THRESHOLD).toBe(10);
    expect(GITHUB_SECONDARY_LIMITS).toEqual({
      restPointsPerMinute: 900,
      graphqlPointsPerMinute: 2000,
      serverMsPerMinute: 90_000,
      maxConcurrent: 100,
      windowMs: 60_000,
    });
  });

  test('pacing: on for github.com and GHES, off for a loopback URL unless asked, overridable', () => {
    expect(resolvePacing(undefined, 'https://api.github.com')).toEqual(GITHUB_SECONDARY_LIMITS);
    expect(resolvePacing(undefined, 'https://ghe.example.com/api/v3')).toEqual(
      GITHUB_SECONDARY_LIMITS,
    );
    expect(resolvePacing(undefined, 'http://127.0.0.1:8787')).toBeUndefined();
    expect(resolvePacing('github', 'http://127.0.0.1:8787')).toEqual(GITHUB_SECONDARY_LIMITS);
    expect(resolvePacing('off', 'https://api.github.com')).toBeUndefined();
    expect(resolvePacing({ windowMs: 6000 }, 'http://127.0.0.1:1')).toEqual({
      ...GITHUB_SECONDARY_LIMITS,
      windowMs: 6000,
    });
    expect(() => resolvePacing({ restPointsPerMinute: 0 }, 'https://api.github.com')).toThrow(
      'pacing.restPointsPerMinute: 0 is not allowed; expected a number >= 1.',
    );
  });

  test('the GH_INTERACTIONS_* variables, each refused by name when malformed', () => {
    expect(
      tuningFromEnv({
        GH_INTERACTIONS_PACING: 'off',
        GH_INTERACTIONS_REQUEST_TIMEOUT_MS: '5000',
        GH_INTERACTIONS_DEADLINE_SECONDS: '600',
        GH_INTERACTIONS_MAX_RATE_LIMIT_WAIT_SECONDS: '0',
      }),
    ).toEqual({
      pacing: 'off',
      requestTimeoutMs: 5000,
      deadlineSeconds: 600,
      maxRateLimitWaitSeconds: 0,
    });
    expect(() => tuningFromEnv({ GH_INTERACTIONS_PACING: 'fast' })).toThrow(
      'GH_INTERACTIONS_PACING: "fast" is not allowed; expected "github" (pace under GitHub\'s secondary limits) or "off".',
    );
    expect(() => tuningFromEnv({ GH_INTERACTIONS_REQUEST_TIMEOUT_MS: '0' })).toThrow(
      'GH_INTERACTIONS_REQUEST_TIMEOUT_MS: "0" is not allowed; expected a whole number of milliseconds >= 1.',
    );
    expect(() => tuningFromEnv({ GH_INTERACTIONS_DEADLINE_SECONDS: 'soon' })).toThrow(
      'GH_INTERACTIONS_DEADLINE_SECONDS: "soon" is not allowed; expected a whole number of seconds >= 1.',
    );
  });

  test('createClient refuses a time-out or deadline that is not positive, naming it', () => {
    expect(() => createClient({ requestTimeoutMs: 0 })).toThrow(
      'requestTimeoutMs: 0 is not allowed; expected a number of milliseconds >= 1.',
    );
    expect(() => createClient({ deadlineSeconds: -1 })).toThrow(
      'deadlineSeconds: -1 is not allowed; expected a number of seconds > 0.',
    );
  });
});
