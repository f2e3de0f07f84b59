import type { AttributeDescription, AttributeType, ResourceKind } from '../core';
import { RESOURCE_KINDS, kindContract, snakeCase } from '../core';
import type { CtyType, Schema, SchemaAttribute, SchemaBlock } from './protocol';
import { cty, encodeCtyType, impliedType } from './protocol';
import type { DataSourceTypeName, ResourceTypeName } from './names';
import { DATA_SOURCE_TYPES, RESOURCE_TYPES } from './names';

/**
 * The Terraform schemas, generated from the core's neutral attribute descriptions
 * (`kindContract(kind).attributes`), so an attribute means the same in Terraform as in the policy
 * file and Pulumi:
 *
 * | core                                   | Terraform                                          |
 * | -------------------------------------- | -------------------------------------------------- |
 * | `maxOpenPullRequests` (camelCase)      | `max_open_pull_requests` (snake_case)              |
 * | string / number / boolean              | string / number / bool                             |
 * | string_list                            | list(string)                                       |
 * | string_or_number (`renewWithin`)       | string: `"3d"`, or seconds as `"259200"`           |
 * | presence required                      | required                                           |
 * | presence optional, no default          | optional                                           |
 * | presence optional with a default       | optional + computed (the plan shows the default)   |
 * | presence computed                      | computed                                           |
 * | sensitive                              | sensitive                                          |
 * | description, allowed values, default,  | description (Markdown)                             |
 * |   requiresReplace, exactlyOneOf        |                                                    |
 *
 * Each resource also has a computed `id`: the core's resource id, which is the import id.
 */

/** Bump with an UpgradeResourceState step when the stored state changes shape. */
export const RESOURCE_SCHEMA_VERSION = 0;

/** One Terraform attribute and the core attribute it stands for. */
export interface TerraformAttribute {
  /** snake_case, as in HCL and the state. */
  readonly name: string;
  /** The core's camelCase name (`id` for the id). */
  readonly coreName: string;
  readonly coreType: AttributeType;
  readonly type: CtyType;
  /** `input`: declared (required or optional); `computed`: only GitHub tells; `id`. */
  readonly role: 'input' | 'computed' | 'id';
  /** Optional with a default: Terraform plans the default when the configuration leaves it out. */
  readonly hasDefault: boolean;
  readonly requiresReplace: boolean;
  readonly schema: SchemaAttribute;
}

/** What a resource or data source type is made of, for the handlers. */
export interface TerraformType {
  readonly typeName: string;
  readonly kind: ResourceKind;
  readonly attributes: readonly TerraformAttribute[];
  readonly schema: Schema;
  /** The cty type of its config, plan and state values. */
  readonly valueType: CtyType;
}

const CTY_TYPES: Readonly<Record<AttributeType, CtyType>> = {
  string: cty.string,
  number: cty.number,
  boolean: cty.bool,
  string_list: cty.list(cty.string),
  // Terraform has no "string or number"; a string carries both ("3d", "86400"), and a number
  // written in HCL converts to a string by Terraform's own rules.
  string_or_number: cty.string,
};

/** Every camelCase attribute name of every kind, for rewriting core text into Terraform's names. */
const CAMEL_NAMES: readonly string[] = [
  ...new Set(
    RESOURCE_KINDS.flatMap((kind) => kindContract(kind).attributes.map((a) => a.name)).filter(
      (name) => snakeCase(name) !== name,
    ),
  ),
].sort((a, b) => b.length - a.length);

/**
 * Core text (descriptions, validation messages, reasons) with the core's camelCase attribute
 * names in Terraform's snake_case: `renewWithin` → `renew_within`.
 */
export function terraformNames(text: string): string {
  let result = text;
  for (const name of CAMEL_NAMES) {
    result = result.replace(new RegExp(`\\b${name}\\b`, 'g'), snakeCase(name));
  }
  return result;
}

function quote(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** The description Terraform shows (docs, editor hovers), from the core's attribute. */
export function describeAttribute(attribute: AttributeDescription): string {
  // The core's `user` also takes the token user's login; its neutral type, and so Terraform's,
  // is a bool, so that sentence does not apply here.
  const description = attribute.description.replace(
    / A login may be given instead of true[^.]*\./,
    '',
  );
  const parts = [terraformNames(description)];
  if (attribute.allowedValues) {
    parts.push(`One of ${attribute.allowedValues.map(quote).join(', ')}.`);
  }
  if (attribute.minimum !== undefined && attribute.maximum !== undefined) {
    parts.push(`From ${attribute.minimum} to ${attribute.maximum}.`);
  }
  if (attribute.type === 'string_or_number') {
    parts.push('A number of seconds is written as a string, e.g. `"86400"`.');
  }
  if (attribute.default !== undefined) parts.push(`Default: ${quote(attribute.default)}.`);
  else if (attribute.defaultDescription) {
    parts.push(`Default: ${terraformNames(attribute.defaultDescription)}.`);
  }
  if (attribute.exactlyOneOf) {
    parts.push(
      `Exactly one of ${attribute.exactlyOneOf.map((n) => quote(snakeCase(n))).join(', ')} is set.`,
    );
  }
  if (attribute.requiresReplace) parts.push('Changing it replaces the resource.');
  return parts.join(' ');
}

function hasDefault(attribute: AttributeDescription): boolean {
  return (
    attribute.presence === 'optional' &&
    (attribute.default !== undefined || attribute.defaultDescription !== undefined)
  );
}

/** One core attribute as a Terraform schema attribute. */
export function terraformAttribute(attribute: AttributeDescription): TerraformAttribute {
  const name = snakeCase(attribute.name);
  const type = CTY_TYPES[attribute.type];
  const defaulted = hasDefault(attribute);
  const schema: SchemaAttribute = {
    name,
    type: encodeCtyType(type),
    description: describeAttribute(attribute),
    description_kind: 'MARKDOWN',
    ...(attribute.presence === 'required' ? { required: true } : {}),
    ...(attribute.presence === 'optional' ? { optional: true } : {}),
    ...(attribute.presence === 'computed' || defaulted ? { computed: true } : {}),
    ...(attribute.sensitive ? { sensitive: true } : {}),
  };
  return {
    name,
    coreName: attribute.name,
    coreType: attribute.type,
    type,
    role: attribute.presence === 'computed' ? 'computed' : 'input',
    hasDefault: defaulted,
    requiresReplace: attribute.requiresReplace,
    schema,
  };
}

function idAttribute(kind: ResourceKind): TerraformAttribute {
  const forms = kindContract(kind).idForms.map(quote).join(', ');
  return {
    name: 'id',
    coreName: 'id',
    coreType: 'string',
    type: cty.string,
    role: 'id',
    hasDefault: false,
    requiresReplace: false,
    schema: {
      name: 'id',
      type: encodeCtyType(cty.string),
      description: `The resource id, which is also its import id: ${forms}.`,
      description_kind: 'MARKDOWN',
      computed: true,
    },
  };
}

function typeOf(
  typeName: string,
  kind: ResourceKind,
  attributes: readonly TerraformAttribute[],
  description: string,
): TerraformType {
  const block: SchemaBlock = {
    version: RESOURCE_SCHEMA_VERSION,
    description,
    description_kind: 'MARKDOWN',
    attributes: attributes.map((a) => a.schema),
  };
  return {
    typeName,
    kind,
    attributes,
    schema: { version: RESOURCE_SCHEMA_VERSION, block },
    valueType: impliedType(block),
  };
}

const RESOURCE_DESCRIPTIONS: Readonly<Record<ResourceTypeName, string>> = {
  ghinteractions_limit:
    'An interaction limit on an organization, a repository or the token’s user, kept in force: ' +
    'renewed when it has expired or expires within `renew_within`. A repository limit ' +
    'overridden by its owner’s limit is an error that names the owner and when its limit expires.',
  ghinteractions_pr_bypass_list:
    'The logins a repository’s pull-request creation cap does not apply to. Authoritative: ' +
    'logins added on GitHub and not declared here are removed.',
  ghinteractions_pr_creation_cap:
    'The cap on open pull requests per user without write access, for an organization or a ' +
    'repository. Destroying it switches the cap off.',
};

/** A resource type's schema and attributes, from its kind's attributes. */
export function resourceType(typeName: ResourceTypeName): TerraformType {
  const kind = RESOURCE_TYPES[typeName];
  const attributes = [...kindContract(kind).attributes.map(terraformAttribute), idAttribute(kind)];
  return typeOf(typeName, kind, attributes, RESOURCE_DESCRIPTIONS[typeName]);
}

/**
 * A data source reads what GitHub has at a scope: the kind's scope attributes are its inputs
 * (exactly one), and the observed values (`limit`, and the kind's computed attributes) its
 * outputs. Declared-only inputs (expiry, renewal) have no meaning there and are left out.
 */
export const DATA_SOURCE_OUTPUTS: Readonly<Record<DataSourceTypeName, readonly string[]>> = {
  ghinteractions_limit: ['limit'],
};

export function dataSourceType(typeName: DataSourceTypeName): TerraformType {
  const kind = DATA_SOURCE_TYPES[typeName];
  const outputs = DATA_SOURCE_OUTPUTS[typeName];
  const attributes: TerraformAttribute[] = [];
  for (const attribute of kindContract(kind).attributes) {
    if (attribute.exactlyOneOf) {
      attributes.push(terraformAttribute(attribute));
    } else if (outputs.includes(attribute.name)) {
      const { allowedValues, description } = attribute;
      attributes.push(
        terraformAttribute({
          name: attribute.name,
          type: attribute.type,
          presence: 'computed',
          sensitive: attribute.sensitive,
          description: `In force at the scope (null when there is none). ${description}`,
          requiresReplace: false,
          ...(allowedValues ? { allowedValues } : {}),
        }),
      );
    } else if (attribute.presence === 'computed') {
      attributes.push(terraformAttribute(attribute));
    }
  }
  attributes.push(idAttribute(kind));
  return typeOf(
    typeName,
    kind,
    attributes,
    'What GitHub has in force at an organization, a repository or the token’s user: read-only.',
  );
}

/** The provider's own configuration: the connection settings every front door shares. */
export const PROVIDER_CONFIG_SCHEMA: Schema = {
  version: 0,
  block: {
    description:
      'Connection to GitHub: a token, or a GitHub App installation. Each setting falls back to ' +
      'the environment variable every gh-interactions front door reads.',
    description_kind: 'MARKDOWN',
    attributes: [
      {
        name: 'token',
        type: encodeCtyType(cty.string),
        optional: true,
        sensitive: true,
        description:
          'A GitHub token (personal access token or installation token). Default: `GITHUB_TOKEN`. ' +
          'Ignored when `app_auth` is set.',
        description_kind: 'MARKDOWN',
      },
      {
        name: 'base_url',
        type: encodeCtyType(cty.string),
        optional: true,
        description:
          'The GitHub API URL: `https://api.github.com`, or for GitHub Enterprise Server ' +
          '`https://HOST` or `https://HOST/api/v3`. Default: `GITHUB_BASE_URL`, else ' +
          '`https://api.github.com`.',
        description_kind: 'MARKDOWN',
      },
    ],
    block_types: [
      {
        type_name: 'app_auth',
        nesting: 'SINGLE',
        block: {
          description:
            'Authenticate as a GitHub App installation instead of with a token. An empty block ' +
            'reads every setting from the environment.',
          description_kind: 'MARKDOWN',
          attributes: [
            {
              name: 'id',
              type: encodeCtyType(cty.string),
              optional: true,
              description: 'The GitHub App id. Default: `GITHUB_APP_ID`.',
              description_kind: 'MARKDOWN',
            },
            {
              name: 'installation_id',
              type: encodeCtyType(cty.string),
              optional: true,
              description: 'The installation id of the App. Default: `GITHUB_APP_INSTALLATION_ID`.',
              description_kind: 'MARKDOWN',
            },
            {
              name: 'pem_file',
              type: encodeCtyType(cty.string),
              optional: true,
              sensitive: true,
              description:
                'The App’s private key: its PEM text (as `integrations/github` takes it, e.g. ' +
                '`file("app.pem")`), or the path of a PEM file. Default: ' +
                '`GITHUB_APP_PRIVATE_KEY` (PEM text) or `GITHUB_APP_PEM_FILE` (a path).',
              description_kind: 'MARKDOWN',
            },
          ],
        },
      },
    ],
  },
};

export const PROVIDER_CONFIG_TYPE: CtyType = impliedType(PROVIDER_CONFIG_SCHEMA.block);

/** Every type the provider serves, built once per process. */
export interface ProviderTypes {
  readonly resources: Readonly<Record<ResourceTypeName, TerraformType>>;
  readonly dataSources: Readonly<Record<DataSourceTypeName, TerraformType>>;
}

let built: ProviderTypes | undefined;

export function providerTypes(): ProviderTypes {
  built ??= {
    resources: Object.fromEntries(
      (Object.keys(RESOURCE_TYPES) as ResourceTypeName[]).map((name) => [name, resourceType(name)]),
    ) as Record<ResourceTypeName, TerraformType>,
    dataSources: Object.fromEntries(
      (Object.keys(DATA_SOURCE_TYPES) as DataSourceTypeName[]).map((name) => [
        name,
        dataSourceType(name),
      ]),
    ) as Record<DataSourceTypeName, TerraformType>,
  };
  return built;
}
