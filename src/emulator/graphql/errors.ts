import { basicError } from '../http/results';
import type { HttpResult } from '../http/results';

/**
 * GitHub's GraphQL error shape: HTTP 200 with `{"errors": [...]}` (and `data` once execution
 * started), each error with a `message` and, as GitHub adds them, a `type` (`NOT_FOUND`,
 * `FORBIDDEN`, `RATE_LIMITED`, ...), the `path` of the field and its `locations`. Validation
 * errors carry `extensions.code` (`undefinedField`) instead of a `type`.
 */
export interface GraphqlErrorItem {
  readonly type?: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly locations?: ReadonlyArray<{ readonly line: number; readonly column: number }>;
  readonly message: string;
}

export const GRAPHQL_DOCS = 'https://docs.github.com/graphql';
export const GRAPHQL_AUTH_DOCS =
  'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql';
export const GRAPHQL_LIMITS_DOCS =
  'https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api';

/** The error type the emulator gives a field or argument GitHub has but the emulator does not serve. */
export const EMULATOR_UNSUPPORTED = 'EMULATOR_UNSUPPORTED';

export function graphqlErrors(
  errors: readonly GraphqlErrorItem[],
  headers?: Record<string, string>,
  data?: unknown,
): HttpResult {
  return { status: 200, body: data === undefined ? { errors } : { data, errors }, headers };
}

/** GitHub answers a GraphQL request without a token with 401 and this REST-style body. */
export function requiresAuthentication(): HttpResult {
  const result = basicError(
    401,
    'This endpoint requires you to be authenticated.',
    GRAPHQL_AUTH_DOCS,
  );
  const body = result.body as { status?: string };
  delete body.status;
  return result;
}

/** The `locations` of AST nodes, as GitHub lists them. */
export function locationsOf(
  nodes: ReadonlyArray<{ loc?: { startToken: { line: number; column: number } } }> | undefined,
): Array<{ line: number; column: number }> | undefined {
  const locations = (nodes ?? []).flatMap((node) =>
    node.loc ? [{ line: node.loc.startToken.line, column: node.loc.startToken.column }] : [],
  );
  return locations.length > 0 ? locations : undefined;
}
