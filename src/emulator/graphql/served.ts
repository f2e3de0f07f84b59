/**
 * The part of GitHub's schema the emulator answers: what this project reads (repositories of an
 * owner with their visibility, archived and fork flags, topics and interaction limit; single
 * repositories by aliases; the viewer; the rate limit). A query may name anything GitHub's schema
 * has (it is validated against the whole schema first); fields and arguments outside this table
 * are refused with a GraphQL error that says so, never answered with made-up data.
 */

const REPOSITORIES_ARGS = [
  'first',
  'after',
  'privacy',
  'visibility',
  'orderBy',
  'ownerAffiliations',
  'isFork',
  'isArchived',
] as const;

/** Type → field → the arguments served. */
export const SERVED: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Query: {
    organization: ['login'],
    user: ['login'],
    repositoryOwner: ['login'],
    repository: ['owner', 'name', 'followRenames'],
    viewer: [],
    rateLimit: [],
  },
  Organization: {
    id: [],
    login: [],
    name: [],
    interactionAbility: [],
    repositories: REPOSITORIES_ARGS,
  },
  User: { id: [], login: [], name: [], interactionAbility: [], repositories: REPOSITORIES_ARGS },
  RepositoryOwner: { id: [], login: [], repositories: REPOSITORIES_ARGS },
  Repository: {
    id: [],
    name: [],
    nameWithOwner: [],
    isPrivate: [],
    isArchived: [],
    isFork: [],
    visibility: [],
    owner: [],
    interactionAbility: [],
    repositoryTopics: ['first', 'after'],
  },
  RepositoryConnection: { nodes: [], edges: [], pageInfo: [], totalCount: [] },
  RepositoryEdge: { node: [], cursor: [] },
  RepositoryTopicConnection: { nodes: [], edges: [], pageInfo: [], totalCount: [] },
  RepositoryTopicEdge: { node: [], cursor: [] },
  RepositoryTopic: { topic: [] },
  Topic: { name: [] },
  PageInfo: { hasNextPage: [], endCursor: [], hasPreviousPage: [], startCursor: [] },
  RepositoryInteractionAbility: { limit: [], origin: [], expiresAt: [] },
  RateLimit: { cost: [], limit: [], remaining: [], resetAt: [], used: [], nodeCount: [] },
};

export function servedArguments(
  typeName: string,
  fieldName: string,
): readonly string[] | undefined {
  return SERVED[typeName]?.[fieldName];
}

export function servedFieldsOf(typeName: string): string[] {
  return Object.keys(SERVED[typeName] ?? {});
}
