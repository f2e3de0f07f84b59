import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_BASE_URL,
  SettingsError,
  normalizeBaseUrl,
  settingsFromEnv,
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
    ['https://user:pw@ghes.example.com', /must not carry a query, a fragment or credentials/],
  ])('refuses %s with a message naming the value and the expected forms', (input, why) => {
    const attempt = () => normalizeBaseUrl(input);
    expect(attempt).toThrow(SettingsError);
    expect(attempt).toThrow(why);
    expect(attempt).toThrow(`GITHUB_BASE_URL: "${input}"`);
    expect(attempt).toThrow('https://HOST/api/v3');
  });

  test('the default is pinned', () => {
    expect(DEFAULT_BASE_URL).toBe('https://api.github.com');
  });
});

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
      GITHUB_APP_PRIVATE_KEY:
        '-----BEGIN RSA PRIVATE KEY-----\\nabc\\n-----END RSA PRIVATE KEY-----',
    });
    expect(settings.app).toEqual({
      appId: '7',
      installationId: '42',
      privateKey: '-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----',
    });
  });

  test('a GitHub App from a PEM file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ghi-')), 'app.pem');
    writeFileSync(file, '-----BEGIN PRIVATE KEY-----\nk\n-----END PRIVATE KEY-----\n');
    const settings = settingsFromEnv({
      GITHUB_APP_ID: '7',
      GITHUB_APP_INSTALLATION_ID: '42',
      GITHUB_APP_PEM_FILE: file,
    });
    expect(settings.app?.privateKey).toContain('BEGIN PRIVATE KEY');
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
