import { authenticatedUser, requireOrgOwner, requireRepoAdmin } from '../auth/guards';
import type { HttpResult, ValidationErrorItem } from '../http/results';
import {
  basicError,
  errorValue,
  noContent,
  ok,
  requireObjectBody,
  validationFailed,
} from '../http/results';
import type { GitHubRoute, RouteContext } from '../http/route';
import { DEFAULT_EXPIRY, newLimit } from './expiry';
import type { InteractionExpiry, InteractionGroup } from './model';
import {
  INTERACTION_EXPIRIES,
  INTERACTION_GROUPS,
  isInteractionExpiry,
  isInteractionGroup,
} from './model';
import type { RepoRecord } from '../state/model';
import {
  PRIVATE_REPOSITORY_MESSAGE,
  acceptsLimits,
  effectiveRepoLimit,
  orgLimit,
  ownerLimit,
  removeOrgLimit,
  removeRepoLimit,
  removeUserLimit,
  setOrgLimit,
  setRepoLimit,
  setUserLimit,
  userLimit,
} from './precedence';

/** https://docs.github.com/rest/interactions (URLs from the OpenAPI `externalDocs`). */
const DOCS = {
  getOrg:
    'https://docs.github.com/rest/interactions/orgs#get-interaction-restrictions-for-an-organization',
  setOrg:
    'https://docs.github.com/rest/interactions/orgs#set-interaction-restrictions-for-an-organization',
  removeOrg:
    'https://docs.github.com/rest/interactions/orgs#remove-interaction-restrictions-for-an-organization',
  getRepo:
    'https://docs.github.com/rest/interactions/repos#get-interaction-restrictions-for-a-repository',
  setRepo:
    'https://docs.github.com/rest/interactions/repos#set-interaction-restrictions-for-a-repository',
  removeRepo:
    'https://docs.github.com/rest/interactions/repos#remove-interaction-restrictions-for-a-repository',
  getUser:
    'https://docs.github.com/rest/interactions/user#get-interaction-restrictions-for-your-public-repositories',
  setUser:
    'https://docs.github.com/rest/interactions/user#set-interaction-restrictions-for-your-public-repositories',
  removeUser:
    'https://docs.github.com/rest/interactions/user#remove-interaction-restrictions-from-your-public-repositories',
} as const;

const WHAT = 'its interaction limits';

/** A validated `{limit, expiry?}` body (OpenAPI `interaction-limit`). */
export function parseLimitBody(
  raw: string | undefined,
  docs: string,
):
  | { ok: true; limit: InteractionGroup; expiry: InteractionExpiry }
  | { ok: false; error: HttpResult } {
  const body = requireObjectBody(raw, 'InteractionLimit', docs);
  if (!body.ok) return body;
  const { limit, expiry } = body.value;
  const errors: ValidationErrorItem[] = [];
  if (limit === undefined) {
    errors.push({
      resource: 'InteractionLimit',
      field: 'limit',
      code: 'missing_field',
      message: `limit is required; expected one of ${INTERACTION_GROUPS.join(', ')}.`,
    });
  } else if (!isInteractionGroup(limit)) {
    errors.push({
      resource: 'InteractionLimit',
      field: 'limit',
      code: 'invalid',
      message: `limit must be one of ${INTERACTION_GROUPS.join(', ')}.`,
      value: errorValue(limit),
    });
  }
  if (expiry !== undefined && !isInteractionExpiry(expiry)) {
    errors.push({
      resource: 'InteractionLimit',
      field: 'expiry',
      code: 'invalid',
      message: `expiry must be one of ${INTERACTION_EXPIRIES.join(', ')}.`,
      value: errorValue(expiry),
    });
  }
  if (errors.length > 0 || !isInteractionGroup(limit)) {
    return { ok: false, error: validationFailed(docs, errors) };
  }
  return { ok: true, limit, expiry: isInteractionExpiry(expiry) ? expiry : DEFAULT_EXPIRY };
}

/**
 * The 405 GitHub answers for a private repository's limit, on GET, PUT and DELETE (reported by
 * users, see docs/emulator.md; not in the OpenAPI description). It comes after the 404 and the
 * 403 (the caller must see the repository and administer it) and before the body is read.
 */
function privateRepository(repo: RepoRecord, docs: string): HttpResult | undefined {
  return acceptsLimits(repo) ? undefined : basicError(405, PRIVATE_REPOSITORY_MESSAGE, docs);
}

/**
 * The 409 GitHub documents for repository writes while the owner's limit is in force. GitHub's
 * 409 has no documented body; this one names the owner and the endpoint to use instead.
 */
function ownerConflict(ctx: RouteContext, docs: string): HttpResult | undefined {
  const repo = ctx.state.findRepo(ctx.params.owner ?? '', ctx.params.repo ?? '');
  const owner = repo && ownerLimit(ctx.state, repo);
  if (!owner) return undefined;
  const endpoint =
    owner.origin === 'organization'
      ? `/orgs/${owner.owner}/interaction-limits`
      : `/user/interaction-limits (as ${owner.owner})`;
  return basicError(
    409,
    `An interaction limit is set for the ${owner.origin} ${owner.owner}, which owns this repository (it expires at ${owner.record.expiresAt}); change it with ${endpoint} instead.`,
    docs,
  );
}

export const interactionLimitRoutes: readonly GitHubRoute[] = [
  {
    method: 'GET',
    template: '/orgs/{org}/interaction-limits',
    docs: DOCS.getOrg,
    auth: 'user',
    handler: (ctx) => {
      const org = requireOrgOwner(ctx, DOCS.getOrg, WHAT);
      if (!org.ok) return org.error;
      // "If there is no restrictions, you will see an empty response": 200 with `{}`.
      return ok(orgLimit(ctx.state, org.value) ?? {});
    },
  },
  {
    method: 'PUT',
    template: '/orgs/{org}/interaction-limits',
    docs: DOCS.setOrg,
    auth: 'user',
    handler: (ctx) => {
      const org = requireOrgOwner(ctx, DOCS.setOrg, WHAT);
      if (!org.ok) return org.error;
      const body = parseLimitBody(ctx.rawBody, DOCS.setOrg);
      if (!body.ok) return body.error;
      setOrgLimit(ctx.state, org.value, newLimit(body.limit, body.expiry, ctx.state.now()));
      return ok(orgLimit(ctx.state, org.value));
    },
  },
  {
    method: 'DELETE',
    template: '/orgs/{org}/interaction-limits',
    docs: DOCS.removeOrg,
    auth: 'user',
    handler: (ctx) => {
      const org = requireOrgOwner(ctx, DOCS.removeOrg, WHAT);
      if (!org.ok) return org.error;
      removeOrgLimit(ctx.state, org.value);
      return noContent;
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/interaction-limits',
    docs: DOCS.getRepo,
    auth: 'user',
    handler: (ctx) => {
      const repo = requireRepoAdmin(ctx, DOCS.getRepo, 'read');
      if (!repo.ok) return repo.error;
      const unsupported = privateRepository(repo.value, DOCS.getRepo);
      if (unsupported) return unsupported;
      return ok(effectiveRepoLimit(ctx.state, repo.value) ?? {});
    },
  },
  {
    method: 'PUT',
    template: '/repos/{owner}/{repo}/interaction-limits',
    docs: DOCS.setRepo,
    auth: 'user',
    handler: (ctx) => {
      const repo = requireRepoAdmin(ctx, DOCS.setRepo, 'write');
      if (!repo.ok) return repo.error;
      const unsupported = privateRepository(repo.value, DOCS.setRepo);
      if (unsupported) return unsupported;
      const body = parseLimitBody(ctx.rawBody, DOCS.setRepo);
      if (!body.ok) return body.error;
      const conflict = ownerConflict(ctx, DOCS.setRepo);
      if (conflict) return conflict;
      setRepoLimit(ctx.state, repo.value, newLimit(body.limit, body.expiry, ctx.state.now()));
      return ok(effectiveRepoLimit(ctx.state, repo.value));
    },
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/interaction-limits',
    docs: DOCS.removeRepo,
    auth: 'user',
    handler: (ctx) => {
      const repo = requireRepoAdmin(ctx, DOCS.removeRepo, 'write');
      if (!repo.ok) return repo.error;
      const unsupported = privateRepository(repo.value, DOCS.removeRepo);
      if (unsupported) return unsupported;
      const conflict = ownerConflict(ctx, DOCS.removeRepo);
      if (conflict) return conflict;
      removeRepoLimit(ctx.state, repo.value);
      return noContent;
    },
  },
  {
    method: 'GET',
    template: '/user/interaction-limits',
    docs: DOCS.getUser,
    auth: 'user-only',
    handler: (ctx) => {
      const limit = userLimit(ctx.state, authenticatedUser(ctx));
      // Documented: "Response when there are no restrictions": 204.
      return limit ? ok(limit) : noContent;
    },
  },
  {
    method: 'PUT',
    template: '/user/interaction-limits',
    docs: DOCS.setUser,
    auth: 'user-only',
    handler: (ctx) => {
      const body = parseLimitBody(ctx.rawBody, DOCS.setUser);
      if (!body.ok) return body.error;
      const user = authenticatedUser(ctx);
      setUserLimit(ctx.state, user, newLimit(body.limit, body.expiry, ctx.state.now()));
      return ok(userLimit(ctx.state, user));
    },
  },
  {
    method: 'DELETE',
    template: '/user/interaction-limits',
    docs: DOCS.removeUser,
    auth: 'user-only',
    handler: (ctx) => {
      removeUserLimit(ctx.state, authenticatedUser(ctx));
      return noContent;
    },
  },
];
