import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import type { GraphqlErrorItem } from './errors';
import { locationsOf } from './errors';
import type { GraphQL } from './schema';

/**
 * GitHub's query limits and point cost
 * (https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api):
 *
 * - every connection needs `first` or `last`, from 1 to 100;
 * - a call may request at most 500,000 nodes: the sum over connections of the product of the
 *   `first`/`last` of the connection and of every connection above it;
 * - the cost: "Add up the number of requests needed to fulfill each unique connection in the
 *   call. Assume every request will reach the first or last argument limits. Divide the number by
 *   100 and round the result to the nearest whole number", at least 1. A connection needs one
 *   request per item of the connections above it (one for a top-level connection).
 */
export const MAX_PAGE_SIZE = 100;
export const MAX_NODES = 500_000;
export const MIN_COST = 1;

export interface QueryCost {
  /** Requests GitHub would need, before dividing by 100. */
  readonly requests: number;
  /** Nodes the query may return at most. */
  readonly nodes: number;
  /** Points charged. */
  readonly cost: number;
}

export function queryCost(
  graphql: GraphQL,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
): { ok: true; value: QueryCost } | { ok: false; errors: GraphqlErrorItem[] } {
  const errors: GraphqlErrorItem[] = [];
  let requests = 0;
  let nodes = 0;
  let tooMany: { connection: string; nodes: number; node: FieldNode } | undefined;

  const pageSize = (value: ValueNode | undefined): number | undefined => {
    if (!value) return undefined;
    if (value.kind === graphql.Kind.INT) return Number(value.value);
    if (value.kind === graphql.Kind.VARIABLE) {
      const given = variables[value.name.value];
      return typeof given === 'number' ? given : undefined;
    }
    return undefined;
  };

  const walk = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType,
    multiplier: number,
    path: string[],
  ): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === graphql.Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__') || graphql.isUnionType(parentType)) continue;
        const definition = parentType.getFields()[name];
        if (!definition) continue;
        const type = graphql.getNamedType(definition.type);
        let childMultiplier = multiplier;
        const here = [...path, selection.alias?.value ?? name];
        const paginated = definition.args.some((arg) => arg.name === 'first');
        if (type.name.endsWith('Connection') && paginated) {
          const firstArg = selection.arguments?.find((a) => a.name.value === 'first');
          const lastArg = selection.arguments?.find((a) => a.name.value === 'last');
          const boundary = firstArg ? 'first' : 'last';
          const size = pageSize(firstArg?.value ?? lastArg?.value);
          if (size === undefined) {
            errors.push({
              type: 'MISSING_PAGINATION_BOUNDARIES',
              path: here,
              locations: locationsOf([selection]),
              message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
            });
            continue;
          }
          if (size > MAX_PAGE_SIZE || size < 1) {
            errors.push({
              type: 'EXCESSIVE_PAGINATION',
              path: here,
              locations: locationsOf([selection]),
              message:
                size > MAX_PAGE_SIZE
                  ? `Requesting ${size} records on the \`${name}\` connection exceeds the \`${boundary}\` limit of ${MAX_PAGE_SIZE} records.`
                  : `Requesting ${size} records on the \`${name}\` connection is not allowed; \`${boundary}\` must be from 1 to ${MAX_PAGE_SIZE}.`,
            });
            continue;
          }
          requests += multiplier;
          childMultiplier = multiplier * size;
          nodes += childMultiplier;
          if (!tooMany && nodes > MAX_NODES) {
            tooMany = { connection: name, nodes: childMultiplier, node: selection };
          }
        }
        if (selection.selectionSet && graphql.isCompositeType(type)) {
          walk(selection.selectionSet, type, childMultiplier, here);
        }
      } else if (selection.kind === graphql.Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parentType;
        if (type && graphql.isCompositeType(type)) {
          walk(selection.selectionSet, type, multiplier, path);
        }
      } else {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type && graphql.isCompositeType(type)) {
          walk(fragment.selectionSet, type, multiplier, path);
        }
      }
    }
  };

  const root = schema.getQueryType();
  if (root) walk(operation.selectionSet, root, 1, []);
  if (errors.length > 0) return { ok: false, errors };
  if (tooMany) {
    return {
      ok: false,
      errors: [
        {
          type: 'MAX_NODE_LIMIT_EXCEEDED',
          locations: locationsOf([tooMany.node]),
          message: `By the time this query traverses to the ${tooMany.connection} connection, it is requesting up to ${nodes.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString('en-US')}.`,
        },
      ],
    };
  }
  return {
    ok: true,
    value: { requests, nodes, cost: Math.max(MIN_COST, Math.round(requests / 100)) },
  };
}
