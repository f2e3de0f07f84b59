import type { HttpResult } from '../http/results';
import { basicError, notFound } from '../http/results';
import type { RouteContext } from '../http/route';
import type { OrgRecord, RepoRecord, UserRecord } from '../state/model';
import { NOT_ACCESSIBLE_BY_INTEGRATION } from './authenticate';
import { canSee, isOrgOwner, repoRole } from './permissions';

/** Either what the route needs, or the error GitHub would answer instead. */
export type Guarded<T> = { ok: true; value: T } | { ok: false; error: HttpResult };

/**
 * The org named in the path, if the caller owns it. Unknown orgs (and user accounts used as
 * orgs) are 404; non-owners get 403: "You must be an organization owner ..." (the docs say "You
 * must be an organization owner to set these restrictions").
 */
export function requireOrgOwner(ctx: RouteContext, docs: string, what: string): Guarded<OrgRecord> {
  const org = ctx.state.findOrg(ctx.params.org ?? '');
  if (!org) return { ok: false, error: notFound(docs) };
  if (!isOrgOwner(ctx.principal, org)) {
    const message =
      ctx.principal.kind === 'installation'
        ? NOT_ACCESSIBLE_BY_INTEGRATION
        : `You must be an organization owner of ${org.login} to view or change ${what}.`;
    return { ok: false, error: basicError(403, message, docs) };
  }
  return { ok: true, value: org };
}

/**
 * The repository named in the path, if the caller is an admin of it. Repositories the caller
 * cannot see are 404 (GitHub hides private repositories); others get GitHub's 403, naming the
 * fine-grained permission the docs list ("Administration" repository permission, read for GET,
 * write otherwise).
 */
export function requireRepoAdmin(
  ctx: RouteContext,
  docs: string,
  access: 'read' | 'write',
): Guarded<RepoRecord> {
  const repo = findVisibleRepo(ctx);
  if (!repo) return { ok: false, error: notFound(docs) };
  if (repoRole(ctx.state, ctx.principal, repo) !== 'admin') {
    const message =
      ctx.principal.kind === 'installation'
        ? NOT_ACCESSIBLE_BY_INTEGRATION
        : `Must have admin rights to Repository. Fine-grained tokens need the "Administration" repository permission (${access}).`;
    return { ok: false, error: basicError(403, message, docs) };
  }
  return { ok: true, value: repo };
}

export function findVisibleRepo(ctx: RouteContext): RepoRecord | undefined {
  const repo = ctx.state.findRepo(ctx.params.owner ?? '', ctx.params.repo ?? '');
  return repo && canSee(ctx.state, ctx.principal, repo) ? repo : undefined;
}

/** The token's user for `/user/...` routes (the route's auth already excluded everything else). */
export function authenticatedUser(ctx: RouteContext): UserRecord {
  if (ctx.principal.kind !== 'user') {
    throw new Error(`BUG: a user-only route ran for a ${ctx.principal.kind} principal`);
  }
  return ctx.principal.user;
}
