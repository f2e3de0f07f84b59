import * as core from '@actions/core';

/** The commands the Action runs (`command` input). `validate` needs no GitHub: run the CLI. */
export type ActionCommand = 'plan' | 'apply' | 'drift';
export const ACTION_COMMANDS: readonly ActionCommand[] = ['plan', 'apply', 'drift'];

/** Where the ETags are kept unless the `cache` input says otherwise (relative to the workspace). */
export const DEFAULT_CACHE_DIR = '.gh-interactions-cache';

export interface ActionInputs {
  readonly command: ActionCommand;
  /** The policy file, as given (relative to the working directory). */
  readonly policy: string;
  /** A fine-grained token (or classic) for the policy; absent with GitHub App auth. */
  readonly token?: string;
  readonly app?: {
    readonly appId: string;
    readonly installationId: string;
    readonly privateKey: string;
  };
  /** `''` = the runner's GITHUB_API_URL. */
  readonly baseUrl?: string;
  /** ETag cache directory; undefined = no cache. */
  readonly cacheDir?: string;
  /** Post or update the plan comment on pull requests. */
  readonly comment: boolean;
  /** The token for the pull request comment (the workflow's by default). */
  readonly commentToken?: string;
  /** Apply on a pull_request event of the repository itself (never from a fork). */
  readonly allowApplyOnPullRequest: boolean;
}

/** Bad input: the message names the input, the value (never a secret's) and what is allowed. */
export class ActionInputError extends Error {
  override readonly name = 'ActionInputError';
}

/**
 * Registers every secret input with the runner (`::add-mask::`), before anything else is
 * printed, so no log line can show one. A PEM key is masked whole and line by line (the runner
 * matches masks within a line), and in the one-line `\n` form CI secrets often carry.
 */
export function maskSecretInputs(): void {
  for (const name of ['token', 'comment-token', 'workflow-token', 'app-private-key']) {
    const value = core.getInput(name);
    if (!value) continue;
    core.setSecret(value);
    const lines = value.replace(/\\n/g, '\n').split(/\r?\n/);
    if (lines.length > 1) {
      for (const line of lines) {
        // BEGIN/END lines are public knowledge, and masking them would hide every PEM header.
        if (line.trim() && !/^-----(BEGIN|END) /.test(line.trim())) core.setSecret(line.trim());
      }
    }
  }
}

/**
 * Why the workflow's own token cannot do this job, for the error when it is given as `token` and
 * for a 403 "Resource not accessible by integration".
 */
export const WORKFLOW_TOKEN_EXPLANATION =
  "The workflow's own GITHUB_TOKEN (secrets.GITHUB_TOKEN, github.token) cannot manage interaction limits: " +
  'it is an installation token of the GitHub Actions app, scoped to the one repository that runs the workflow, ' +
  'and the `permissions:` key cannot grant it the "Administration" repository permission (write) that ' +
  'repository limits, creation caps and bypass lists need, nor organization owner rights (organization limits) ' +
  'or the "Interaction limits" user permission (the user limit). Give the Action a fine-grained personal access ' +
  'token as `token` (from a secret), or a GitHub App with `app-id`, `app-installation-id` and `app-private-key`. ' +
  'See docs/github-action.md#the-token.';

/** Reads and checks the inputs (the runner passes them as INPUT_* variables). */
export function readActionInputs(): ActionInputs {
  const command = core.getInput('command', { required: true }).trim();
  if (!ACTION_COMMANDS.includes(command as ActionCommand)) {
    throw new ActionInputError(
      `Input [command]: "${command}" is not allowed; expected one of ${ACTION_COMMANDS.join(', ')}.`,
    );
  }
  const policy = core.getInput('policy', { required: true });
  const token = core.getInput('token') || undefined;
  const appId = core.getInput('app-id') || undefined;
  const installationId = core.getInput('app-installation-id') || undefined;
  const privateKey = core.getInput('app-private-key', { trimWhitespace: false }) || undefined;
  const workflowToken = core.getInput('workflow-token') || undefined;
  const commentToken = core.getInput('comment-token') || workflowToken;

  const appParts = {
    'app-id': appId,
    'app-installation-id': installationId,
    'app-private-key': privateKey,
  };
  const given = Object.entries(appParts)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  let app: ActionInputs['app'];
  if (given.length > 0) {
    if (given.length < 3) {
      const missing = Object.keys(appParts).filter((k) => !given.includes(k));
      throw new ActionInputError(
        `GitHub App authentication needs [app-id], [app-installation-id] and [app-private-key]; [${missing.join('], [')}] ${missing.length === 1 ? 'is' : 'are'} missing.`,
      );
    }
    if (token) {
      throw new ActionInputError(
        'Give either [token] or the GitHub App inputs ([app-id], [app-installation-id], [app-private-key]), not both.',
      );
    }
    for (const [name, value] of [
      ['app-id', appId],
      ['app-installation-id', installationId],
    ] as const) {
      if (!/^\d+$/.test(value ?? '')) {
        throw new ActionInputError(
          `Input [${name}]: "${value}" is not allowed; expected the numeric id GitHub shows (e.g. 123456).`,
        );
      }
    }
    app = { appId: appId!, installationId: installationId!, privateKey: privateKey! };
  } else if (!token) {
    throw new ActionInputError(
      'Input [token] is required: a fine-grained personal access token with the "Administration" repository permission (read and write), ' +
        'or give a GitHub App with [app-id], [app-installation-id] and [app-private-key]. See docs/github-action.md#the-token.',
    );
  }
  if (token && workflowToken && token === workflowToken) {
    throw new ActionInputError(
      `Input [token] is the workflow's own GITHUB_TOKEN. ${WORKFLOW_TOKEN_EXPLANATION}`,
    );
  }

  const cacheRaw = core.getInput('cache');
  const cacheDir = /^(false|off|none)$/i.test(cacheRaw)
    ? undefined
    : cacheRaw === '' || /^true$/i.test(cacheRaw)
      ? DEFAULT_CACHE_DIR
      : cacheRaw;

  return {
    command: command as ActionCommand,
    policy,
    ...(token ? { token } : {}),
    ...(app ? { app } : {}),
    baseUrl: core.getInput('base-url') || undefined,
    ...(cacheDir ? { cacheDir } : {}),
    comment: booleanInput('comment', true),
    ...(commentToken ? { commentToken } : {}),
    allowApplyOnPullRequest: booleanInput('allow-apply-on-pull-request', false),
  };
}

/** YAML 1.2 booleans, as `core.getBooleanInput`, with a default when the input is empty. */
function booleanInput(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name);
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new ActionInputError(`Input [${name}]: "${raw}" is not allowed; expected true or false.`);
}
