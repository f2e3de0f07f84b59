import type { DesiredResource, ResourceTarget } from '../core';
import {
  UNKNOWN,
  absentDesired,
  anyKindContract,
  kindContract,
  observe,
  resolveDesiredResources,
  targetOfDesired,
} from '../core';
import { errorDiagnostics, issueDiagnostics, scopePath } from './diagnostics';
import { kindTitle } from './names';
import type {
  CtyValue,
  Diagnostic,
  DynamicValue,
  ReadDataSourceRequest,
  ReadDataSourceResponse,
} from './protocol';
import { fromDynamicValue, toDynamicValue } from './protocol';
import type { HandlerContext } from './resources';
import type { TerraformType } from './schema';
import type { TerraformObject } from './values';
import { inputsFromTerraform } from './values';

/**
 * A data source reads what GitHub has in force at a scope (the core's `observe`), without
 * declaring anything. `ghinteractions_limit` gives `limit`, `origin` and `expires_at` (null when
 * no limit is in force, including one GitHub still reports past its expiry), and the `id`.
 */

function read(type: TerraformType, value: DynamicValue | null): TerraformObject | null {
  return fromDynamicValue(value, type.valueType) as TerraformObject | null;
}

/** The scope inputs, with the kind's other required inputs marked not known, for validation. */
function scopeInputs(type: TerraformType, config: TerraformObject): Record<string, unknown> {
  const inputs = inputsFromTerraform(type, config);
  for (const attribute of kindContract(type.kind).attributes) {
    if (attribute.presence === 'required' && !(attribute.name in inputs)) {
      inputs[attribute.name] = UNKNOWN;
    }
  }
  return inputs;
}

export async function validateDataSourceConfig(
  type: TerraformType,
  config: DynamicValue | null,
): Promise<Diagnostic[]> {
  const value = read(type, config);
  if (value === null) return [];
  return issueDiagnostics(kindContract(type.kind).validateInputs(scopeInputs(type, value)), value);
}

export async function readDataSource(
  type: TerraformType,
  request: ReadDataSourceRequest,
  context: HandlerContext,
): Promise<ReadDataSourceResponse> {
  const config = read(type, request.config) ?? {};
  const what = kindTitle(type.kind);
  try {
    const contract = anyKindContract(type.kind);
    const issues = contract.validateInputs(scopeInputs(type, config));
    if (issues.length > 0) return { diagnostics: issueDiagnostics(issues, config) };
    const { client } = context.connection();
    const scope = contract.targetFromInputs(inputsFromTerraform(type, config)) as ResourceTarget;
    // The user scope's id names the token's user: resolved as a plan resolves it.
    const [resolved] = await resolveDesiredResources(client, [
      absentDesired(scope as never) as DesiredResource,
    ]);
    const target = targetOfDesired(resolved!);
    const observed = (await observe(client, target)).observed as Record<string, unknown> | null;
    const inForce =
      observed !== null &&
      !(
        typeof observed.expiresAt === 'string' &&
        Date.parse(observed.expiresAt) <= client.now().getTime()
      );
    const state: Record<string, CtyValue> = {};
    for (const attribute of type.attributes) {
      if (attribute.role === 'input') state[attribute.name] = config[attribute.name] ?? null;
      else if (attribute.role === 'id') state[attribute.name] = contract.id(target as never);
      else
        state[attribute.name] = inForce
          ? ((observed[attribute.coreName] ?? null) as CtyValue)
          : null;
    }
    return { state: toDynamicValue(state, type.valueType) };
  } catch (error) {
    return {
      diagnostics: errorDiagnostics(error, what, { config, path: scopePath(type, config) }),
    };
  }
}
