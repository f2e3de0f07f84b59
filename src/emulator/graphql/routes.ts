import type { FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { rateLimitKey } from '../rate-limits/rate-limiter';
import type { HttpResult } from '../http/results';
import { parseJsonBody, problemsParsingJson } from '../http/results';
import type { GitHubRoute, RouteContext } from '../http/route';
import { queryCost } from './cost';
import type { GraphqlErrorItem } from './errors';
import { GRAPHQL_DOCS, graphqlErrors, locationsOf, requiresAuthentication } from './errors';
import { GraphqlRateLimit, graphqlRateLimitHeaders } from './rate-limit';
import { createResolvers } from './resolvers';
import { publishedSchema } from './schema';
import { fromGraphqlJs, validateQuery } from './validation';

/**
 * `POST /graphql`: GitHub's GraphQL API for the subset in served.ts. Every query is parsed and
 * validated against GitHub's published schema, checked against GitHub's query limits, charged
 * its point cost in GraphQL's own rate-limit bucket, and run with graphql-js over the emulator's
 * state. Answers are GitHub's: 200 with `data` and/or `errors` (validation and execution errors
 * alike), 401 without a token, `x-ratelimit-*` headers with `x-ratelimit-resource: graphql`.
 */
export function answerGraphql(ctx: RouteContext): HttpResult {
  if (ctx.principal.kind === 'anonymous') return requiresAuthentication();
  const body = parseJsonBody(ctx.rawBody);
  if (body.kind === 'unparsable') return problemsParsingJson(GRAPHQL_DOCS);
  const request = body.kind === 'object' ? body.value : {};
  const { query, variables, operationName } = request;
  const limits = new GraphqlRateLimit(ctx.state);
  const key = rateLimitKey(ctx.principal, '');
  const headers = () => graphqlRateLimitHeaders(limits.status(key));
  if (typeof query !== 'string' || query.trim() === '') {
    return graphqlErrors(
      [{ message: 'A query attribute must be specified and must be a string.' }],
      headers(),
    );
  }
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return graphqlErrors(
      [{ message: 'Variables are invalid JSON: expected an object of variable values.' }],
      headers(),
    );
  }
  const { graphql, schema } = publishedSchema();
  let document;
  try {
    document = graphql.parse(query);
  } catch (error) {
    return graphqlErrors(
      [fromGraphqlJs(error as InstanceType<typeof graphql.GraphQLError>)],
      headers(),
    );
  }
  const invalid = validateQuery(graphql, schema, document);
  if (invalid.length > 0) return graphqlErrors(invalid, headers());

  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === graphql.Kind.OPERATION_DEFINITION,
  );
  const operation =
    typeof operationName === 'string'
      ? operations.find((o) => o.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  if (!operation) {
    return graphqlErrors(
      [
        {
          message:
            typeof operationName === 'string'
              ? `No operation named "${operationName}"`
              : 'An operation name is required',
        },
      ],
      headers(),
    );
  }
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === graphql.Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const values = (variables ?? {}) as Record<string, unknown>;
  const cost = queryCost(graphql, schema, operation, fragments, values);
  if (!cost.ok) return graphqlErrors(cost.errors, headers());

  const before = limits.status(key);
  if (before.remaining === 0) {
    return graphqlErrors(
      [{ type: 'RATE_LIMITED', message: `API rate limit exceeded for ${who(ctx)}.` }],
      graphqlRateLimitHeaders(before),
    );
  }
  const status = limits.charge(key, cost.value.cost);
  const { fieldResolver, typeResolver } = createResolvers(graphql);
  const result = graphql.executeSync({
    schema,
    document,
    operationName: operation.name?.value,
    variableValues: values,
    contextValue: {
      state: ctx.state,
      principal: ctx.principal,
      rateLimit: { cost: cost.value.cost, nodes: cost.value.nodes, status },
    },
    fieldResolver,
    typeResolver,
  });
  const responseHeaders = graphqlRateLimitHeaders(status);
  if (!result.errors || result.errors.length === 0) {
    return { status: 200, body: { data: result.data ?? null }, headers: responseHeaders };
  }
  const errors = result.errors.map((error): GraphqlErrorItem => {
    const type = error.extensions?.type;
    return {
      ...(typeof type === 'string' ? { type } : {}),
      ...(error.path ? { path: [...error.path] } : {}),
      ...(error.nodes ? { locations: locationsOf(error.nodes) } : {}),
      message: error.message,
    };
  });
  return graphqlErrors(errors, responseHeaders, result.data ?? null);
}

function who(ctx: RouteContext): string {
  switch (ctx.principal.kind) {
    case 'user':
      return `user ID ${ctx.principal.user.id}`;
    case 'installation':
      return `installation ID ${ctx.principal.installation.id}`;
    default:
      return 'this token';
  }
}

const route = (template: string): GitHubRoute => ({
  method: 'POST',
  template,
  docs: GRAPHQL_DOCS,
  // Anonymous requests get GraphQL's own 401 from the handler; app JWTs are refused as elsewhere.
  auth: 'public',
  ownRateLimit: true,
  handler: answerGraphql,
});

/**
 * `/graphql` (github.com, and `/api/v3/graphql` through the emulator's GHES prefix) and
 * `/api/graphql`, where GitHub Enterprise Server serves GraphQL (Octokit's graphql client turns a
 * `https://HOST/api/v3` base URL into `https://HOST/api/graphql`).
 */
export const graphqlRoutes: readonly GitHubRoute[] = [route('/graphql'), route('/api/graphql')];
