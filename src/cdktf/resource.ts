import type { Construct } from 'constructs';
import type { AttributeDescription, ResourceKind, ValidationIssue } from '../core';
import { SpecValidationError, UNKNOWN, kindContract, snakeCase } from '../core';
import type { IResolvable, ITerraformDependable, TerraformResourceLifecycle } from './framework';
import {
  TerraformResource,
  Token,
  booleanToTerraform,
  listMapper,
  numberToTerraform,
  stringToTerraform,
} from './framework';
import type { HclAttribute } from './hcl';
import { definedOnly, hclBoolean, hclNumber, hclString, hclStringList } from './hcl';
import { GhInteractionsProvider } from './provider';
import { PROVIDER_NAME, providerVersion } from './provider-package';

/**
 * A GitHub repository as `@cdktf/provider-github` exposes one: its `Repository` resource and
 * `DataGithubRepository` data source both have `fullName` (`owner/name`). Passing the object
 * rather than a string makes Terraform create the repository before the limit.
 */
export interface IRepositoryReference {
  readonly fullName: string;
}

/** `owner/name`, or an object with the repository's `fullName`. */
export type RepositoryReference = string | IRepositoryReference;

/** What every construct takes besides its kind's attributes: Terraform's meta-arguments. */
export interface GhInteractionsResourceProps {
  /**
   * The provider configuration to use, e.g. an aliased second one.
   * @default - the stack's default GhInteractionsProvider (added when the stack has none)
   */
  readonly provider?: GhInteractionsProvider;
  /**
   * Resources this one waits for beyond those its values reference.
   * @default - none: Terraform orders resources by their references
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Terraform's lifecycle settings (prevent_destroy, ignore_changes…).
   * @default - Terraform's defaults
   */
  readonly lifecycle?: TerraformResourceLifecycle;
}

/** The props of GhInteractionsResourceProps: Terraform's, not the kind's. */
const META_ARGUMENTS: readonly string[] = ['provider', 'dependsOn', 'lifecycle'];

/** A value of an attribute as the constructs take it: known, or a token resolved by Terraform. */
export type AttributeValue = string | number | boolean | IResolvable | readonly string[];

/**
 * A value as the core's validation sees it: a token (a reference to another resource, a
 * variable) is `UNKNOWN`, so it is checked by the provider at plan time; a list may be unknown
 * as a whole or element by element.
 */
export function coreValue(value: unknown): unknown {
  if (Token.isUnresolved(value)) return UNKNOWN;
  if (Array.isArray(value)) return value.map((v) => (Token.isUnresolved(v) ? UNKNOWN : v));
  return value;
}

const REPOSITORY_EXPECTED =
  'a repository as "owner/name", or a Repository of @cdktf/provider-github (an object with fullName)';

/**
 * The repository's `owner/name` (possibly a token) from a string or a Repository, or the issue
 * naming the prop when it is neither.
 */
export function repositoryFullName(value: RepositoryReference | undefined): {
  fullName?: string;
  issue?: ValidationIssue;
} {
  if (value === undefined || typeof value === 'string') return { fullName: value };
  const fullName = (value as Partial<IRepositoryReference> | null)?.fullName;
  if (typeof fullName === 'string') return { fullName };
  const received =
    value !== null && typeof value === 'object'
      ? `an object${value.constructor?.name ? ` (${value.constructor.name})` : ''} without fullName`
      : JSON.stringify(value);
  return {
    issue: {
      path: 'repository',
      value,
      expected: REPOSITORY_EXPECTED,
      message: `[repository] ${received} is not allowed; expected ${REPOSITORY_EXPECTED}`,
    },
  };
}

export interface ResourceDefinition {
  /** `ghinteractions_limit`… */
  readonly typeName: string;
  readonly kind: ResourceKind;
  readonly props: GhInteractionsResourceProps;
  /**
   * The kind's inputs by their core (camelCase) name; undefined ones are left out. `repository`
   * may be a Repository: its `fullName` is the value.
   */
  readonly inputs: Readonly<Record<string, AttributeValue | RepositoryReference | undefined>>;
}

/**
 * A resource of the gh-interactions provider for one core kind. Its attributes are the kind's
 * (`kindContract(kind).attributes`) in snake_case; its inputs are validated by the kind's own
 * `validateInputs` when the construct is made, so a bad value fails synth with the core's message
 * naming the prop, and a token is left to the provider's plan.
 */
export abstract class GhInteractionsResource extends TerraformResource {
  /** The core kind this resource declares. */
  public readonly kind: ResourceKind;
  private readonly inputs: Readonly<Record<string, AttributeValue>>;
  private readonly attributeDescriptions: readonly AttributeDescription[];

  protected constructor(scope: Construct, id: string, definition: ResourceDefinition) {
    super(scope, id, {
      terraformResourceType: definition.typeName,
      terraformGeneratorMetadata: {
        providerName: PROVIDER_NAME,
        providerVersion: providerVersion(),
      },
      provider: definition.props.provider,
      dependsOn: definition.props.dependsOn,
      lifecycle: definition.props.lifecycle,
    });
    this.kind = definition.kind;
    const { repository, ...others } = definition.inputs;
    const { fullName, issue } = repositoryFullName(repository as RepositoryReference | undefined);
    this.inputs = definedOnly({ ...others, repository: fullName });
    const contract = kindContract(definition.kind);
    this.attributeDescriptions = contract.attributes.filter((a) => a.presence !== 'computed');

    const inputs: Record<string, unknown> = Object.fromEntries(
      Object.entries(this.inputs).map(([name, value]) => [name, coreValue(value)]),
    );
    // A prop the kind does not know (a typo, from JavaScript) goes to the core, which names it.
    for (const name of Object.keys(definition.props)) {
      if (!(name in definition.inputs) && !META_ARGUMENTS.includes(name)) {
        inputs[name] = (definition.props as Record<string, unknown>)[name];
      }
    }
    // A repository that is not one is reported once, here, not again as missing by the core.
    if (issue) inputs.repository = UNKNOWN;
    const issues = contract.validateInputs(inputs);
    if (issue) issues.unshift(issue);
    if (issues.length > 0) {
      throw new SpecValidationError(issues, `${definition.kind} ${this.node.path}`);
    }
    if (!definition.props.provider) GhInteractionsProvider.ensureDefault(this);
  }

  /** The resource id, which is also its import id (`repo/OWNER/NAME`…). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected override synthesizeAttributes(): { [name: string]: unknown } {
    const attributes: Record<string, unknown> = {};
    for (const attribute of this.attributeDescriptions) {
      const value = this.inputs[attribute.name];
      if (value === undefined) continue;
      attributes[snakeCase(attribute.name)] = TO_TERRAFORM[attribute.type](value);
    }
    return attributes;
  }

  protected override synthesizeHclAttributes(): { [name: string]: unknown } {
    const attributes: Record<string, HclAttribute | undefined> = {};
    for (const attribute of this.attributeDescriptions) {
      const value = this.inputs[attribute.name];
      if (value === undefined) continue;
      attributes[snakeCase(attribute.name)] = TO_HCL[attribute.type](value);
    }
    return definedOnly(attributes);
  }
}

/**
 * A duration given as a number of seconds is written as a string: the provider's `renew_within`
 * is a string (`"3d"`, or seconds as `"86400"`).
 */
function durationToTerraform(value: unknown): unknown {
  return typeof value === 'number' && !Token.isUnresolved(value)
    ? String(value)
    : stringToTerraform(value);
}

const TO_TERRAFORM: Readonly<Record<AttributeDescription['type'], (value: unknown) => unknown>> = {
  string: stringToTerraform,
  number: numberToTerraform,
  boolean: booleanToTerraform,
  string_list: listMapper(stringToTerraform, false),
  string_or_number: durationToTerraform,
};

const TO_HCL: Readonly<
  Record<AttributeDescription['type'], (value: unknown) => HclAttribute | undefined>
> = {
  string: hclString,
  number: hclNumber,
  boolean: hclBoolean,
  string_list: hclStringList,
  string_or_number: (value) => hclString(durationToTerraform(value)),
};
