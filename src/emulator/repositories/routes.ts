import { findVisibleRepo } from '../auth/guards';
import type { RepoRole } from '../auth/permissions';
import { canSee, repoRole } from '../auth/permissions';
import { paginate } from '../http/pagination';
import type { HttpResult } from '../http/results';
import { notFound, ok } from '../http/results';
import type { GitHubRoute, RouteContext } from '../http/route';
import { queryString } from '../http/route';
import type { RepoRecord } from '../state/model';
import { fullRepository, minimalRepository } from './representations';

const DOCS = {
  orgRepos: 'https://docs.github.com/rest/repos/repos#list-organization-repositories',
  userRepos: 'https://docs.github.com/rest/repos/repos#list-repositories-for-a-user',
  repo: 'https://docs.github.com/rest/repos/repos#get-a-repository',
} as const;

const SORTS = ['created', 'updated', 'pushed', 'full_name'] as const;
type Sort = (typeof SORTS)[number];

/**
 * Sorting as documented: `sort` defaults to `created` for org repositories and `full_name` for
 * user repositories; `direction` defaults to asc for full_name, desc otherwise. Unknown values
 * fall back to the defaults, as GitHub's list endpoints ignore them (ASSUMPTION).
 */
function sortRepos(repos: RepoRecord[], ctx: RouteContext, defaultSort: Sort): RepoRecord[] {
  const requested = queryString(ctx.query.sort);
  const sort: Sort = (SORTS as readonly string[]).includes(requested ?? '')
    ? (requested as Sort)
    : defaultSort;
  const requestedDirection = queryString(ctx.query.direction);
  const direction =
    requestedDirection === 'asc' || requestedDirection === 'desc'
      ? requestedDirection
      : sort === 'full_name'
        ? 'asc'
        : 'desc';
  const key = (r: RepoRecord) =>
    sort === 'full_name'
      ? `${r.owner}/${r.name}`.toLowerCase()
      : `${r.createdAt}#${String(r.id).padStart(12, '0')}`;
  const sorted = [...repos].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return direction === 'asc' ? sorted : sorted.reverse();
}

function listPage(
  ctx: RouteContext,
  repos: RepoRecord[],
  defaultSort: Sort,
  roleOf: (repo: RepoRecord) => RepoRole | undefined,
): HttpResult {
  const page = paginate(
    sortRepos(repos, ctx, defaultSort),
    ctx.query,
    `${ctx.urls.api}${ctx.path}`,
  );
  const anonymous = ctx.principal.kind === 'anonymous';
  return {
    status: 200,
    body: page.items.map((r) =>
      minimalRepository(ctx.state, r, ctx.urls, anonymous ? null : roleOf(r)),
    ),
    headers: page.link ? { link: page.link } : undefined,
  };
}

export const repositoryRoutes: readonly GitHubRoute[] = [
  {
    method: 'GET',
    template: '/orgs/{org}/repos',
    docs: DOCS.orgRepos,
    auth: 'public',
    handler: (ctx) => {
      const org = ctx.state.findOrg(ctx.params.org ?? '');
      if (!org) return notFound(DOCS.orgRepos);
      const roleOf = (r: RepoRecord) => repoRole(ctx.state, ctx.principal, r);
      const visible = ctx.state
        .reposOwnedBy(org.login)
        .filter((r) => canSee(ctx.state, ctx.principal, r));
      // `type`: all (default) | public | private | forks | sources | member. The emulator has no
      // forks, so `forks` is empty and `sources` is everything.
      const type = queryString(ctx.query.type);
      const selected = visible.filter((r) => {
        switch (type) {
          case 'public':
            return r.visibility === 'public';
          case 'private':
            return r.visibility === 'private';
          case 'forks':
            return false;
          case 'member':
            return roleOf(r) !== undefined;
          default:
            return true;
        }
      });
      return listPage(ctx, selected, 'created', roleOf);
    },
  },
  {
    method: 'GET',
    template: '/users/{username}/repos',
    docs: DOCS.userRepos,
    auth: 'public',
    handler: (ctx) => {
      const account = ctx.state.findAccount(ctx.params.username ?? '');
      if (!account) return notFound(DOCS.userRepos);
      const roleOf = (r: RepoRecord) => repoRole(ctx.state, ctx.principal, r);
      const login = account.record.login.toLowerCase();
      const owned = ctx.state.reposOwnedBy(login);
      // `type`: owner (default) | member | all. "member" = repositories the account collaborates
      // on without owning them.
      const memberOf =
        account.type === 'User'
          ? ctx.state.data.repos.filter(
              (r) =>
                r.owner.toLowerCase() !== login &&
                repoRole(ctx.state, { kind: 'user', user: account.record }, r) !== undefined,
            )
          : [];
      const type = queryString(ctx.query.type);
      const selected =
        type === 'member' ? memberOf : type === 'all' ? [...owned, ...memberOf] : owned;
      const visible = selected.filter((r) => canSee(ctx.state, ctx.principal, r));
      return listPage(ctx, visible, 'full_name', roleOf);
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}',
    docs: DOCS.repo,
    auth: 'public',
    handler: (ctx) => {
      const repo = findVisibleRepo(ctx);
      if (!repo) return notFound(DOCS.repo);
      const role =
        ctx.principal.kind === 'anonymous' ? null : repoRole(ctx.state, ctx.principal, repo);
      return ok(fullRepository(ctx.state, repo, ctx.urls, role));
    },
  },
];
