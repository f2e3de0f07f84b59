import type {
  DocumentNode,
  FieldNode,
  GraphQLError,
  GraphQLSchema,
  OperationDefinitionNode,
} from 'graphql';
import type { GraphqlErrorItem } from './errors';
import { EMULATOR_UNSUPPORTED, locationsOf } from './errors';
import type { GraphQL } from './schema';
import { servedArguments, servedFieldsOf } from './served';

/**
 * Checks a parsed query against GitHub's published schema, as GitHub does before running it:
 * every problem is reported at once, none of the query runs. A field the type does not have is
 * reported in GitHub's words (`Field 'x' doesn't exist on type 'Y'`, `extensions.code:
 * undefinedField`, the path from the operation); other rules keep graphql-js's wording. Then the
 * emulator's own limit: fields and arguments it does not serve (see served.ts).
 */
export function validateQuery(
  graphql: GraphQL,
  schema: GraphQLSchema,
  document: DocumentNode,
): GraphqlErrorItem[] {
  const github: GraphqlErrorItem[] = [];
  const unsupported: GraphqlErrorItem[] = [];
  const typeInfo = new graphql.TypeInfo(schema);
  const path: string[] = [];
  graphql.visit(
    document,
    graphql.visitWithTypeInfo(typeInfo, {
      OperationDefinition: {
        enter(node) {
          if (node.operation !== 'query') {
            unsupported.push({
              type: EMULATOR_UNSUPPORTED,
              path: [rootLabel(node)],
              locations: locationsOf([node]),
              message: `The emulator serves GraphQL queries only, not a ${node.operation} (docs/emulator.md, "GraphQL").`,
            });
            return false; // leave() does not run for a skipped node
          }
          path.push(rootLabel(node));
          return undefined;
        },
        leave() {
          path.pop();
        },
      },
      FragmentDefinition: {
        enter(node) {
          path.push(`fragment ${node.name.value}`);
        },
        leave() {
          path.pop();
        },
      },
      InlineFragment: {
        enter(node) {
          path.push(`... on ${node.typeCondition?.name.value ?? typeInfo.getParentType()?.name}`);
        },
        leave() {
          path.pop();
        },
      },
      Field: {
        enter(node: FieldNode) {
          const name = node.name.value;
          path.push(name);
          if (name.startsWith('__')) {
            path.pop(); // introspection: graphql-js answers it; leave() does not run
            return false;
          }
          const parent = typeInfo.getParentType();
          if (!parent) return undefined; // an unknown type: graphql-js's rules report it
          if (!typeInfo.getFieldDef()) {
            github.push({
              path: [...path],
              extensions: { code: 'undefinedField', typeName: parent.name, fieldName: name },
              locations: locationsOf([node]),
              message: `Field '${name}' doesn't exist on type '${parent.name}'`,
            });
            return undefined;
          }
          const args = servedArguments(parent.name, name);
          if (!args) {
            const served = servedFieldsOf(parent.name);
            unsupported.push({
              type: EMULATOR_UNSUPPORTED,
              path: [...path],
              locations: locationsOf([node]),
              message: `The emulator does not serve ${parent.name}.${name}; ${served.length > 0 ? `of ${parent.name} it serves ${served.join(', ')}` : `it serves no field of ${parent.name}`} (docs/emulator.md, "GraphQL").`,
            });
            path.pop(); // the field's own selections are not looked at: leave() does not run
            return false;
          }
          for (const argument of node.arguments ?? []) {
            if (!args.includes(argument.name.value)) {
              unsupported.push({
                type: EMULATOR_UNSUPPORTED,
                path: [...path],
                locations: locationsOf([argument]),
                message: `The emulator does not serve the argument ${argument.name.value} of ${parent.name}.${name}; it serves ${args.length > 0 ? args.join(', ') : 'none'} (docs/emulator.md, "GraphQL").`,
              });
            }
          }
          return undefined;
        },
        leave() {
          path.pop();
        },
      },
    }),
  );
  const others = graphql
    .validate(schema, document)
    .filter((error) => !/^Cannot query field /.test(error.message))
    .map(fromGraphqlJs);
  const invalid = [...github, ...others];
  return invalid.length > 0 ? invalid : unsupported;
}

function rootLabel(node: OperationDefinitionNode): string {
  return node.name ? `${node.operation} ${node.name.value}` : node.operation;
}

/** A graphql-js error (syntax, validation) as GitHub lists it: message and locations. */
export function fromGraphqlJs(error: GraphQLError): GraphqlErrorItem {
  const locations = error.locations?.map(({ line, column }) => ({ line, column }));
  return { ...(locations && locations.length > 0 ? { locations } : {}), message: error.message };
}
