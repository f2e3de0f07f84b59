import { Config } from '@pulumi/pulumi/cmd/dynamic-provider/config';
import { generateKeyPairSync } from 'node:crypto';
import {
  CONFIG_KEYS,
  configureConnection,
  connectionSettings,
  readConnectionConfig,
  resetConnection,
} from '../../src/pulumi/runtime/connection';

/** The stack config as the dynamic-provider server hands it to `configure` (namespaced keys). */
function stackConfig(raw: Record<string, string>) {
  return new Config(raw, 'my-project');
}

const PEM = generateKeyPairSync('rsa', { modulusLength: 1024 })
  .privateKey.export({ type: 'pkcs1', format: 'pem' })
  .toString();

afterEach(() => resetConnection());

describe('credentials: the config keys of @pulumi/github first, the environment variables as the fallback', () => {
  test('the keys are github:token, github:baseUrl and github:appAuth', () => {
    expect(CONFIG_KEYS).toEqual({
      token: 'github:token',
      baseUrl: 'github:baseUrl',
      appAuth: 'github:appAuth',
    });
  });

  test('github:token and github:baseUrl win over GITHUB_TOKEN and GITHUB_BASE_URL', () => {
    configureConnection(
      stackConfig({ 'github:token': 'ghp_config', 'github:baseUrl': 'https://ghe.example.com' }),
    );
    expect(
      connectionSettings(undefined, {
        GITHUB_TOKEN: 'ghp_env',
        GITHUB_BASE_URL: 'https://other.example.com',
      }),
    ).toEqual({ token: 'ghp_config', baseUrl: 'https://ghe.example.com' });
  });

  test('without config, the environment variables of every front door', () => {
    configureConnection(stackConfig({}));
    expect(
      connectionSettings(undefined, {
        GITHUB_TOKEN: 'ghp_env',
        GITHUB_BASE_URL: 'http://127.0.0.1:1',
      }),
    ).toMatchObject({ token: 'ghp_env', baseUrl: 'http://127.0.0.1:1' });
    // An engine that sends no Configure: the SDK's Config has no map, and get() throws.
    configureConnection(new Config(undefined as never, 'my-project'));
    expect(connectionSettings(undefined, { GITHUB_TOKEN: 'ghp_env' })).toMatchObject({
      token: 'ghp_env',
    });
    // configure never called at all: the environment too.
    resetConnection();
    expect(connectionSettings(undefined, { GITHUB_TOKEN: 'ghp_env' })).toMatchObject({
      token: 'ghp_env',
    });
  });

  test('github:appAuth as @pulumi/github takes it: JSON text from `pulumi config set --path`, secrets inside', () => {
    const secretPem = {
      '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270',
      value: PEM.replace(/\n/g, '\\n'),
    };
    const config = readConnectionConfig(
      stackConfig({
        'github:appAuth': JSON.stringify({ id: '123', installationId: 456, pemFile: secretPem }),
        'github:token': 'ghp_ignored_when_an_app_is_configured',
      }),
    );
    expect(connectionSettings(config, { GITHUB_TOKEN: 'ghp_env' })).toEqual({
      app: { appId: '123', installationId: '456', privateKey: PEM },
    });
  });

  test('a bad github:appAuth names the field and never echoes a value', () => {
    const missing = () =>
      connectionSettings({ appAuth: JSON.stringify({ id: '123', pemFile: PEM }) }, {});
    expect(missing).toThrow(/github:appAuth: installationId is missing/);
    const notPem = () =>
      connectionSettings(
        { appAuth: { id: '1', installationId: '2', pemFile: 'secret-not-a-pem' } },
        {},
      );
    expect(notPem).toThrow(/github:appAuth.pemFile: not PEM text/);
    expect(notPem).not.toThrow(/secret-not-a-pem/);
    const notJson = () => connectionSettings({ appAuth: 'secret{' }, {});
    expect(notJson).toThrow(/github:appAuth: not a JSON object/);
    expect(notJson).not.toThrow(/secret\{/);
  });

  test('no credentials at all: the error says what to set, in config and in the environment', () => {
    expect(() => connectionSettings({}, {})).toThrow(
      /pulumi config set --secret github:token .*GITHUB_TOKEN/,
    );
  });
});
