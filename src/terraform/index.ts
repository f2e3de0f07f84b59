export {
  DATA_SOURCE_TYPES,
  PROVIDER_NAME,
  PROVIDER_SOURCE,
  RESOURCE_TYPES,
  isDataSourceTypeName,
  isResourceTypeName,
  kindTitle,
} from './names';
export type { DataSourceTypeName, ResourceTypeName } from './names';
export {
  DATA_SOURCE_OUTPUTS,
  PROVIDER_CONFIG_SCHEMA,
  PROVIDER_CONFIG_TYPE,
  RESOURCE_SCHEMA_VERSION,
  dataSourceType,
  describeAttribute,
  providerTypes,
  resourceType,
  terraformAttribute,
  terraformNames,
} from './schema';
export type { ProviderTypes, TerraformAttribute, TerraformType } from './schema';
export { createProviderHandlers } from './provider';
export type { ProviderOptions } from './provider';
export type { ProviderConfig } from './config';
export { clientSettingsFrom, readProviderConfig, validateProviderConfig } from './config';
export {
  DEFAULT_MIRROR_DIRECTORY,
  USER_MIRROR_DIRECTORY,
  installTerraformProvider,
  providerEntry,
} from './install';
export type { InstallTerraformProviderOptions, InstalledTerraformProvider } from './install';
