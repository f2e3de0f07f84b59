import { readFileSync } from 'node:fs';
import type { ClientSettings } from '../github';
import { SettingsError, normalizeBaseUrl, settingsFromEnv } from '../github';
import type { CtyValue, Diagnostic } from './protocol';
import { errorDiagnostic, isUnknown, isWhollyKnown } from './protocol';

/**
 * The provider block, turned into the client settings every front door shares (DESIGN.md):
 *
 * ```hcl
 * provider "ghinteractions" {
 *   token    = var.github_token      # default GITHUB_TOKEN
 *   base_url = "https://ghe.example" # default GITHUB_BASE_URL, else https://api.github.com
 *   app_auth {                       # instead of a token; an empty block reads the environment
 *     id              = "123"        # default GITHUB_APP_ID
 *     installation_id = "456"        # default GITHUB_APP_INSTALLATION_ID
 *     pem_file        = file("app.pem") # default GITHUB_APP_PRIVATE_KEY or GITHUB_APP_PEM_FILE
 *   }
 * }
 * ```
 *
 * What is set in the block wins over the environment. Nothing here is ever logged or stored: the
 * token and the key go into the client and nowhere else.
 */

export interface ProviderConfig {
  readonly token?: string;
  readonly baseUrl?: string;
  readonly appAuth?: {
    readonly id?: string;
    readonly installationId?: string;
    readonly pemFile?: string;
  };
}

/** The configuration's values, or undefined when some are not known yet (they depend on resources). */
export function readProviderConfig(value: CtyValue): ProviderConfig | undefined {
  if (value === null) return {};
  if (!isWhollyKnown(value)) return undefined;
  const config = value as Record<string, CtyValue>;
  const text = (v: CtyValue | undefined) =>
    typeof v === 'string' && v.trim() !== '' ? v : undefined;
  const appAuth = config.app_auth as Record<string, CtyValue> | null | undefined;
  return {
    ...(text(config.token) ? { token: text(config.token)!.trim() } : {}),
    ...(text(config.base_url) ? { baseUrl: text(config.base_url)!.trim() } : {}),
    ...(appAuth
      ? {
          appAuth: {
            ...(text(appAuth.id) ? { id: text(appAuth.id)!.trim() } : {}),
            ...(text(appAuth.installation_id)
              ? { installationId: text(appAuth.installation_id)!.trim() }
              : {}),
            ...(text(appAuth.pem_file) ? { pemFile: text(appAuth.pem_file) } : {}),
          },
        }
      : {}),
  };
}

/**
 * Problems Terraform can show before anything runs (ValidateProviderConfig): only what the
 * configuration itself says, since the environment may differ where it is applied.
 */
export function validateProviderConfig(value: CtyValue): Diagnostic[] {
  if (value === null) return [];
  const config = value as Record<string, CtyValue>;
  const baseUrl = config.base_url;
  if (typeof baseUrl === 'string' && !isUnknown(baseUrl)) {
    const problem = baseUrlProblem(baseUrl, 'base_url');
    if (problem) return [problem];
  }
  return [];
}

function baseUrlProblem(raw: string, name: string): Diagnostic | undefined {
  try {
    normalizeBaseUrl(raw);
    return undefined;
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return errorDiagnostic(
      `Invalid ${name}`,
      error.message.replace(/^GITHUB_BASE_URL:/, `${name}:`),
      name === 'base_url' ? ['base_url'] : undefined,
    );
  }
}

/** No token and no App: what to set, in the provider block or the environment. */
export const NO_CREDENTIALS_DETAIL =
  'Set `token` in the provider block (mark the variable it comes from `sensitive`), or the ' +
  'GITHUB_TOKEN environment variable; or authenticate as a GitHub App with an `app_auth` block ' +
  'or GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID and GITHUB_APP_PRIVATE_KEY (or ' +
  'GITHUB_APP_PEM_FILE). To try the provider locally, run `gh-interactions emulator` and set ' +
  'base_url to the URL it prints and token to gho_emulator_octocat.';

/**
 * The client settings, or the diagnostics that say what is missing or wrong (each attached to the
 * setting it is about).
 */
export function clientSettingsFrom(
  config: ProviderConfig,
  env: NodeJS.ProcessEnv,
): { settings: ClientSettings; diagnostics: [] } | { diagnostics: Diagnostic[] } {
  const fromEnvironment = !config.baseUrl && Boolean(env.GITHUB_BASE_URL?.trim());
  const baseUrl = config.baseUrl ?? (env.GITHUB_BASE_URL?.trim() || undefined);
  if (baseUrl) {
    const problem = baseUrlProblem(baseUrl, fromEnvironment ? 'GITHUB_BASE_URL' : 'base_url');
    if (problem) return { diagnostics: [problem] };
  }
  const connection = { ...(baseUrl ? { baseUrl } : {}) };

  if (config.appAuth) {
    const appAuth = config.appAuth;
    const appId = appAuth.id ?? (env.GITHUB_APP_ID?.trim() || undefined);
    const installationId =
      appAuth.installationId ?? (env.GITHUB_APP_INSTALLATION_ID?.trim() || undefined);
    const diagnostics: Diagnostic[] = [];
    if (!appId) {
      diagnostics.push(
        errorDiagnostic(
          'Missing app_auth.id',
          'Set `id` in the `app_auth` block, or GITHUB_APP_ID, to the GitHub App id.',
          ['app_auth', 'id'],
        ),
      );
    }
    if (!installationId) {
      diagnostics.push(
        errorDiagnostic(
          'Missing app_auth.installation_id',
          'Set `installation_id` in the `app_auth` block, or GITHUB_APP_INSTALLATION_ID, to the id of the App’s installation.',
          ['app_auth', 'installation_id'],
        ),
      );
    }
    const key = appPrivateKey(appAuth.pemFile, {
      ...env,
      GITHUB_APP_ID: appId ?? 'unset',
      GITHUB_APP_INSTALLATION_ID: installationId ?? 'unset',
    });
    if ('diagnostic' in key) diagnostics.push(key.diagnostic);
    if (diagnostics.length > 0 || !appId || !installationId || !('privateKey' in key)) {
      return { diagnostics };
    }
    return {
      settings: { ...connection, app: { appId, installationId, privateKey: key.privateKey } },
      diagnostics: [],
    };
  }

  if (config.token) return { settings: { ...connection, token: config.token }, diagnostics: [] };

  let settings: ClientSettings;
  try {
    settings = settingsFromEnv(env, connection);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return { diagnostics: [errorDiagnostic('Invalid GitHub App settings', error.message)] };
  }
  if (!settings.token && !settings.app) {
    return {
      diagnostics: [errorDiagnostic('No GitHub credentials', NO_CREDENTIALS_DETAIL, ['token'])],
    };
  }
  return { settings, diagnostics: [] };
}

const PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/**
 * `pem_file` is the key's PEM text, as `integrations/github` takes it (`file("app.pem")`, with
 * literal `\n` accepted); anything else is read as the path of a PEM file. Neither the value nor
 * the file's content is ever put in a message.
 */
function appPrivateKey(
  pemFile: string | undefined,
  env: NodeJS.ProcessEnv,
): { privateKey: string } | { diagnostic: Diagnostic } {
  const path = ['app_auth', 'pem_file'];
  if (pemFile !== undefined) {
    if (PEM.test(pemFile.replace(/\\n/g, '\n'))) {
      return { privateKey: pemFile.includes('\\n') ? pemFile.replace(/\\n/g, '\n') : pemFile };
    }
    try {
      const text = readFileSync(pemFile.trim(), 'utf8');
      if (PEM.test(text)) return { privateKey: text };
    } catch {
      // Reported below without echoing a value that may be a mangled key.
    }
    return {
      diagnostic: errorDiagnostic(
        'Invalid app_auth.pem_file',
        'pem_file is neither PEM text (-----BEGIN … PRIVATE KEY-----) nor the path of a readable PEM file. Use file("app.pem") or the file’s path.',
        path,
      ),
    };
  }
  // The environment's key, read as every front door reads it (GITHUB_APP_PRIVATE_KEY, else the
  // file GITHUB_APP_PEM_FILE names).
  try {
    return { privateKey: settingsFromEnv(env).app!.privateKey };
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return {
      diagnostic: errorDiagnostic(
        'Missing app_auth.pem_file',
        `Set pem_file in the app_auth block, or: ${error.message}`,
        path,
      ),
    };
  }
}
