import type { ProviderOptions, ResourceTypeName, TerraformType } from '../../../src/terraform';
import {
  PROVIDER_CONFIG_TYPE,
  createProviderHandlers,
  providerTypes,
} from '../../../src/terraform';
import type {
  CtyValue,
  Diagnostic,
  ProviderHandlers,
  ProviderMethod,
  ProviderRequest,
  ProviderResponse,
} from '../../../src/terraform/protocol';
import { fromDynamicValue, toDynamicValue } from '../../../src/terraform/protocol';

/**
 * Drives the provider's handlers the way Terraform does, in process: values go through the cty
 * msgpack codec both ways, and each resource call sees the private data the previous one
 * returned (ReadResource → PlanResourceChange → ApplyResourceChange).
 */

export type Value = Record<string, CtyValue>;

export interface Stored {
  readonly state: Value | null;
  readonly private?: Uint8Array;
}

export interface Harness {
  readonly handlers: Partial<ProviderHandlers>;
  /** Every response so far, for checks such as "the token is never in one". */
  readonly responses: unknown[];
  call<M extends ProviderMethod>(
    method: M,
    request: ProviderRequest<M>,
    signal?: AbortSignal,
  ): Promise<ProviderResponse<M>>;
  configure(config: Value): Promise<Diagnostic[]>;
  type(typeName: ResourceTypeName): TerraformType;
  /** A config value: the given attributes, every other one null. */
  config(typeName: ResourceTypeName, attributes: Value): Value;
  validate(typeName: ResourceTypeName, config: Value): Promise<Diagnostic[]>;
  plan(
    typeName: ResourceTypeName,
    prior: Stored,
    config: Value | null,
  ): Promise<{
    planned: Value | null;
    private?: Uint8Array;
    response: ProviderResponse<'PlanResourceChange'>;
  }>;
  apply(
    typeName: ResourceTypeName,
    prior: Stored,
    planned: { planned: Value | null; private?: Uint8Array },
    config: Value | null,
  ): Promise<{ stored: Stored; diagnostics: Diagnostic[] }>;
  read(
    typeName: ResourceTypeName,
    stored: Stored,
  ): Promise<{ stored: Stored; diagnostics: Diagnostic[] }>;
  /** Plan then apply, as `terraform apply` does; fails the test on any error. */
  converge(typeName: ResourceTypeName, prior: Stored, config: Value | null): Promise<Stored>;
}

const NO_CAPABILITIES = { deferral_allowed: false, write_only_attributes_allowed: false };

export function providerHarness(options: ProviderOptions = {}): Harness {
  const handlers = createProviderHandlers({
    env: {},
    clientDefaults: { writeIntervalMs: 0, retryBaseMs: 1 },
    ...options,
  });
  const responses: unknown[] = [];
  const types = providerTypes();
  const type = (typeName: ResourceTypeName) => types.resources[typeName];
  const encode = (typeName: ResourceTypeName, value: Value | null) =>
    toDynamicValue(value, type(typeName).valueType);
  const decode = (typeName: ResourceTypeName, value: unknown) =>
    fromDynamicValue(value as never, type(typeName).valueType) as Value | null;

  const call = async <M extends ProviderMethod>(
    method: M,
    request: ProviderRequest<M>,
    signal: AbortSignal = new AbortController().signal,
  ): Promise<ProviderResponse<M>> => {
    const handler = handlers[method] as
      ((request: unknown, context: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`${method} is not implemented`);
    const response = (await handler(request, { method, signal })) as ProviderResponse<M>;
    responses.push(response);
    return response;
  };

  const harness: Harness = {
    handlers,
    responses,
    call,
    type,
    async configure(config) {
      const response = await call('ConfigureProvider', {
        terraform_version: '1.11.4',
        config: toDynamicValue(config, PROVIDER_CONFIG_TYPE),
        client_capabilities: NO_CAPABILITIES,
      });
      return [...(response.diagnostics ?? [])];
    },
    config(typeName, attributes) {
      return Object.fromEntries(
        type(typeName).attributes.map((a) => [a.name, attributes[a.name] ?? null]),
      );
    },
    async validate(typeName, config) {
      const response = await call('ValidateResourceConfig', {
        type_name: typeName,
        config: encode(typeName, config),
        client_capabilities: NO_CAPABILITIES,
      });
      return [...(response.diagnostics ?? [])];
    },
    async plan(typeName, prior, config) {
      // Terraform's proposed new state: the config, with the prior values of computed
      // attributes the config leaves null (terraform/internal/plans/objchange.ProposedNew).
      const proposed =
        config === null
          ? null
          : Object.fromEntries(
              type(typeName).attributes.map((a) => [
                a.name,
                config[a.name] === null && a.schema.computed && prior.state
                  ? (prior.state[a.name] ?? null)
                  : config[a.name]!,
              ]),
            );
      const response = await call('PlanResourceChange', {
        type_name: typeName,
        prior_state: encode(typeName, prior.state),
        proposed_new_state: encode(typeName, proposed),
        config: encode(typeName, config),
        prior_private: Buffer.from(prior.private ?? []),
        provider_meta: null,
        client_capabilities: NO_CAPABILITIES,
        prior_identity: null,
      });
      return {
        planned: response.planned_state ? decode(typeName, response.planned_state) : null,
        ...(response.planned_private ? { private: response.planned_private } : {}),
        response,
      };
    },
    async apply(typeName, prior, planned, config) {
      const response = await call('ApplyResourceChange', {
        type_name: typeName,
        prior_state: encode(typeName, prior.state),
        planned_state: encode(typeName, planned.planned),
        config: encode(typeName, config),
        planned_private: Buffer.from(planned.private ?? []),
        provider_meta: null,
        planned_identity: null,
      });
      return {
        stored: {
          state: decode(typeName, response.new_state),
          ...(response.private ? { private: response.private } : {}),
        },
        diagnostics: [...(response.diagnostics ?? [])],
      };
    },
    async read(typeName, stored) {
      const response = await call('ReadResource', {
        type_name: typeName,
        current_state: encode(typeName, stored.state),
        private: Buffer.from(stored.private ?? []),
        provider_meta: null,
        client_capabilities: NO_CAPABILITIES,
        current_identity: null,
      });
      return {
        stored: {
          state: response.new_state ? decode(typeName, response.new_state) : stored.state,
          ...(response.private ? { private: response.private } : {}),
        },
        diagnostics: [...(response.diagnostics ?? [])],
      };
    },
    async converge(typeName, prior, config) {
      const planned = await harness.plan(typeName, prior, config);
      expect(errorsOf(planned.response.diagnostics)).toEqual([]);
      const applied = await harness.apply(typeName, prior, planned, config);
      expect(errorsOf(applied.diagnostics)).toEqual([]);
      return applied.stored;
    },
  };
  return harness;
}

export function errorsOf(diagnostics: readonly Diagnostic[] | undefined): string[] {
  return (diagnostics ?? [])
    .filter((d) => d.severity === 'ERROR')
    .map((d) => `${d.summary}: ${d.detail}`);
}

export function warningsOf(diagnostics: readonly Diagnostic[] | undefined): string[] {
  return (diagnostics ?? [])
    .filter((d) => d.severity === 'WARNING')
    .map((d) => `${d.summary}: ${d.detail}`);
}

/** An attribute path as Terraform's steps, for comparisons. */
export function stepsOf(diagnostic: Diagnostic | undefined): unknown[] | undefined {
  return diagnostic?.attribute?.steps.map((step) =>
    'attribute_name' in step
      ? step.attribute_name
      : 'element_key_int' in step
        ? step.element_key_int
        : step.element_key_string,
  );
}
