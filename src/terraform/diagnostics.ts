import type { Change, ValidationIssue } from '../core';
import { ResourceIdError, SpecValidationError, UserScopeMismatchError, snakeCase } from '../core';
import { GitHubApiError, GitHubConnectionError, SettingsError } from '../github';
import { kindTitle } from './names';
import type { Diagnostic, PathStep } from './protocol';
import { DiagnosticsError, describeError, errorDiagnostic, warningDiagnostic } from './protocol';
import type { TerraformType } from './schema';
import { terraformNames } from './schema';
import type { TerraformObject } from './values';

/**
 * What the core reports, as Terraform diagnostics: each with a summary, a detail and, where it
 * is about one attribute, the attribute's path, so Terraform points at the line in the
 * configuration. Core text is rewritten with Terraform's attribute names.
 */

/**
 * A core path (`users[2]`, `renewWithin`) as Terraform's steps. A path naming several attributes
 * (`organization, repository`: exactly one scope) points at the first of them that is set.
 */
export function pathOfIssue(path: string, config?: TerraformObject): PathStep[] | undefined {
  const names = path.split(/,\s*/).filter(Boolean);
  if (names.length > 1) {
    const set = names.find((name) => {
      const value = config?.[snakeCase(name)];
      return value !== null && value !== undefined && value !== false;
    });
    return set ? [snakeCase(set)] : undefined;
  }
  const steps: PathStep[] = [];
  for (const [, name, index] of path.matchAll(/([A-Za-z_]+)|\[(\d+)\]/g)) {
    if (name !== undefined) steps.push(snakeCase(name));
    else if (index !== undefined) steps.push(Number(index));
  }
  return steps.length > 0 ? steps : undefined;
}

export function issueDiagnostics(
  issues: readonly ValidationIssue[],
  config?: TerraformObject,
): Diagnostic[] {
  return issues.map((issue) => {
    const path = pathOfIssue(issue.path, config);
    const names = issue.path
      .split(/,\s*/)
      .map((name) => snakeCase(name.replace(/\[\d+\]/g, '')))
      .join(', ');
    return errorDiagnostic(
      issue.path.includes(',') ? `Invalid scope: ${names}` : `Invalid ${names}`,
      terraformNames(issue.message),
      path,
    );
  });
}

/** The attribute that names a resource's scope, for errors about the scope as a whole. */
export function scopePath(type: TerraformType, value?: TerraformObject): PathStep[] | undefined {
  const scopes = type.attributes.filter((a) => a.requiresReplace).map((a) => a.name);
  const set = scopes.find((name) => {
    const v = value?.[name];
    return v !== null && v !== undefined && v !== false;
  });
  return set ? [set] : undefined;
}

/**
 * An error thrown while serving a resource, as diagnostics. `what` names the resource
 * (`Interaction limit repo/acme/api`); `path` is where an error about GitHub's answer points.
 */
export function errorDiagnostics(
  error: unknown,
  what: string,
  options: { readonly path?: PathStep[]; readonly config?: TerraformObject } = {},
): Diagnostic[] {
  if (error instanceof DiagnosticsError) return [...error.diagnostics];
  if (error instanceof SpecValidationError) return issueDiagnostics(error.issues, options.config);
  if (error instanceof ResourceIdError) {
    return [errorDiagnostic(`Invalid ${error.kind} id`, error.message)];
  }
  if (error instanceof UserScopeMismatchError) {
    return [errorDiagnostic(`${what}: not the token’s user`, error.message, ['user'])];
  }
  if (error instanceof GitHubApiError) {
    return [
      errorDiagnostic(
        `${what}: GitHub answered ${error.status} (${error.name})`,
        error.message,
        options.path,
      ),
    ];
  }
  if (error instanceof GitHubConnectionError) {
    return [errorDiagnostic(`${what}: cannot reach GitHub`, error.message)];
  }
  if (error instanceof SettingsError) {
    return [errorDiagnostic('Invalid provider configuration', error.message)];
  }
  return [errorDiagnostic(`${what}: unexpected error`, describeError(error), options.path)];
}

const REASON_TITLES: Readonly<Record<string, string>> = {
  missing: 'no limit in force',
  expiring: 'expires within its renewal window',
  changed: 'changed on GitHub',
  shadowed: 'overridden by its owner’s limit',
  added_out_of_band: 'logins added on GitHub',
  removed_out_of_band: 'logins removed on GitHub',
  disabled: 'switched off on GitHub',
  not_available: 'not available',
  declared_absent: 'declared absent',
};

/** Reasons that mean a new resource's first apply overwrites or removes something on GitHub. */
const OVERWRITTEN: readonly string[] = ['changed', 'added_out_of_band'];

const ACTION_WORDS: Readonly<Record<string, string>> = {
  create: 'set',
  renew: 'renewed',
  update: 'updated',
  delete: 'removed',
};

function reasonTitles(change: Change): string {
  return [...new Set(change.reasons.map((r) => REASON_TITLES[r.type] ?? r.type))].join(', ');
}

export interface ChangeDiagnosticsOptions {
  /**
   * For a resource Terraform already manages: the core's change for what the state records,
   * against GitHub now. When it is not `none`, GitHub drifted (changed out of band, expired,
   * expiring), and its reasons are the warning. A change of the configuration alone is no drift:
   * Terraform's own diff shows it.
   */
  readonly recorded?: Change;
  /** Where errors about the change point (the scope attribute). */
  readonly path?: PathStep[];
  /**
   * `plan`: a blocked change is a WARNING, and the resource is planned as an update, so
   * `terraform plan -detailed-exitcode` says 2. `apply`: it is an ERROR. Not an error in the plan
   * because Terraform runs a normal plan before every destroy (its pre-destroy refresh) and any
   * plan error aborts the destroy: a shadowed repository limit would make `terraform destroy`
   * fail, and one shadowed repository would stop every other change of the configuration,
   * including the removal of the owner's limit that frees it.
   * @default 'plan'
   */
  readonly phase?: 'plan' | 'apply';
}

/**
 * The core's change in a plan, as diagnostics:
 * - blocked (a shadowed repository, a cap GitHub does not offer): the core's reasons and remedy,
 *   as a WARNING in the plan and an ERROR in the apply (see `phase`);
 * - drift of a managed resource, or a new resource over something GitHub already has: a WARNING
 *   with the reasons;
 * - what the writes would do that may surprise, and the core's notes: WARNINGs.
 * Each summary names the resource, so Terraform does not fold them into one.
 */
export function changeDiagnostics(
  change: Change,
  options: ChangeDiagnosticsOptions = {},
): Diagnostic[] {
  const what = `${kindTitle(change.kind)} ${change.id}`;
  if (change.action === 'blocked') {
    const shadowed = change.reasons.find((r) => r.type === 'shadowed');
    const summary = shadowed
      ? `${what} is overridden by ${shadowed.owner} (${shadowed.limit} until ${shadowed.expiresAt})`
      : `${what} cannot be applied: ${reasonTitles(change)}`;
    const detail = [
      ...change.reasons.map((r) => terraformNames(r.message)),
      ...(change.remedy ? ['', terraformNames(change.remedy)] : []),
    ].join('\n');
    return [
      options.phase === 'apply'
        ? errorDiagnostic(summary, detail, options.path)
        : warningDiagnostic(`${summary}: terraform apply will fail`, detail, options.path),
    ];
  }
  const diagnostics: Diagnostic[] = [];
  // A managed resource: the drift since the state. A new one: only what its first apply
  // overwrites or removes on GitHub (a setting that merely is off is what a create is for).
  const why = options.recorded
    ? options.recorded.action === 'none' || options.recorded.action === 'blocked'
      ? undefined
      : options.recorded
    : change.reasons.some((r) => OVERWRITTEN.includes(r.type))
      ? change
      : undefined;
  if (why && why.reasons.length > 0) {
    const summary =
      change.action === 'none'
        ? `${what} differs on GitHub from the state: ${reasonTitles(why)}`
        : options.recorded
          ? `${what} will be ${ACTION_WORDS[change.action] ?? change.action}: ${reasonTitles(why)}`
          : `${what} already exists on GitHub and will be ${ACTION_WORDS[change.action] ?? change.action}: ${reasonTitles(why)}`;
    diagnostics.push(
      warningDiagnostic(summary, why.reasons.map((r) => terraformNames(r.message)).join('\n')),
    );
  }
  for (const warning of change.warnings) {
    diagnostics.push(
      warningDiagnostic(`${what}: read this before applying`, terraformNames(warning)),
    );
  }
  for (const note of change.notes) {
    diagnostics.push(warningDiagnostic(`${what}: note`, terraformNames(note)));
  }
  return diagnostics;
}
