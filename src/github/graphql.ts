import { z } from 'zod';
import { describeIssue } from './answers';
import type { GitHubClient } from './client';
import { translateError } from './call';
import { LIMIT_TYPES } from './facts';
import type { ObservedInteractionLimit, RepositoryRef, RepositorySummary } from './types';

/**
 * Batch reads of interaction limits through GitHub's GraphQL API, where one request answers for
 * up to 100 repositories (https://docs.github.com/graphql/reference/objects#repositoryinteractionability):
 * `interactionAbility { limit origin expiresAt }` on Repository, Organization and User, the same
 * facts as `GET …/interaction-limits` with the enums in upper case.
 *
 * GraphQL is a fast path, never the only one. Whatever GraphQL cannot say is reported as a
 * fallback with its reason, and the caller reads those resources through REST (with ETags):
 * - `interactionAbility` is null (the token may not read it, or a private repository), or an
 *   alias has an error (`NOT_FOUND`, `FORBIDDEN`): that resource only;
 * - GraphQL as a whole is refused (401/403/404 on `/graphql`, a rate limit, a server without the
 *   fields, e.g. an older GitHub Enterprise Server: "Field 'interactionAbility' doesn't exist on
 *   type 'Repository'"): `GraphqlUnavailableError`, and everything goes through REST.
 *
 * Costs: a page of 100 repositories with their topics costs 1 point (GitHub's formula: 1 + 100
 * requests, divided by 100, rounded), as does a query of 100 aliases; every query costs points
 * even when nothing changed, where a REST read answered 304 costs no rate-limit unit.
 */

/** Repositories (or aliases) per GraphQL request: GitHub's maximum page size. */
export const GRAPHQL_BATCH_SIZE = 100;

/** What GraphQL said of one resource's limit: the limit (null = none), or why it could not. */
export type LimitObservation =
  | { readonly observed: true; readonly limit: ObservedInteractionLimit | null }
  | { readonly observed: false; readonly reason: string };

/** A repository of a listing, with its limit as GraphQL reported it. */
export interface RepositoryWithLimit extends RepositorySummary {
  readonly interactionLimit: LimitObservation;
}

/** GraphQL cannot be used for this request at all; read through REST instead. */
export class GraphqlUnavailableError extends Error {
  override readonly name = 'GraphqlUnavailableError';
  constructor(
    /** Why, for debug output (GitHub's message or status; never a credential). */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`GitHub's GraphQL API cannot be used here: ${reason}`, options);
  }
}

/**
 * `GH_INTERACTIONS_GRAPHQL`: `on` (default) or `off`. Off, every read goes through REST, whose
 * ETags make a repeated plan cost no rate-limit units (a GraphQL query costs points every time).
 */
export function graphqlEnabledFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.GH_INTERACTIONS_GRAPHQL?.trim().toLowerCase();
  if (raw === undefined || raw === '' || ['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new RangeError(
    `GH_INTERACTIONS_GRAPHQL: "${env.GH_INTERACTIONS_GRAPHQL}" is not allowed; expected on or off.`,
  );
}

const ABILITY = 'interactionAbility { limit origin expiresAt }';

/**
 * Every answer's `data` is checked before it is read: a wrong shape is never "no limit". An
 * ability of the wrong shape falls back to REST for that resource; a page or a batch whose data
 * has the wrong shape makes GraphQL unusable for the request (GraphqlUnavailableError), and REST
 * (whose answers are checked too) reads instead.
 */
const AbilitySchema = z
  .object({ limit: z.string(), origin: z.string(), expiresAt: z.string().nullable() })
  .loose();
type AbilityNode = z.infer<typeof AbilitySchema>;

const ORIGINS: Readonly<Record<string, string>> = {
  ORGANIZATION: 'organization',
  REPOSITORY: 'repository',
  USER: 'user',
};

/**
 * GraphQL's `RepositoryInteractionAbility` as the REST limit object (src/github/limit-object.ts):
 * `EXISTING_USERS` → `existing_users`, `NO_LIMIT` → no limit (null). Null (not readable) and
 * values this client does not know are not guessed at: they fall back to REST.
 */
export function limitFromAbility(answered: unknown, what: string): LimitObservation {
  if (answered === null || answered === undefined) {
    return {
      observed: false,
      reason: `GraphQL answered null for the interactionAbility of ${what} (the token may not read it, or the repository is private)`,
    };
  }
  const checked = AbilitySchema.safeParse(answered);
  if (!checked.success) {
    return {
      observed: false,
      reason: `GraphQL answered an interactionAbility of the wrong shape for ${what}: ${describeIssue(checked.error.issues[0])}`,
    };
  }
  const ability: AbilityNode = checked.data;
  if (ability.limit === 'NO_LIMIT') return { observed: true, limit: null };
  const limit = ability.limit.toLowerCase();
  const origin = ORIGINS[ability.origin];
  if (!(LIMIT_TYPES as readonly string[]).includes(limit) || !origin || !ability.expiresAt) {
    return {
      observed: false,
      reason: `GraphQL answered an interactionAbility this client does not know for ${what}: ${JSON.stringify(ability)}`,
    };
  }
  return {
    observed: true,
    limit: {
      limit: limit as ObservedInteractionLimit['limit'],
      origin,
      expiresAt: ability.expiresAt,
    },
  };
}

interface GraphqlErrorItem {
  readonly type?: string;
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
}

interface GraphqlAnswer<T> {
  readonly data: T | null;
  readonly errors: readonly GraphqlErrorItem[];
}

/**
 * One query through the client's Octokit (the same hooks: auth, pacing, retries). Partial answers
 * (data and errors) are returned; a refusal of the whole request throws GraphqlUnavailableError.
 */
async function runQuery<T>(
  client: GitHubClient,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphqlAnswer<T>> {
  let data: T | null;
  let errors: readonly GraphqlErrorItem[] = [];
  try {
    data = await client.octokit.graphql<T>(query, variables);
  } catch (error) {
    const response = error as { name?: string; data?: T; errors?: GraphqlErrorItem[] };
    // A RATE_LIMITED answer the client would not wait for (transport.ts) comes back as GitHub
    // sent it: a GraphqlResponseError, handled below with the others.
    if (response.name !== 'GraphqlResponseError') {
      const typed = translateError(
        client,
        { permission: 'any token (GraphQL reads what the token may read)' },
        error,
      );
      throw new GraphqlUnavailableError(typed.message, { cause: typed });
    }
    data = response.data ?? null;
    errors = response.errors ?? [];
  }
  const refusal = errors.find((e) => !e.path || e.path.length === 0);
  if (refusal || data === null || data === undefined) {
    // No data at all: a validation error (a server whose schema lacks these fields), a rate
    // limit, or a query-level refusal. Nothing in it can be used.
    throw new GraphqlUnavailableError(describeErrors(errors) || 'GraphQL answered no data');
  }
  return { data, errors };
}

function describeErrors(errors: readonly GraphqlErrorItem[]): string {
  return errors.map((e) => (e.type ? `${e.type}: ${e.message}` : e.message)).join('; ');
}

/** Errors of the aliases (`path[0]`), by alias. */
function errorsByAlias(errors: readonly GraphqlErrorItem[]): Map<string, string> {
  const byAlias = new Map<string, string>();
  for (const error of errors) {
    const alias = String(error.path?.[0] ?? '');
    const text = error.type ? `${error.type}: ${error.message}` : error.message;
    byAlias.set(alias, byAlias.has(alias) ? `${byAlias.get(alias)}; ${text}` : text);
  }
  return byAlias;
}

const RepositoryNodeSchema = z
  .object({
    name: z.string().min(1),
    nameWithOwner: z.string().regex(/^[^/]+\/[^/]+$/),
    isArchived: z.boolean(),
    isFork: z.boolean(),
    visibility: z.string(),
    repositoryTopics: z.object({
      nodes: z.array(
        z
          .object({ topic: z.object({ name: z.string() }).loose() })
          .loose()
          .nullable(),
      ),
    }),
    // Checked by limitFromAbility: a wrong one falls back to REST for that repository only.
    interactionAbility: z.unknown(),
  })
  .loose();

const OwnerPageSchema = z.object({
  owner: z
    .object({
      repositories: z
        .object({
          nodes: z.array(RepositoryNodeSchema.nullable()),
          pageInfo: z
            .object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() })
            .loose(),
        })
        .loose()
        .nullable()
        .optional(),
    })
    .loose()
    .nullable(),
});
type OwnerPage = z.infer<typeof OwnerPageSchema>;

const AliasNodeSchema = z
  .object({
    login: z.string().optional(),
    nameWithOwner: z.string().optional(),
    interactionAbility: z.unknown(),
  })
  .loose()
  .nullable();
const BatchDataSchema = z.record(z.string(), z.unknown());

/** The data of an answer, or GraphqlUnavailableError naming what was wrong with it. */
function checkData<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new GraphqlUnavailableError(
    `GraphQL answered data of the wrong shape for ${what}: ${describeIssue(parsed.error.issues[0])}`,
  );
}

/**
 * Every repository an organization or user owns that the token can see (`ownerAffiliations:
 * OWNER`; `privacy: PUBLIC` for `visibility: 'public'`), 100 a request, each with what policy
 * selectors need (visibility, archived, fork, topics) and its interaction limit.
 */
export async function listRepositoriesWithLimits(
  client: GitHubClient,
  owner: { readonly type: 'organization' | 'user'; readonly login: string },
  options: { readonly visibility?: 'public' | 'all' } = {},
): Promise<RepositoryWithLimit[]> {
  const field = owner.type === 'organization' ? 'organization' : 'user';
  // Topics: GitHub allows at most 20 a repository, so one page of 100 holds them all.
  const query = `query($login: String!, $after: String, $privacy: RepositoryPrivacy) {
  owner: ${field}(login: $login) {
    repositories(first: ${GRAPHQL_BATCH_SIZE}, after: $after, privacy: $privacy, ownerAffiliations: [OWNER]) {
      nodes {
        name nameWithOwner isArchived isFork visibility
        repositoryTopics(first: 100) { nodes { topic { name } } }
        ${ABILITY}
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
  const repositories: RepositoryWithLimit[] = [];
  let after: string | null = null;
  do {
    const answer: GraphqlAnswer<unknown> = await runQuery<unknown>(client, query, {
      login: owner.login,
      after,
      privacy: options.visibility === 'public' ? 'PUBLIC' : null,
    });
    const page: OwnerPage = checkData(
      OwnerPageSchema,
      answer.data,
      `the listing of ${field} ${owner.login}`,
    );
    const connection = page.owner?.repositories;
    if (!connection) {
      const said = errorsByAlias(answer.errors).get('owner') ?? 'no repositories connection';
      throw new GraphqlUnavailableError(`listing ${field} ${owner.login}: ${said}`);
    }
    // Errors inside a page (a repository's field) mark those repositories only.
    const broken = new Map<number, string>();
    for (const error of answer.errors) {
      const index = error.path?.[3];
      if (typeof index === 'number') broken.set(index, error.message);
    }
    connection.nodes.forEach((node, index) => {
      if (!node) return;
      const [ownerLogin] = node.nameWithOwner.split('/');
      const problem = broken.get(index);
      repositories.push({
        owner: ownerLogin ?? owner.login,
        name: node.name,
        fullName: node.nameWithOwner,
        visibility: node.visibility.toLowerCase(),
        archived: node.isArchived,
        fork: node.isFork,
        topics: node.repositoryTopics.nodes.flatMap((t) => (t ? [t.topic.name] : [])),
        interactionLimit: problem
          ? { observed: false, reason: `GraphQL error for ${node.nameWithOwner}: ${problem}` }
          : limitFromAbility(node.interactionAbility, node.nameWithOwner),
      });
    });
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  } while (after);
  return repositories;
}

/** What to read in one batch: repositories, organizations and the token's own user. */
export interface LimitBatchRequest {
  readonly repositories?: readonly RepositoryRef[];
  readonly organizations?: readonly string[];
  /** The limit on the token's user's repositories (`/user/interaction-limits`). */
  readonly viewer?: boolean;
}

export interface LimitBatchResult {
  /** By `owner/name` in lower case. */
  readonly repositories: ReadonlyMap<string, LimitObservation>;
  /** By login in lower case. */
  readonly organizations: ReadonlyMap<string, LimitObservation>;
  readonly viewer?: { readonly login: string; readonly limit: LimitObservation };
  /** GraphQL requests sent. */
  readonly requests: number;
}

export interface LimitBatchOptions {
  /** Aliases per request. @default GRAPHQL_BATCH_SIZE */
  readonly batchSize?: number;
}

type AliasTarget =
  | { readonly kind: 'repository'; readonly ref: RepositoryRef }
  | { readonly kind: 'organization'; readonly login: string }
  | { readonly kind: 'viewer' };

/**
 * The limits of many repositories and organizations (and of the token's user), `batchSize`
 * aliases a request: 1,000 repositories in 10 requests, where REST sends 1,000. Throws
 * GraphqlUnavailableError when GraphQL cannot be used at all; a resource GraphQL could not
 * answer for is `{observed: false, reason}`.
 */
export async function observeLimitsBatch(
  client: GitHubClient,
  request: LimitBatchRequest,
  options: LimitBatchOptions = {},
): Promise<LimitBatchResult> {
  const batchSize = options.batchSize ?? GRAPHQL_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > GRAPHQL_BATCH_SIZE) {
    throw new RangeError(
      `observeLimitsBatch: [batchSize] ${batchSize} is not allowed; expected an integer from 1 to ${GRAPHQL_BATCH_SIZE}.`,
    );
  }
  const targets: AliasTarget[] = [
    ...(request.viewer ? [{ kind: 'viewer' } as const] : []),
    ...(request.organizations ?? []).map((login) => ({ kind: 'organization', login }) as const),
    ...(request.repositories ?? []).map((ref) => ({ kind: 'repository', ref }) as const),
  ];
  const repositories = new Map<string, LimitObservation>();
  const organizations = new Map<string, LimitObservation>();
  let viewer: LimitBatchResult['viewer'];
  let requests = 0;
  for (let start = 0; start < targets.length; start += batchSize) {
    const batch = targets.slice(start, start + batchSize);
    const declarations: string[] = [];
    const fields: string[] = [];
    const variables: Record<string, unknown> = {};
    batch.forEach((target, i) => {
      if (target.kind === 'viewer') {
        fields.push(`v: viewer { login ${ABILITY} }`);
      } else if (target.kind === 'organization') {
        declarations.push(`$o${i}: String!`);
        variables[`o${i}`] = target.login;
        fields.push(`a${i}: organization(login: $o${i}) { login ${ABILITY} }`);
      } else {
        declarations.push(`$o${i}: String!`, `$n${i}: String!`);
        variables[`o${i}`] = target.ref.owner;
        variables[`n${i}`] = target.ref.repo;
        fields.push(`a${i}: repository(owner: $o${i}, name: $n${i}) { nameWithOwner ${ABILITY} }`);
      }
    });
    const query = `query${declarations.length > 0 ? `(${declarations.join(', ')})` : ''} {\n  ${fields.join('\n  ')}\n}`;
    requests += 1;
    const answer = await runQuery<unknown>(client, query, variables);
    const data = checkData(BatchDataSchema, answer.data, 'a batch of interaction limits');
    const failed = errorsByAlias(answer.errors);
    batch.forEach((target, i) => {
      const alias = target.kind === 'viewer' ? 'v' : `a${i}`;
      const checked = AliasNodeSchema.safeParse(data[alias]);
      const node = checked.success ? checked.data : undefined;
      const what =
        target.kind === 'repository'
          ? `${target.ref.owner}/${target.ref.repo}`
          : target.kind === 'organization'
            ? `organization ${target.login}`
            : 'the token user';
      const observation: LimitObservation = failed.has(alias)
        ? { observed: false, reason: `GraphQL error for ${what}: ${failed.get(alias)}` }
        : !checked.success
          ? {
              observed: false,
              reason: `GraphQL answered ${what} in the wrong shape: ${describeIssue(checked.error.issues[0])}`,
            }
          : limitFromAbility(node?.interactionAbility, what);
      if (target.kind === 'repository') {
        repositories.set(what.toLowerCase(), observation);
      } else if (target.kind === 'organization') {
        organizations.set(target.login.toLowerCase(), observation);
      } else if (node?.login) {
        viewer = { login: node.login, limit: observation };
      }
    });
  }
  return { repositories, organizations, viewer, requests };
}
