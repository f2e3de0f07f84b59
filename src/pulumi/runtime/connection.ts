import type * as pulumi from '@pulumi/pulumi';
import type { ClientSettings, GitHubAppCredentials, GitHubClient } from '../../github';
import { createClient, settingsFromEnv, SettingsError } from '../../github';

/**
 * The stack configuration keys the provider reads: the names `@pulumi/github` uses, so a stack
 * that already manages GitHub with it needs nothing new.
 * https://www.pulumi.com/registry/packages/github/installation-configuration/
 */
export const CONFIG_KEYS = {
  token: 'github:token',
  baseUrl: 'github:baseUrl',
  appAuth: 'github:appAuth',
} as const;

/** What the stack configuration says about the connection (values as strings, or absent). */
export interface PulumiConnectionConfig {
  readonly token?: string;
  readonly baseUrl?: string;
  /** JSON text `{"id": …, "installationId": …, "pemFile": "-----BEGIN …"}`, or an object. */
  readonly appAuth?: unknown;
}

// Set by `configure` in Pulumi's provider process, read by every operation there. Module state of
// that process, never a property of the provider object Pulumi serializes into the state.
let configured: PulumiConnectionConfig | undefined;

/** Pulumi calls the provider's `configure` once per provider process, before any operation. */
export function configureConnection(config: pulumi.dynamic.Config): void {
  configured = readConnectionConfig(config);
}

/** Forgets what `configure` read (tests). */
export function resetConnection(): void {
  configured = undefined;
}

export function readConnectionConfig(config: pulumi.dynamic.Config): PulumiConnectionConfig {
  const raw = (key: string): unknown => {
    try {
      return config.get(key);
    } catch (error) {
      // The SDK's Config reads a config map the engine sends with Configure; an engine that sent
      // none leaves it undefined and get() throws a TypeError. No stack config: the environment.
      if (error instanceof TypeError) return undefined;
      throw error;
    }
  };
  const get = (key: string): string | undefined => {
    const value = raw(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const token = get(CONFIG_KEYS.token);
  const baseUrl = get(CONFIG_KEYS.baseUrl);
  const appAuth = raw(CONFIG_KEYS.appAuth);
  return {
    ...(token !== undefined ? { token } : {}),
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(appAuth !== undefined && appAuth !== null && appAuth !== '' ? { appAuth } : {}),
  };
}

/**
 * The client settings: the stack configuration first (`github:appAuth`, else `github:token`;
 * `github:baseUrl`), the environment variables every front door shares as the fallback
 * (`GITHUB_TOKEN`, `GITHUB_BASE_URL`, `GITHUB_APP_*`). Throws SettingsError naming what to set;
 * never a value.
 */
export function connectionSettings(
  config: PulumiConnectionConfig = configured ?? {},
  env: NodeJS.ProcessEnv = process.env,
): ClientSettings {
  const baseUrl = config.baseUrl ?? (env.GITHUB_BASE_URL?.trim() || undefined);
  const withBase = baseUrl !== undefined ? { baseUrl } : {};
  if (config.appAuth !== undefined) return { app: appCredentials(config.appAuth), ...withBase };
  if (config.token !== undefined) return { token: config.token, ...withBase };
  const fromEnv = settingsFromEnv(env);
  if (!fromEnv.token && !fromEnv.app) {
    throw new SettingsError(
      `No GitHub credentials for gh-interactions: set the stack configuration \`pulumi config set --secret ${CONFIG_KEYS.token} <token>\` ` +
        `(or ${CONFIG_KEYS.appAuth} for a GitHub App: id, installationId, pemFile), or GITHUB_TOKEN ` +
        '(or GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID and GITHUB_APP_PRIVATE_KEY) in the environment pulumi runs in.',
    );
  }
  return { ...fromEnv, ...withBase };
}

/** A client for one operation, from the configured connection. */
export function connect(): GitHubClient {
  return createClient(connectionSettings());
}

// Pulumi hands a secret value inside an object as { [SECRET_SIG]: SECRET_VALUE_SIG, value }.
// https://github.com/pulumi/pulumi/blob/master/sdk/nodejs/runtime/rpc.ts (specialSigKey)
const SPECIAL_SIG_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

function unwrapSecret(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (record[SPECIAL_SIG_KEY] === SECRET_SIG) return unwrapSecret(record.value);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecret(v)]));
  }
  return value;
}

/** `github:appAuth` as `@pulumi/github` takes it: `{ id, installationId, pemFile }` (PEM text). */
function appCredentials(raw: unknown): GitHubAppCredentials {
  const where = CONFIG_KEYS.appAuth;
  let value = unwrapSecret(raw);
  if (typeof value === 'string') {
    try {
      value = unwrapSecret(JSON.parse(value));
    } catch {
      throw new SettingsError(
        `${where}: not a JSON object; expected { "id", "installationId", "pemFile" } as @pulumi/github takes it ` +
          `(e.g. \`pulumi config set --path ${where}.id 123\`, \`pulumi config set --secret --path ${where}.pemFile -- "$(cat app.pem)"\`).`,
      );
    }
  }
  const record = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const field = record[key];
    if (typeof field === 'number') return String(field);
    return typeof field === 'string' && field.trim() !== '' ? field.trim() : undefined;
  };
  const appId = text('id');
  const installationId = text('installationId');
  const pem = text('pemFile');
  const missing = [
    ...(appId === undefined ? ['id'] : []),
    ...(installationId === undefined ? ['installationId'] : []),
    ...(pem === undefined ? ['pemFile'] : []),
  ];
  if (missing.length > 0 || !appId || !installationId || !pem) {
    throw new SettingsError(
      `${where}: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing; expected { "id", "installationId", "pemFile" } (pemFile: the PEM text, as @pulumi/github takes it).`,
    );
  }
  // CI secrets often carry the PEM with literal "\n" sequences.
  const privateKey = pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem;
  if (!privateKey.includes('-----BEGIN')) {
    throw new SettingsError(
      `${where}.pemFile: not PEM text; expected the private key itself ("-----BEGIN … PRIVATE KEY-----"), as @pulumi/github takes it, not a path.`,
    );
  }
  return { appId, installationId, privateKey };
}
