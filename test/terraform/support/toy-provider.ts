import type * as Protocol from '../../../src/terraform/protocol';

/**
 * A TEST-ONLY provider with one resource, `ghinteractions_toy` (required `value`, computed `id`),
 * that stores nothing anywhere: its state lives in Terraform's state alone. It exercises the
 * protocol foundation the way the real provider will, through its public API only.
 *
 * The protocol module is passed in rather than imported, so this file transpiles to a script
 * with no imports of its own, which the end-to-end test runs against the built dist/.
 */
export function serveToyProvider(protocol: typeof Protocol): void {
  const { cty, encodeCtyType, fromDynamicValue, fromRawState, toDynamicValue, unknown } = protocol;
  const toyType = cty.object({ id: cty.string, value: cty.string });
  type Toy = { id: Protocol.CtyValue; value: Protocol.CtyValue } | null;

  const read = (value: Protocol.DynamicValue | null) => fromDynamicValue(value, toyType) as Toy;
  const write = (value: Toy) => toDynamicValue(value, toyType);

  void protocol.serveProvider(() => ({
    GetProviderSchema: () => ({
      provider: { block: {} },
      resource_schemas: {
        ghinteractions_toy: {
          version: 0,
          block: {
            description: 'A test resource that stores its value in the state only.',
            attributes: [
              { name: 'value', type: encodeCtyType(cty.string), required: true },
              { name: 'id', type: encodeCtyType(cty.string), computed: true },
            ],
          },
        },
      },
    }),
    // Lets tests see the stop signal (SIGINT, StopProvider) from outside the process.
    ValidateProviderConfig: (_request, { signal }) =>
      signal.aborted ? { diagnostics: [protocol.warningDiagnostic('Stop requested')] } : {},
    ValidateResourceConfig: (request) => {
      const config = read(request.config);
      return config?.value === ''
        ? {
            diagnostics: [
              protocol.errorDiagnostic('Empty value', 'value must not be empty', ['value']),
            ],
          }
        : {};
    },
    ConfigureProvider: () => ({}),
    UpgradeResourceState: (request) => ({
      upgraded_state: write(fromRawState(request.raw_state, toyType) as Toy),
    }),
    ReadResource: (request) => ({ new_state: write(read(request.current_state)) }),
    PlanResourceChange: (request) => {
      const prior = read(request.prior_state);
      const proposed = read(request.proposed_new_state);
      if (proposed === null) return { planned_state: write(null) };
      return { planned_state: write({ value: proposed.value, id: prior?.id ?? unknown }) };
    },
    ApplyResourceChange: (request) => {
      const prior = read(request.prior_state);
      const planned = read(request.planned_state);
      if (planned === null) return { new_state: write(null) };
      return {
        new_state: write({ value: planned.value, id: prior?.id ?? `toy-${String(planned.value)}` }),
      };
    },
  }));
}
