import { randomBytes } from 'node:crypto';
import type { HttpResult } from '../http/results';
import {
  notFound,
  ok,
  parseJsonBody,
  problemsParsingJson,
  validationFailed,
} from '../http/results';
import type { GitHubRoute, RouteContext } from '../http/route';
import { nodeId } from '../http/node-id';
import { isoSeconds } from '../state/time';
import { simpleUser } from '../users/representations';
import type { AppRecord, InstallationRecord } from './model';

const DOCS = {
  accessToken:
    'https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app',
  installation:
    'https://docs.github.com/rest/apps/apps#get-an-installation-for-the-authenticated-app',
} as const;

/** Installation tokens last one hour (GitHub: "expires after one hour"). */
export const INSTALLATION_TOKEN_TTL_MS = 60 * 60 * 1000;

/** What an emulated installation may do: manage interaction limits (Administration write). */
const PERMISSIONS = { administration: 'write', metadata: 'read' } as const;

/** `ghs_` + 36 base62 characters, the shape of GitHub's installation tokens. */
function newInstallationToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return `ghs_${Array.from(randomBytes(36), (b) => alphabet[b % alphabet.length]).join('')}`;
}

/** The app's own installation named in the path; another app's installation is 404. */
function ownInstallation(
  ctx: RouteContext,
): { app: AppRecord; installation: InstallationRecord } | undefined {
  if (ctx.principal.kind !== 'app') return undefined;
  const id = Number(ctx.params.installation_id);
  const found = Number.isInteger(id) ? ctx.state.findInstallation(id) : undefined;
  return found && found.app.id === ctx.principal.app.id ? found : undefined;
}

function createAccessToken(ctx: RouteContext): HttpResult {
  const found = ownInstallation(ctx);
  if (!found) return notFound(DOCS.accessToken);
  // The body (repositories, repository_ids, permissions) may narrow a token; the emulator's
  // tokens always cover the whole installation, but a malformed body is still rejected.
  const body = parseJsonBody(ctx.rawBody);
  if (body.kind === 'unparsable') return problemsParsingJson(DOCS.accessToken);
  if (body.kind === 'not-object') {
    return validationFailed(DOCS.accessToken, [
      {
        resource: 'Integration',
        code: 'invalid',
        message: 'The request body must be a JSON object.',
      },
    ]);
  }
  const token = newInstallationToken();
  const expiresAt = isoSeconds(ctx.state.now() + INSTALLATION_TOKEN_TTL_MS);
  ctx.state.addInstallationToken({
    token,
    appId: found.app.id,
    installationId: found.installation.id,
    expiresAt,
  });
  return ok(
    { token, expires_at: expiresAt, permissions: PERMISSIONS, repository_selection: 'all' },
    201,
  );
}

function getInstallation(ctx: RouteContext): HttpResult {
  const found = ownInstallation(ctx);
  const account = found && ctx.state.findAccount(found.installation.account);
  if (!found || !account) return notFound(DOCS.installation);
  const { app, installation } = found;
  return ok({
    id: installation.id,
    node_id: nodeId('Installation', installation.id),
    account: simpleUser(account, ctx.urls),
    repository_selection: 'all',
    access_tokens_url: `${ctx.urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${ctx.urls.api}/installation/repositories`,
    html_url: `${ctx.urls.html}/${account.type === 'Organization' ? `organizations/${account.record.login}/` : ''}settings/installations/${installation.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: account.record.id,
    target_type: account.type,
    permissions: PERMISSIONS,
    events: [],
    created_at: app.createdAt,
    updated_at: app.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  });
}

/** The two app endpoints `@octokit/auth-app` needs for installation authentication. */
export const appRoutes: readonly GitHubRoute[] = [
  {
    method: 'POST',
    template: '/app/installations/{installation_id}/access_tokens',
    docs: DOCS.accessToken,
    auth: 'app',
    handler: createAccessToken,
  },
  {
    method: 'GET',
    template: '/app/installations/{installation_id}',
    docs: DOCS.installation,
    auth: 'app',
    handler: getInstallation,
  },
];
