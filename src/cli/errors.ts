import { GitHubApiError, GitHubConnectionError, SettingsError } from '../github';
import { PolicyError } from '../policy';

/**
 * One message for the user. Known errors already say what went wrong, the value and the fix;
 * anything else is a bug, shown with its stack when GH_INTERACTIONS_DEBUG is set.
 */
export function describeError(error: unknown, env: NodeJS.ProcessEnv): string {
  if (error instanceof PolicyError) {
    const count = error.problems.length;
    return `error: the policy has ${count} problem${count === 1 ? '' : 's'}:\n${error.message}`;
  }
  if (
    error instanceof GitHubApiError ||
    error instanceof GitHubConnectionError ||
    error instanceof SettingsError
  ) {
    return `error: ${error.message}`;
  }
  if (error instanceof Error) {
    const known = [
      'CliUsageError',
      'SpecValidationError',
      'DuplicateResourceError',
      'UserScopeMismatchError',
      'ObservationError',
      'ResourceIdError',
    ];
    if (known.includes(error.name) || !env.GH_INTERACTIONS_DEBUG) return `error: ${error.message}`;
    return `error: ${error.stack ?? error.message}`;
  }
  return `error: ${String(error)}`;
}
