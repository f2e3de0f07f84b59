export type {
  CtyCollectionType,
  CtyObjectType,
  CtyPrimitiveType,
  CtyTupleType,
  CtyType,
} from './cty-type';
export {
  CtyTypeError,
  cty,
  ctyTypeEquals,
  ctyTypeFromJSON,
  ctyTypeToJSON,
  decodeCtyType,
  describeCtyType,
  encodeCtyType,
} from './cty-type';
export type { CtyValue } from './cty-value';
export { CtyDynamic, CtyUnknown, isUnknown, isWhollyKnown, unknown } from './cty-value';
export type { CtyDecodeOptions } from './cty-codec';
export {
  CtyValueError,
  decodeCtyJson,
  decodeCtyMsgpack,
  encodeCtyJson,
  encodeCtyMsgpack,
} from './cty-codec';
export { fromDynamicValue, fromRawState, toDynamicValue } from './dynamic-value';
export { impliedType } from './schema';
export type { PathStep } from './diagnostics';
export {
  DiagnosticsError,
  attributePath,
  describeError,
  diagnosticsFromError,
  errorDiagnostic,
  hasErrors,
  warningDiagnostic,
} from './diagnostics';
export type * from './messages';
export type { HandshakeEnvironment, HandshakeLine, HandshakeMessageOptions } from './handshake';
export {
  CORE_PROTOCOL_VERSION,
  DEFAULT_EXECUTABLE_NAME,
  DEFAULT_INSTALL_HINT,
  HandshakeError,
  MAGIC_COOKIE_KEY,
  MAGIC_COOKIE_VALUE,
  PLUGIN_PROTOCOL_VERSION,
  formatHandshakeLine,
  parseHandshakeLine,
  readHandshakeEnvironment,
} from './handshake';
export type { CertificateCurve, PluginCertificate } from './certificate';
export { DEFAULT_CERTIFICATE_CURVE, generatePluginCertificate } from './certificate';
export type { PluginServer, PluginServerOptions, ProviderHandlersSource } from './server';
export { SHUTDOWN_GRACE_MS, startPluginServer } from './server';
export type { ServeProviderOptions } from './serve';
export { DEFAULT_PARENT_POLL_INTERVAL_MS, serveProvider } from './serve';
export type { PluginClient } from './plugin-client';
export { connectToPlugin } from './plugin-client';
export type { InstallProviderOptions, InstalledProvider, LauncherScriptOptions } from './launcher';
export {
  PROVIDER_HOSTNAME,
  PROVIDER_NAMESPACE,
  PROVIDER_TYPE,
  installProvider,
  launcherScript,
  providerExecutableName,
  terraformPlatform,
} from './launcher';
export { LOADER_OPTIONS, protocolDefinitions } from './definitions';
export type { ProtocolDefinitions } from './definitions';
