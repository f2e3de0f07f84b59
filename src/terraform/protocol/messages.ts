/**
 * TypeScript shapes of the tfplugin6 messages (proto/tfplugin6.proto) as handlers receive and
 * return them. Field names are the proto names (snake_case). Requests arrive complete: scalars
 * hold their zero value when unset, bytes are Buffers, enums are their names, 64-bit integers
 * are numbers, and an unset message field is null. Responses may leave any field out.
 */

/** A value in transit; see dynamic-value.ts to read and write one. */
export interface DynamicValue {
  readonly msgpack?: Uint8Array;
  readonly json?: Uint8Array;
}

export type DiagnosticSeverity = 'INVALID' | 'ERROR' | 'WARNING';

export type AttributePathStep =
  | { readonly attribute_name: string }
  | { readonly element_key_string: string }
  | { readonly element_key_int: number };

export interface AttributePath {
  readonly steps: readonly AttributePathStep[];
}

export interface Diagnostic {
  /** A number is accepted too (1 error, 2 warning), as in the wire enum. */
  readonly severity: DiagnosticSeverity | 1 | 2;
  readonly summary: string;
  readonly detail?: string;
  readonly attribute?: AttributePath | null;
}

export interface FunctionError {
  readonly text: string;
  readonly function_argument?: number;
}

export interface RawState {
  readonly json: Uint8Array;
  readonly flatmap: Readonly<Record<string, string>>;
}

export type StringKind = 'PLAIN' | 'MARKDOWN';

export interface SchemaAttribute {
  readonly name: string;
  /** cty type JSON bytes (encodeCtyType); leave out when nested_type is set. */
  readonly type?: Uint8Array;
  readonly nested_type?: SchemaObject;
  readonly description?: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly description_kind?: StringKind;
  readonly deprecated?: boolean;
  readonly write_only?: boolean;
  readonly deprecation_message?: string;
}

export type BlockNestingMode = 'INVALID' | 'SINGLE' | 'LIST' | 'SET' | 'MAP' | 'GROUP';
export type ObjectNestingMode = 'INVALID' | 'SINGLE' | 'LIST' | 'SET' | 'MAP';

export interface SchemaNestedBlock {
  readonly type_name: string;
  readonly block: SchemaBlock;
  readonly nesting: BlockNestingMode;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface SchemaObject {
  readonly attributes: readonly SchemaAttribute[];
  readonly nesting: ObjectNestingMode;
}

export interface SchemaBlock {
  readonly version?: number;
  readonly attributes?: readonly SchemaAttribute[];
  readonly block_types?: readonly SchemaNestedBlock[];
  readonly description?: string;
  readonly description_kind?: StringKind;
  readonly deprecated?: boolean;
  readonly deprecation_message?: string;
}

export interface Schema {
  /** Bump when the stored state changes shape; Terraform then calls UpgradeResourceState. */
  readonly version?: number;
  readonly block: SchemaBlock;
}

export interface FunctionParameter {
  readonly name: string;
  readonly type: Uint8Array;
  readonly allow_null_value?: boolean;
  readonly allow_unknown_values?: boolean;
  readonly description?: string;
  readonly description_kind?: StringKind;
}

export interface FunctionDefinition {
  readonly parameters?: readonly FunctionParameter[];
  readonly variadic_parameter?: FunctionParameter;
  readonly return: { readonly type: Uint8Array };
  readonly summary?: string;
  readonly description?: string;
  readonly description_kind?: StringKind;
  readonly deprecation_message?: string;
}

export interface ServerCapabilities {
  readonly plan_destroy?: boolean;
  readonly get_provider_schema_optional?: boolean;
  readonly move_resource_state?: boolean;
  readonly generate_resource_config?: boolean;
}

export interface ClientCapabilities {
  readonly deferral_allowed: boolean;
  readonly write_only_attributes_allowed: boolean;
}

export interface Deferred {
  readonly reason:
    'UNKNOWN' | 'RESOURCE_CONFIG_UNKNOWN' | 'PROVIDER_CONFIG_UNKNOWN' | 'ABSENT_PREREQ';
}

export interface ResourceIdentitySchema {
  readonly version?: number;
  readonly identity_attributes: ReadonlyArray<{
    readonly name: string;
    readonly type: Uint8Array;
    readonly required_for_import?: boolean;
    readonly optional_for_import?: boolean;
    readonly description?: string;
  }>;
}

export interface ResourceIdentityData {
  readonly identity_data: DynamicValue | null;
}

interface WithDiagnostics {
  readonly diagnostics?: readonly Diagnostic[];
}

type Empty = Record<string, never>;
type TypeName = { readonly type_name: string };

export interface GetMetadataResponse extends WithDiagnostics {
  readonly server_capabilities?: ServerCapabilities;
  readonly data_sources?: readonly TypeName[];
  readonly resources?: readonly TypeName[];
  readonly functions?: ReadonlyArray<{ readonly name: string }>;
  readonly ephemeral_resources?: readonly TypeName[];
  readonly list_resources?: readonly TypeName[];
  readonly state_stores?: readonly TypeName[];
  readonly actions?: readonly TypeName[];
}

export interface GetProviderSchemaResponse extends WithDiagnostics {
  /** Required by Terraform ("missing provider schema" otherwise); `{ block: {} }` will do. */
  readonly provider?: Schema;
  readonly resource_schemas?: Readonly<Record<string, Schema>>;
  readonly data_source_schemas?: Readonly<Record<string, Schema>>;
  readonly functions?: Readonly<Record<string, FunctionDefinition>>;
  readonly ephemeral_resource_schemas?: Readonly<Record<string, Schema>>;
  readonly list_resource_schemas?: Readonly<Record<string, Schema>>;
  readonly state_store_schemas?: Readonly<Record<string, Schema>>;
  readonly action_schemas?: Readonly<Record<string, { readonly schema: Schema }>>;
  readonly provider_meta?: Schema;
  readonly server_capabilities?: ServerCapabilities;
}

export interface ValidateProviderConfigRequest {
  readonly config: DynamicValue | null;
}

export interface UpgradeResourceStateRequest extends TypeName {
  /** The schema version the stored state was written with. */
  readonly version: number;
  readonly raw_state: RawState | null;
}
export interface UpgradeResourceStateResponse extends WithDiagnostics {
  readonly upgraded_state?: DynamicValue;
}

export interface GetResourceIdentitySchemasResponse extends WithDiagnostics {
  readonly identity_schemas?: Readonly<Record<string, ResourceIdentitySchema>>;
}

export interface UpgradeResourceIdentityRequest extends TypeName {
  readonly version: number;
  readonly raw_identity: RawState | null;
}
export interface UpgradeResourceIdentityResponse extends WithDiagnostics {
  readonly upgraded_identity?: ResourceIdentityData;
}

export interface ValidateResourceConfigRequest extends TypeName {
  readonly config: DynamicValue | null;
  readonly client_capabilities: ClientCapabilities | null;
}

export interface ValidateConfigRequest extends TypeName {
  readonly config: DynamicValue | null;
}

export interface ConfigureProviderRequest {
  readonly terraform_version: string;
  readonly config: DynamicValue | null;
  readonly client_capabilities: ClientCapabilities | null;
}

export interface ReadResourceRequest extends TypeName {
  readonly current_state: DynamicValue | null;
  readonly private: Buffer;
  readonly provider_meta: DynamicValue | null;
  readonly client_capabilities: ClientCapabilities | null;
  readonly current_identity: ResourceIdentityData | null;
}
export interface ReadResourceResponse extends WithDiagnostics {
  /** A null value tells Terraform the object no longer exists. */
  readonly new_state?: DynamicValue;
  readonly private?: Uint8Array;
  readonly deferred?: Deferred;
  readonly new_identity?: ResourceIdentityData;
}

export interface PlanResourceChangeRequest extends TypeName {
  /** Null value when creating. */
  readonly prior_state: DynamicValue | null;
  /** Null value when destroying. */
  readonly proposed_new_state: DynamicValue | null;
  readonly config: DynamicValue | null;
  readonly prior_private: Buffer;
  readonly provider_meta: DynamicValue | null;
  readonly client_capabilities: ClientCapabilities | null;
  readonly prior_identity: ResourceIdentityData | null;
}
export interface PlanResourceChangeResponse extends WithDiagnostics {
  readonly planned_state?: DynamicValue;
  readonly requires_replace?: readonly AttributePath[];
  readonly planned_private?: Uint8Array;
  readonly deferred?: Deferred;
  readonly planned_identity?: ResourceIdentityData;
}

export interface ApplyResourceChangeRequest extends TypeName {
  readonly prior_state: DynamicValue | null;
  /** Null value when destroying. */
  readonly planned_state: DynamicValue | null;
  readonly config: DynamicValue | null;
  readonly planned_private: Buffer;
  readonly provider_meta: DynamicValue | null;
  readonly planned_identity: ResourceIdentityData | null;
}
export interface ApplyResourceChangeResponse extends WithDiagnostics {
  readonly new_state?: DynamicValue;
  readonly private?: Uint8Array;
  readonly new_identity?: ResourceIdentityData;
}

export interface ImportResourceStateRequest extends TypeName {
  readonly id: string;
  readonly client_capabilities: ClientCapabilities | null;
  readonly identity: ResourceIdentityData | null;
}
export interface ImportedResource extends TypeName {
  readonly state: DynamicValue;
  readonly private?: Uint8Array;
  readonly identity?: ResourceIdentityData;
}
export interface ImportResourceStateResponse extends WithDiagnostics {
  readonly imported_resources?: readonly ImportedResource[];
  readonly deferred?: Deferred;
}

export interface GenerateResourceConfigRequest extends TypeName {
  readonly state: DynamicValue | null;
}
export interface GenerateResourceConfigResponse extends WithDiagnostics {
  readonly config?: DynamicValue;
}

export interface MoveResourceStateRequest {
  readonly source_provider_address: string;
  readonly source_type_name: string;
  readonly source_schema_version: number;
  readonly source_state: RawState | null;
  readonly target_type_name: string;
  readonly source_private: Buffer;
  readonly source_identity: RawState | null;
  readonly source_identity_schema_version: number;
}
export interface MoveResourceStateResponse extends WithDiagnostics {
  readonly target_state?: DynamicValue;
  readonly target_private?: Uint8Array;
  readonly target_identity?: ResourceIdentityData;
}

export interface ReadDataSourceRequest extends TypeName {
  readonly config: DynamicValue | null;
  readonly provider_meta: DynamicValue | null;
  readonly client_capabilities: ClientCapabilities | null;
}
export interface ReadDataSourceResponse extends WithDiagnostics {
  readonly state?: DynamicValue;
  readonly deferred?: Deferred;
}

/** google.protobuf.Timestamp as protobufjs reads and writes it. */
export interface Timestamp {
  readonly seconds: number;
  readonly nanos: number;
}

export interface OpenEphemeralResourceRequest extends TypeName {
  readonly config: DynamicValue | null;
  readonly client_capabilities: ClientCapabilities | null;
}
export interface OpenEphemeralResourceResponse extends WithDiagnostics {
  readonly renew_at?: Timestamp;
  readonly result?: DynamicValue;
  readonly private?: Uint8Array;
  readonly deferred?: Deferred;
}

export interface EphemeralResourceRequest extends TypeName {
  readonly private?: Buffer;
}
export interface RenewEphemeralResourceResponse extends WithDiagnostics {
  readonly renew_at?: Timestamp;
  readonly private?: Uint8Array;
}

export interface GetFunctionsResponse extends WithDiagnostics {
  readonly functions?: Readonly<Record<string, FunctionDefinition>>;
}

export interface CallFunctionRequest {
  readonly name: string;
  readonly arguments: readonly DynamicValue[];
}
export interface CallFunctionResponse {
  readonly result?: DynamicValue;
  readonly error?: FunctionError;
}

export interface ValidateListResourceConfigRequest extends TypeName {
  readonly config: DynamicValue | null;
  readonly include_resource_object: DynamicValue | null;
  readonly limit: DynamicValue | null;
}

export interface ConfigureStateStoreRequest extends TypeName {
  readonly config: DynamicValue | null;
  readonly capabilities: { readonly chunk_size: number } | null;
}
export interface ConfigureStateStoreResponse extends WithDiagnostics {
  readonly capabilities?: { readonly chunk_size: number };
}

export interface StateRequest extends TypeName {
  readonly state_id: string;
}
export interface LockStateRequest extends StateRequest {
  readonly operation: string;
}
export interface LockStateResponse extends WithDiagnostics {
  readonly lock_id?: string;
}
export interface UnlockStateRequest extends StateRequest {
  readonly lock_id: string;
}
export interface GetStatesResponse extends WithDiagnostics {
  readonly state_id?: readonly string[];
}

export interface ActionRequest {
  readonly action_type: string;
  readonly config: DynamicValue | null;
  readonly client_capabilities: ClientCapabilities | null;
}
export interface PlanActionResponse extends WithDiagnostics {
  readonly deferred?: Deferred;
}

export interface StopProviderResponse {
  /** Capitalised on the wire. Empty when the provider stopped cleanly. */
  readonly Error?: string;
}

/**
 * Every unary method of tfplugin6.Provider: [request, response]. The streaming methods
 * (ListResource, ReadStateBytes, WriteStateBytes, InvokeAction) always answer UNIMPLEMENTED.
 */
export interface ProviderRpcs {
  GetMetadata: [Empty, GetMetadataResponse];
  GetProviderSchema: [Empty, GetProviderSchemaResponse];
  ValidateProviderConfig: [ValidateProviderConfigRequest, WithDiagnostics];
  ValidateResourceConfig: [ValidateResourceConfigRequest, WithDiagnostics];
  ValidateDataResourceConfig: [ValidateConfigRequest, WithDiagnostics];
  UpgradeResourceState: [UpgradeResourceStateRequest, UpgradeResourceStateResponse];
  GetResourceIdentitySchemas: [Empty, GetResourceIdentitySchemasResponse];
  UpgradeResourceIdentity: [UpgradeResourceIdentityRequest, UpgradeResourceIdentityResponse];
  ConfigureProvider: [ConfigureProviderRequest, WithDiagnostics];
  ReadResource: [ReadResourceRequest, ReadResourceResponse];
  PlanResourceChange: [PlanResourceChangeRequest, PlanResourceChangeResponse];
  ApplyResourceChange: [ApplyResourceChangeRequest, ApplyResourceChangeResponse];
  ImportResourceState: [ImportResourceStateRequest, ImportResourceStateResponse];
  MoveResourceState: [MoveResourceStateRequest, MoveResourceStateResponse];
  ReadDataSource: [ReadDataSourceRequest, ReadDataSourceResponse];
  GenerateResourceConfig: [GenerateResourceConfigRequest, GenerateResourceConfigResponse];
  ValidateEphemeralResourceConfig: [ValidateConfigRequest, WithDiagnostics];
  OpenEphemeralResource: [OpenEphemeralResourceRequest, OpenEphemeralResourceResponse];
  RenewEphemeralResource: [EphemeralResourceRequest, RenewEphemeralResourceResponse];
  CloseEphemeralResource: [EphemeralResourceRequest, WithDiagnostics];
  ValidateListResourceConfig: [ValidateListResourceConfigRequest, WithDiagnostics];
  GetFunctions: [Empty, GetFunctionsResponse];
  CallFunction: [CallFunctionRequest, CallFunctionResponse];
  ValidateStateStoreConfig: [ValidateConfigRequest, WithDiagnostics];
  ConfigureStateStore: [ConfigureStateStoreRequest, ConfigureStateStoreResponse];
  LockState: [LockStateRequest, LockStateResponse];
  UnlockState: [UnlockStateRequest, WithDiagnostics];
  GetStates: [TypeName, GetStatesResponse];
  DeleteState: [StateRequest, WithDiagnostics];
  PlanAction: [ActionRequest, PlanActionResponse];
  ValidateActionConfig: [ValidateConfigRequest, WithDiagnostics];
  StopProvider: [Empty, StopProviderResponse];
}

export type ProviderMethod = keyof ProviderRpcs;
export type ProviderRequest<M extends ProviderMethod> = ProviderRpcs[M][0];
export type ProviderResponse<M extends ProviderMethod> = ProviderRpcs[M][1];

/** What every handler receives besides its request. */
export interface CallContext {
  readonly method: ProviderMethod;
  /**
   * Aborted when Terraform asks the provider to stop (StopProvider, sent on Ctrl-C), on the
   * first SIGINT, and at shutdown. Pass it to long-running work (HTTP requests, waits).
   */
  readonly signal: AbortSignal;
}

export type ProviderHandler<M extends ProviderMethod> = (
  request: ProviderRequest<M>,
  context: CallContext,
) => ProviderResponse<M> | Promise<ProviderResponse<M>>;

/** One handler per method; a method left out answers UNIMPLEMENTED. */
export type ProviderHandlers = { readonly [M in ProviderMethod]: ProviderHandler<M> };
