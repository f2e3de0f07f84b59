import type { Change, ChangeResult, Reason, ValidationIssue } from '../../core';
import { BadCredentialsError, ForbiddenError } from '../../github';
import { CONFIG_KEYS } from './connection';

/**
 * Where the provider's lines go. In Pulumi's provider process stdout (after the port it prints
 * first) reaches the engine, which shows each line as a diagnostic of the preview or update:
 * the dynamic provider protocol carries no detailed diff, so this is how a reason reaches the
 * user.
 */
export type Report = (line: string) => void;

export const reportToStdout: Report = (line) => {
  process.stdout.write(`${line}\n`);
};

/** The property a reason is about, as the resource's outputs name it. */
function reasonProperty(reason: Reason): string {
  switch (reason.type) {
    case 'expiring':
      return 'expiresAt';
    case 'missing':
      return reason.expiredAt !== undefined ? 'expiresAt' : 'limit';
    case 'changed':
      return reason.field;
    case 'shadowed':
      return 'origin';
    case 'added_out_of_band':
    case 'removed_out_of_band':
      return 'users';
    case 'disabled':
      return 'enabled';
    case 'not_available':
      return 'available';
    case 'declared_absent':
      return 'id';
  }
}

/**
 * A change in lines: one per reason (`gh-interactions: org/acme: expiresAt (renew): The limit
 * expires at … inside the renewal window of 30 days.`), then its warnings, notes and remedy.
 */
export function changeLines(change: Change): string[] {
  const prefix = `gh-interactions: ${change.id}:`;
  return [
    ...(change.reasons as readonly Reason[]).map(
      (reason) => `${prefix} ${reasonProperty(reason)} (${change.action}): ${reason.message}`,
    ),
    ...change.warnings.map((warning) => `${prefix} warning: ${warning}`),
    ...change.notes.map((note) => `${prefix} ${note}`),
    ...(change.remedy !== undefined ? [`${prefix} ${change.remedy}`] : []),
  ];
}

/** Where the credentials come from, for messages about them. */
export const CREDENTIALS_HINT =
  `gh-interactions uses the stack configuration ${CONFIG_KEYS.token} (or ${CONFIG_KEYS.appAuth}), ` +
  'else GITHUB_TOKEN (or GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID, GITHUB_APP_PRIVATE_KEY) in the environment of pulumi.';

/** A check failure for Pulumi: the top-level property, and the core's message (with its path). */
export function checkFailure(issue: ValidationIssue): { property: string; reason: string } {
  const property = /^[A-Za-z_$][\w$]*/.exec(issue.path)?.[0] ?? '';
  return { property, reason: issue.message };
}

/** A change GitHub would refuse (shadowed): the reasons and what to do. */
export function blockedMessage(change: Change, verb: string): string {
  const why = (change.reasons as readonly Reason[]).map((r) => r.message).join(' ');
  const remedy = change.remedy !== undefined ? ` ${change.remedy}` : '';
  return `Cannot ${verb} ${change.kind} ${change.id}: ${why}${remedy}`;
}

/** A failed change, from the typed error the core keeps (`result.error.cause` and its fields). */
export function failedMessage(change: Change, result: ChangeResult, verb: string): string {
  const head = `Cannot ${verb} ${change.kind} ${change.id}`;
  const error = result.error;
  if (error?.permissionNeeded !== undefined) {
    return `${head}: the token needs ${error.permissionNeeded}. ${error.message} ${CREDENTIALS_HINT}`;
  }
  if (error?.name === BadCredentialsError.name || error?.cause instanceof BadCredentialsError) {
    return `${head}: ${error.message} ${CREDENTIALS_HINT}`;
  }
  return `${head}: ${result.message}`;
}

/** A failure of one provider operation, with the resource it is about; the message says what to do. */
export class ProviderOperationError extends Error {
  override readonly name = 'ProviderOperationError';
}

/**
 * An error thrown while reading or planning, with the resource it is about and, for a credential
 * problem, where credentials come from. An error already described is passed on as it is.
 */
export function operationError(verb: string, what: string, error: unknown): Error {
  if (error instanceof ProviderOperationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    error instanceof ForbiddenError || error instanceof BadCredentialsError
      ? ` ${CREDENTIALS_HINT}`
      : '';
  return new ProviderOperationError(`Cannot ${verb} ${what}: ${message}${hint}`);
}
