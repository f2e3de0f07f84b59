import { notFound, ok } from '../http/results';
import type { GitHubRoute } from '../http/route';
import { organizationFull } from './representations';

const DOCS = {
  org: 'https://docs.github.com/rest/orgs/orgs#get-an-organization',
} as const;

/**
 * `GET /orgs/{org}`: organization profiles are public. The org is found case-insensitively and
 * answered in GitHub's spelling (`login`), which is how clients learn it. A user account is not
 * an organization: 404.
 */
export const orgRoutes: readonly GitHubRoute[] = [
  {
    method: 'GET',
    template: '/orgs/{org}',
    docs: DOCS.org,
    auth: 'public',
    handler: (ctx) => {
      const org = ctx.state.findOrg(ctx.params.org ?? '');
      return org
        ? ok(organizationFull(ctx.state, org, ctx.urls, ctx.principal))
        : notFound(DOCS.org);
    },
  },
];
