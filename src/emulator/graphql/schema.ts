import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as GraphQLModule from 'graphql';

/**
 * GitHub's published GraphQL schema (`@octokit/graphql-schema`, which downloads it from GitHub
 * and republishes it on every change) and the graphql-js runtime, loaded on the first GraphQL
 * request only: nothing else in the emulator (or a REST-only test) pays for the 7 MB schema.
 */
export type GraphQL = typeof GraphQLModule;

export interface PublishedSchema {
  readonly graphql: GraphQL;
  readonly schema: GraphQLModule.GraphQLSchema;
}

let loaded: PublishedSchema | undefined;

/** The schema as an introspection result; the package's entry point is ESM-only (import). */
function schemaJsonPath(): string {
  const candidates = (require.resolve.paths('@octokit/graphql-schema') ?? []).map((dir) =>
    join(dir, '@octokit', 'graphql-schema', 'schema.json'),
  );
  const found = candidates.find((file) => existsSync(file));
  if (!found) {
    throw new Error(
      'The emulator serves GraphQL from GitHub\'s published schema, but the package "@octokit/graphql-schema" is not installed; run `npm install`.',
    );
  }
  return found;
}

export function publishedSchema(): PublishedSchema {
  if (!loaded) {
    // Synchronous on purpose: routes answer synchronously, and this runs once per process.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const graphql = require('graphql') as GraphQL;
    // schema.json rather than schema.graphql: GitHub's SDL defines two fields of
    // EnterpriseOwnerInfo twice, which graphql-js's SDL validation refuses; the introspection
    // result is the same schema without that artefact (and what the package's own validate uses).
    const introspection = JSON.parse(readFileSync(schemaJsonPath(), 'utf8')) as {
      data?: GraphQLModule.IntrospectionQuery;
    } & GraphQLModule.IntrospectionQuery;
    const schema = graphql.buildClientSchema(introspection.data ?? introspection);
    loaded = { graphql, schema };
  }
  return loaded;
}
