import type { GraphQLFieldResolver, GraphQLTypeResolver } from 'graphql';
import { canSee, isOrgOwner, repoRole } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { nodeId } from '../http/node-id';
import type { LimitResponse } from '../interaction-limits/precedence';
import {
  acceptsLimits,
  effectiveRepoLimit,
  orgLimit,
  userLimit,
} from '../interaction-limits/precedence';
import type { RateLimitStatus } from '../rate-limits/rate-limiter';
import type { EmulatorState } from '../state/emulator-state';
import type { OrgRecord, RepoRecord, UserRecord } from '../state/model';
import type { GraphQL } from './schema';

/**
 * What the served fields answer, read from the emulator's state with the same rules as the REST
 * routes (who sees a private repository, who administers what, which limit is in force).
 */
export interface ExecutionContext {
  readonly state: EmulatorState;
  readonly principal: Principal;
  /** This query's cost and the bucket after charging it, for `rateLimit`. */
  readonly rateLimit: {
    readonly cost: number;
    readonly nodes: number;
    readonly status: RateLimitStatus;
  };
}

type OwnerSource =
  | { readonly kind: 'Organization'; readonly record: OrgRecord }
  | { readonly kind: 'User'; readonly record: UserRecord };
interface RepositorySource {
  readonly kind: 'Repository';
  readonly record: RepoRecord;
}

type Resolver = (
  source: never,
  args: Record<string, unknown>,
  context: ExecutionContext,
) => unknown;

/** `RepositoryInteractionAbility` (GraphQL enums are the REST values in upper case). */
interface InteractionAbility {
  readonly limit: string;
  readonly origin: string;
  readonly expiresAt: string | null;
}

/**
 * A limit in force, or "none" as `NO_LIMIT` at the object's own level with no expiry (the enum
 * documents NO_LIMIT as "No interaction limits are enabled"; `expiresAt` is nullable).
 */
function ability(response: LimitResponse | undefined, ownLevel: string): InteractionAbility {
  return response
    ? {
        limit: response.limit.toUpperCase(),
        origin: response.origin.toUpperCase(),
        expiresAt: response.expires_at,
      }
    : { limit: 'NO_LIMIT', origin: ownLevel, expiresAt: null };
}

function cursorFor(key: string | number): string {
  return Buffer.from(`cursor:v2:${key}`).toString('base64');
}

export function createResolvers(graphql: GraphQL) {
  const notFound = (message: string) =>
    new graphql.GraphQLError(message, { extensions: { type: 'NOT_FOUND' } });
  const forbidden = (message: string) =>
    new graphql.GraphQLError(message, { extensions: { type: 'FORBIDDEN' } });

  /** A page of a connection: `first` items after the `after` cursor. */
  function connection<T>(
    items: readonly T[],
    args: Record<string, unknown>,
    keyOf: (item: T, index: number) => string | number,
  ) {
    const first = Number(args.first);
    const after = typeof args.after === 'string' ? args.after : undefined;
    const cursors = items.map((item, index) => cursorFor(keyOf(item, index)));
    let start = 0;
    if (after !== undefined) {
      const at = cursors.indexOf(after);
      if (at === -1) {
        throw new graphql.GraphQLError(`\`${after}\` does not appear to be a valid cursor.`, {
          extensions: { type: 'INVALID_CURSOR_ARGUMENTS' },
        });
      }
      start = at + 1;
    }
    const end = Math.min(items.length, start + first);
    const edges = items
      .slice(start, end)
      .map((node, offset) => ({ node, cursor: cursors[start + offset] }));
    return {
      nodes: edges.map((edge) => edge.node),
      edges,
      totalCount: items.length,
      pageInfo: {
        hasNextPage: end < items.length,
        hasPreviousPage: start > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  function repositories(owner: OwnerSource, args: Record<string, unknown>, ctx: ExecutionContext) {
    const { state, principal } = ctx;
    const login = owner.record.login.toLowerCase();
    const affiliations = (args.ownerAffiliations as string[] | null | undefined) ?? [
      'OWNER',
      'COLLABORATOR',
    ];
    const chosen = new Map<number, RepoRecord>();
    const add = (repos: readonly RepoRecord[]) => repos.forEach((r) => chosen.set(r.id, r));
    if (affiliations.includes('OWNER')) add(state.reposOwnedBy(login));
    if (owner.kind === 'User') {
      const has = (list: readonly string[]) => list.some((l) => l.toLowerCase() === login);
      if (affiliations.includes('COLLABORATOR')) {
        add(
          state.data.repos.filter(
            (r) =>
              r.owner.toLowerCase() !== login &&
              (has(r.admins) || has(r.maintainers) || has(r.writers) || has(r.readers)),
          ),
        );
      }
      if (affiliations.includes('ORGANIZATION_MEMBER')) {
        const orgs = state.data.orgs.filter((o) => has(o.members) || has(o.owners));
        for (const org of orgs) add(state.reposOwnedBy(org.login));
      }
    }
    if (args.privacy != null && args.visibility != null) {
      throw new graphql.GraphQLError(
        'The privacy and visibility arguments cannot be combined; give one of them.',
        { extensions: { type: 'INVALID_ARGUMENTS' } },
      );
    }
    const wanted = (args.privacy ?? args.visibility) as string | null | undefined;
    let repos = [...chosen.values()].filter(
      (r) =>
        canSee(state, principal, r) &&
        (wanted == null || r.visibility === wanted.toLowerCase()) &&
        // The emulator models no forks.
        args.isFork !== true &&
        (args.isArchived == null || r.archived === args.isArchived),
    );
    const order = args.orderBy as { field: string; direction: string } | null | undefined;
    const key = (r: RepoRecord) =>
      order?.field === 'NAME'
        ? r.name.toLowerCase()
        : `${r.createdAt}#${String(r.id).padStart(12, '0')}`;
    repos = repos.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    if (order?.direction === 'DESC') repos.reverse();
    return connection(
      repos.map((record): RepositorySource => ({ kind: 'Repository', record })),
      args,
      (repo) => repo.record.id,
    );
  }

  function ownerSource(state: EmulatorState, login: string): OwnerSource | undefined {
    const account = state.findAccount(login);
    if (!account) return undefined;
    return account.type === 'Organization'
      ? { kind: 'Organization', record: account.record }
      : { kind: 'User', record: account.record };
  }

  const ownerFields = {
    id: (s: OwnerSource) => nodeId(s.kind, s.record.id),
    login: (s: OwnerSource) => s.record.login,
    name: (s: OwnerSource) => s.record.name,
    repositories: (s: OwnerSource, args: Record<string, unknown>, ctx: ExecutionContext) =>
      repositories(s, args, ctx),
  };

  const resolvers: Record<string, Record<string, Resolver>> = {
    Query: {
      repository: (_s: unknown, args, ctx) => {
        const repo = ctx.state.findRepo(String(args.owner), String(args.name));
        if (!repo || !canSee(ctx.state, ctx.principal, repo)) {
          throw notFound(
            `Could not resolve to a Repository with the name '${String(args.owner)}/${String(args.name)}'.`,
          );
        }
        return { kind: 'Repository', record: repo } satisfies RepositorySource;
      },
      organization: (_s: unknown, args, ctx) => {
        const org = ctx.state.findOrg(String(args.login));
        if (!org) {
          throw notFound(
            `Could not resolve to an Organization with the login of '${String(args.login)}'.`,
          );
        }
        return { kind: 'Organization', record: org } satisfies OwnerSource;
      },
      user: (_s: unknown, args, ctx) => {
        const user = ctx.state.findUser(String(args.login));
        if (!user) {
          throw notFound(`Could not resolve to a User with the login of '${String(args.login)}'.`);
        }
        return { kind: 'User', record: user } satisfies OwnerSource;
      },
      repositoryOwner: (_s: unknown, args, ctx) =>
        ownerSource(ctx.state, String(args.login)) ?? null,
      viewer: (_s: unknown, _args, ctx) => {
        if (ctx.principal.kind !== 'user')
          throw forbidden('Resource not accessible by integration');
        return { kind: 'User', record: ctx.principal.user } satisfies OwnerSource;
      },
      rateLimit: (_s: unknown, _args, ctx) => ({
        cost: ctx.rateLimit.cost,
        limit: ctx.rateLimit.status.limit,
        remaining: ctx.rateLimit.status.remaining,
        used: ctx.rateLimit.status.used,
        resetAt: new Date(ctx.rateLimit.status.reset * 1000)
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
        nodeCount: ctx.rateLimit.nodes,
      }),
    },
    Organization: {
      ...ownerFields,
      // Like `GET /orgs/{org}/interaction-limits`: for the org's owners (ASSUMPTION: null otherwise).
      interactionAbility: (s: OwnerSource, _args, ctx) =>
        s.kind === 'Organization' && isOrgOwner(ctx.principal, s.record)
          ? ability(orgLimit(ctx.state, s.record), 'ORGANIZATION')
          : null,
    },
    User: {
      ...ownerFields,
      // Like `GET /user/interaction-limits`: the token's own user only (ASSUMPTION: null otherwise).
      interactionAbility: (s: OwnerSource, _args, ctx) =>
        s.kind === 'User' &&
        ctx.principal.kind === 'user' &&
        ctx.principal.user.login.toLowerCase() === s.record.login.toLowerCase()
          ? ability(userLimit(ctx.state, s.record), 'USER')
          : null,
    },
    RepositoryOwner: ownerFields,
    Repository: {
      id: (s: RepositorySource) => nodeId('Repository', s.record.id),
      name: (s: RepositorySource) => s.record.name,
      nameWithOwner: (s: RepositorySource) => `${s.record.owner}/${s.record.name}`,
      isPrivate: (s: RepositorySource) => s.record.visibility === 'private',
      isArchived: (s: RepositorySource) => s.record.archived,
      isFork: () => false,
      visibility: (s: RepositorySource) => s.record.visibility.toUpperCase(),
      owner: (s: RepositorySource, _args, ctx) => ownerSource(ctx.state, s.record.owner),
      repositoryTopics: (s: RepositorySource, args) =>
        connection(
          s.record.topics.map((name) => ({ topic: { name } })),
          args,
          (_topic, index) => `${s.record.id}:${index}`,
        ),
      // Like `GET /repos/{owner}/{repo}/interaction-limits`: repository admins, public
      // repositories (ASSUMPTION: null for others and for private repositories, where REST
      // answers 403 and 405).
      interactionAbility: (s: RepositorySource, _args, ctx) =>
        acceptsLimits(s.record) && repoRole(ctx.state, ctx.principal, s.record) === 'admin'
          ? ability(effectiveRepoLimit(ctx.state, s.record), 'REPOSITORY')
          : null,
    },
  };

  /** Served types with resolvers above; every other served type is plain data (connections...). */
  const fieldResolver: GraphQLFieldResolver<unknown, ExecutionContext> = (
    source,
    args,
    context,
    info,
  ) => {
    const resolve = resolvers[info.parentType.name]?.[info.fieldName];
    if (resolve)
      return (resolve as (s: unknown, a: unknown, c: ExecutionContext) => unknown)(
        source,
        args,
        context,
      );
    return (source as Record<string, unknown>)[info.fieldName];
  };

  const typeResolver: GraphQLTypeResolver<unknown, ExecutionContext> = (value) =>
    (value as { kind?: string }).kind;

  return { fieldResolver, typeResolver };
}
