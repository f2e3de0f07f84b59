import type { Guarded } from '../auth/guards';
import { requireOrgOwner, requireRepoAdmin } from '../auth/guards';
import type { HttpResult } from '../http/results';
import { basicError, ok, requireObjectBody, validationFailed } from '../http/results';
import type { GitHubRoute, RouteContext } from '../http/route';
import type { OrgRecord, RepoRecord } from '../state/model';
import { creationCapOf, parseCreationCapPatch, updateCreationCap } from './rules';

const DOCS = {
  getOrg: 'https://docs.github.com/rest/interactions/orgs#get-pull-request-creation-cap-for-an-org',
  updateOrg:
    'https://docs.github.com/rest/interactions/orgs#update-pull-request-creation-cap-for-an-org',
  getRepo:
    'https://docs.github.com/rest/interactions/repos#get-pull-request-creation-cap-for-a-repository',
  updateRepo:
    'https://docs.github.com/rest/interactions/repos#update-pull-request-creation-cap-for-a-repository',
} as const;

/**
 * 405 is documented for both operations with a Basic Error body; the emulator uses it for an org
 * or repository where the cap is not available (seed `creationCapAvailable: false`; what exactly
 * makes GitHub answer 405 is not documented, ASSUMPTION).
 */
function notAvailable(target: OrgRecord | RepoRecord, docs: string): HttpResult | undefined {
  if (target.creationCapAvailable) return undefined;
  const what =
    'owner' in target
      ? `the repository ${target.owner}/${target.name}`
      : `the organization ${target.login}`;
  return basicError(405, `The pull request creation cap is not available for ${what}.`, docs);
}

function getCap(guard: (ctx: RouteContext) => Guarded<OrgRecord | RepoRecord>, docs: string) {
  return (ctx: RouteContext): HttpResult => {
    const target = guard(ctx);
    if (!target.ok) return target.error;
    return notAvailable(target.value, docs) ?? ok(creationCapOf(target.value));
  };
}

function patchCap(guard: (ctx: RouteContext) => Guarded<OrgRecord | RepoRecord>, docs: string) {
  return (ctx: RouteContext): HttpResult => {
    const target = guard(ctx);
    if (!target.ok) return target.error;
    const unavailable = notAvailable(target.value, docs);
    if (unavailable) return unavailable;
    const body = requireObjectBody(ctx.rawBody, 'PullRequestCreationCap', docs);
    if (!body.ok) return body.error;
    const parsed = parseCreationCapPatch(body.value, true);
    if (!parsed.ok) return validationFailed(docs, parsed.errors);
    return ok(updateCreationCap(ctx.state, target.value, parsed.patch));
  };
}

const WHAT = 'its pull request creation cap';

export const creationCapRoutes: readonly GitHubRoute[] = [
  {
    method: 'GET',
    template: '/orgs/{org}/interaction-limits/pulls/creation-cap',
    docs: DOCS.getOrg,
    auth: 'user',
    handler: getCap((ctx) => requireOrgOwner(ctx, DOCS.getOrg, WHAT), DOCS.getOrg),
  },
  {
    method: 'PATCH',
    template: '/orgs/{org}/interaction-limits/pulls/creation-cap',
    docs: DOCS.updateOrg,
    auth: 'user',
    handler: patchCap((ctx) => requireOrgOwner(ctx, DOCS.updateOrg, WHAT), DOCS.updateOrg),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/interaction-limits/pulls/creation-cap',
    docs: DOCS.getRepo,
    auth: 'user',
    // Reading the cap needs Administration write, like changing it (GitHub's docs data).
    handler: getCap((ctx) => requireRepoAdmin(ctx, DOCS.getRepo, 'write'), DOCS.getRepo),
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/interaction-limits/pulls/creation-cap',
    docs: DOCS.updateRepo,
    auth: 'user',
    handler: patchCap((ctx) => requireRepoAdmin(ctx, DOCS.updateRepo, 'write'), DOCS.updateRepo),
  },
];
