import { appRoutes } from './apps/routes';
import { bypassListRoutes } from './bypass-list/routes';
import { creationCapRoutes } from './creation-cap/routes';
import { graphqlRoutes } from './graphql/routes';
import type { GitHubRoute } from './http/route';
import { interactionLimitRoutes } from './interaction-limits/routes';
import { issueCommentRoutes } from './issue-comments/routes';
import { orgRoutes } from './orgs/routes';
import { repositoryRoutes } from './repositories/routes';
import { userRoutes } from './users/routes';

/** Every GitHub operation the emulator serves, feature by feature. */
export const GITHUB_ROUTES: readonly GitHubRoute[] = [
  ...interactionLimitRoutes,
  ...bypassListRoutes,
  ...creationCapRoutes,
  ...userRoutes,
  ...orgRoutes,
  ...repositoryRoutes,
  ...appRoutes,
  ...issueCommentRoutes,
  ...graphqlRoutes,
];
