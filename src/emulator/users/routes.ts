import { authenticatedUser } from '../auth/guards';
import { notFound, ok } from '../http/results';
import type { GitHubRoute } from '../http/route';
import { privateUser, publicUser } from './representations';

const DOCS = {
  authenticated: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
  user: 'https://docs.github.com/rest/users/users#get-a-user',
} as const;

/** `GET /user` (the token's user, how clients learn who they are) and `GET /users/{username}`. */
export const userRoutes: readonly GitHubRoute[] = [
  {
    method: 'GET',
    template: '/user',
    docs: DOCS.authenticated,
    auth: 'user-only',
    handler: (ctx) =>
      ok(privateUser(ctx.state, { type: 'User', record: authenticatedUser(ctx) }, ctx.urls)),
  },
  {
    method: 'GET',
    template: '/users/{username}',
    docs: DOCS.user,
    auth: 'public',
    handler: (ctx) => {
      // Organizations are accounts too: GitHub answers them here with type "Organization".
      const account = ctx.state.findAccount(ctx.params.username ?? '');
      return account ? ok(publicUser(ctx.state, account, ctx.urls)) : notFound(DOCS.user);
    },
  },
];
