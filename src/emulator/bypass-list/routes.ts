import { requireRepoAdmin } from '../auth/guards';
import type { HttpResult } from '../http/results';
import { noContent, ok, requireObjectBody, validationFailed } from '../http/results';
import type { GitHubRoute, RouteContext } from '../http/route';
import { simpleUser } from '../users/representations';
import { addBypassUsers, removeBypassUsers } from './rules';

const DOCS = {
  get: 'https://docs.github.com/rest/interactions/repos#get-pull-request-creation-cap-bypass-list-for-a-repository',
  add: 'https://docs.github.com/rest/interactions/repos#add-users-to-the-pull-request-creation-cap-bypass-list-for-a-repository',
  remove:
    'https://docs.github.com/rest/interactions/repos#remove-users-from-the-pull-request-creation-cap-bypass-list-for-a-repository',
} as const;

function change(docs: string, apply: typeof addBypassUsers) {
  return (ctx: RouteContext): HttpResult => {
    const repo = requireRepoAdmin(ctx, docs, 'write');
    if (!repo.ok) return repo.error;
    const body = requireObjectBody(ctx.rawBody, 'PullRequestCreationCapBypassList', docs);
    if (!body.ok) return body.error;
    const result = apply(ctx.state, repo.value, body.value.users);
    return result.ok ? noContent : validationFailed(docs, result.errors);
  };
}

/**
 * "Only repository admins can view the bypass list" / "can modify the bypass list" (GitHub's docs
 * page; the OpenAPI text says maintainers: the emulator follows the docs page, ASSUMPTION in
 * docs/emulator.md). Reading needs Administration write too (GitHub's docs data, per the
 * reference page).
 */
export const bypassListRoutes: readonly GitHubRoute[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/interaction-limits/pulls/bypass-list',
    docs: DOCS.get,
    auth: 'user',
    handler: (ctx) => {
      const repo = requireRepoAdmin(ctx, DOCS.get, 'write');
      if (!repo.ok) return repo.error;
      return ok(
        repo.value.bypassList.flatMap((login) => {
          const user = ctx.state.findUser(login);
          return user ? [simpleUser({ type: 'User', record: user }, ctx.urls)] : [];
        }),
      );
    },
  },
  {
    method: 'PUT',
    template: '/repos/{owner}/{repo}/interaction-limits/pulls/bypass-list',
    docs: DOCS.add,
    auth: 'user',
    handler: change(DOCS.add, addBypassUsers),
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/interaction-limits/pulls/bypass-list',
    docs: DOCS.remove,
    auth: 'user',
    handler: change(DOCS.remove, removeBypassUsers),
  },
];
