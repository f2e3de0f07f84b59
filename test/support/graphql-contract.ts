import { publishedSchema } from '../../src/emulator/graphql/schema';
import type { Exchange } from '../../src/emulator';

/** Where GitHub serves GraphQL: `/graphql`, and `/api/graphql` on GitHub Enterprise Server. */
export function isGraphqlExchange(exchange: Exchange): boolean {
  return exchange.path === '/graphql' || exchange.path === '/api/graphql';
}

/**
 * The contract of a GraphQL exchange (the REST OpenAPI description does not cover `/graphql`):
 * GitHub's answer shapes, the graphql rate-limit resource, and, for a query our own client sent,
 * that it is valid against GitHub's published schema (`@octokit/graphql-schema`), so the client
 * never relies on a field only the emulator has.
 */
export function checkGraphqlExchange(exchange: Exchange, fromOurClient: boolean): string[] {
  const where = `${exchange.method} ${exchange.path} → ${exchange.status}`;
  const violations: string[] = [];
  if (exchange.method !== 'POST') violations.push(`${where}: GraphQL is POST only`);
  const body = exchange.responseBody as Record<string, unknown> | undefined;
  if (exchange.status === 200) {
    if (!body || (!('data' in body) && !Array.isArray(body.errors))) {
      violations.push(`${where}: a 200 without data or errors`);
    }
    for (const error of (body?.errors as unknown[] | undefined) ?? []) {
      if (typeof (error as { message?: unknown }).message !== 'string') {
        violations.push(`${where}: an error without a message: ${JSON.stringify(error)}`);
      }
    }
    if (exchange.responseHeaders['x-ratelimit-resource'] !== 'graphql') {
      violations.push(`${where}: x-ratelimit-resource is not graphql`);
    }
  } else if (typeof body?.message !== 'string') {
    violations.push(`${where}: an HTTP error without a message`);
  }
  if (fromOurClient) {
    const request = exchange.requestBody as { query?: unknown } | undefined;
    if (typeof request?.query !== 'string') {
      violations.push(`${where}: our client sent no query`);
    } else {
      const { graphql, schema } = publishedSchema();
      const errors = graphql.validate(schema, graphql.parse(request.query));
      for (const error of errors) {
        violations.push(`${where}: our client's query is invalid: ${error.message}`);
      }
    }
  }
  return violations;
}
