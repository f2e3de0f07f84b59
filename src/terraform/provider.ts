import type { ClientSettings } from '../github';
import { createClient } from '../github';
import { clientSettingsFrom, readProviderConfig, validateProviderConfig } from './config';
import { readDataSource, validateDataSourceConfig } from './data-sources';
import { errorDiagnostics } from './diagnostics';
import type { DataSourceTypeName, ResourceTypeName } from './names';
import { isDataSourceTypeName, isResourceTypeName } from './names';
import type { CallContext, Diagnostic, ProviderHandlers } from './protocol';
import { DiagnosticsError, errorDiagnostic, fromDynamicValue } from './protocol';
import { serverClock } from './clock';
import type { Connection, HandlerContext } from './resources';
import {
  applyResourceChange,
  importResourceState,
  planResourceChange,
  readResource,
  upgradeResourceState,
  validateResourceConfig,
} from './resources';
import type { TerraformType } from './schema';
import { PROVIDER_CONFIG_SCHEMA, PROVIDER_CONFIG_TYPE, providerTypes } from './schema';

export interface ProviderOptions {
  /** Where the environment fallbacks come from. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Settings the provider block cannot set (tests: retries, write spacing). */
  readonly clientDefaults?: Partial<ClientSettings>;
}

/** The server capabilities this provider announces (none of the optional ones). */
const SERVER_CAPABILITIES = {
  plan_destroy: false,
  get_provider_schema_optional: false,
  move_resource_state: false,
  generate_resource_config: false,
};

/**
 * The tfplugin6 handlers of the `gh-interactions/ghinteractions` provider. Methods left out
 * (functions, ephemeral resources, state stores, actions, moves…) answer UNIMPLEMENTED.
 */
export function createProviderHandlers(options: ProviderOptions = {}): Partial<ProviderHandlers> {
  const env = options.env ?? process.env;
  const types = providerTypes();
  let connection: Connection | undefined;
  let notConfiguredWhy =
    'Terraform has not called ConfigureProvider yet; this is a bug in the caller.';

  const context = (call: CallContext): HandlerContext => ({
    connection: () => {
      if (connection) return connection;
      throw new DiagnosticsError(
        errorDiagnostic('The provider is not configured', notConfiguredWhy),
      );
    },
    signal: call.signal,
  });

  const resource = (typeName: string): TerraformType => {
    if (!isResourceTypeName(typeName)) throw unknownType('resource', typeName);
    return types.resources[typeName as ResourceTypeName];
  };
  const dataSource = (typeName: string): TerraformType => {
    if (!isDataSourceTypeName(typeName)) throw unknownType('data source', typeName);
    return types.dataSources[typeName as DataSourceTypeName];
  };
  const withDiagnostics = async (
    work: () => Promise<Diagnostic[]>,
  ): Promise<{ diagnostics: Diagnostic[] }> => ({ diagnostics: await work() });

  return {
    GetMetadata: () => ({
      server_capabilities: SERVER_CAPABILITIES,
      resources: Object.keys(types.resources).map((type_name) => ({ type_name })),
      data_sources: Object.keys(types.dataSources).map((type_name) => ({ type_name })),
    }),

    GetProviderSchema: () => ({
      provider: PROVIDER_CONFIG_SCHEMA,
      // No provider_meta of our own; an empty block rather than none, which Terraform expects.
      provider_meta: { version: 0, block: {} },
      resource_schemas: Object.fromEntries(
        Object.entries(types.resources).map(([name, type]) => [name, type.schema]),
      ),
      data_source_schemas: Object.fromEntries(
        Object.entries(types.dataSources).map(([name, type]) => [name, type.schema]),
      ),
      server_capabilities: SERVER_CAPABILITIES,
    }),

    ValidateProviderConfig: (request) => ({
      diagnostics: validateProviderConfig(fromDynamicValue(request.config, PROVIDER_CONFIG_TYPE)),
    }),

    ConfigureProvider: (request) => {
      const config = readProviderConfig(fromDynamicValue(request.config, PROVIDER_CONFIG_TYPE));
      if (config === undefined) {
        // Terraform configures a provider whose block depends on resources not applied yet
        // with unknown values; nothing can be read until they are known.
        notConfiguredWhy =
          'The provider block uses values that are known only after apply (for example another resource’s attribute). Use values known at plan time: variables, locals or data sources.';
        return {};
      }
      const settings = clientSettingsFrom(config, env);
      if (!('settings' in settings)) return { diagnostics: settings.diagnostics };
      try {
        const client = createClient({ ...options.clientDefaults, ...settings.settings });
        connection = { client, clock: serverClock(client) };
      } catch (error) {
        return { diagnostics: errorDiagnostics(error, 'Provider configuration') };
      }
      return {};
    },

    ValidateResourceConfig: (request) =>
      withDiagnostics(() => validateResourceConfig(resource(request.type_name), request.config)),
    ValidateDataResourceConfig: (request) =>
      withDiagnostics(() =>
        validateDataSourceConfig(dataSource(request.type_name), request.config),
      ),
    UpgradeResourceState: (request) => upgradeResourceState(resource(request.type_name), request),
    ReadResource: (request, call) =>
      readResource(resource(request.type_name), request, context(call)),
    PlanResourceChange: (request, call) =>
      planResourceChange(resource(request.type_name), request, context(call)),
    ApplyResourceChange: (request, call) =>
      applyResourceChange(resource(request.type_name), request, context(call)),
    ImportResourceState: (request, call) =>
      importResourceState(resource(request.type_name), request, context(call)),
    ReadDataSource: (request, call) =>
      readDataSource(dataSource(request.type_name), request, context(call)),
    // Calls in flight see the stop through their signal; nothing else to release.
    StopProvider: () => ({}),
  };
}

function unknownType(what: string, typeName: string): DiagnosticsError {
  const known = Object.keys(
    what === 'resource' ? providerTypes().resources : providerTypes().dataSources,
  ).join(', ');
  return new DiagnosticsError(
    errorDiagnostic(
      `Unknown ${what} type ${JSON.stringify(typeName)}`,
      `This provider serves the ${what} types ${known}.`,
    ),
  );
}
