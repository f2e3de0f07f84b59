import { GitHubApiError, GitHubConnectionError, SettingsError } from '../github';
import { PolicyError, formatProblem } from '../policy';

/**
 * Problems listed when a policy has more: the first of 40,000 say what is wrong as well as all
 * of them, and a CI log stays readable.
 */
export const MAX_PROBLEMS_SHOWN = 50;

/**
 * One message for the user. Known errors already say what went wrong, the value and the fix;
 * anything else is a bug, shown with its stack when GH_INTERACTIONS_DEBUG is set.
 */
export function describeError(error: unknown, env: NodeJS.ProcessEnv): string {
  if (error instanceof PolicyError) {
    const count = error.problems.length;
    const lines = error.problems.slice(0, MAX_PROBLEMS_SHOWN).map(formatProblem);
    if (count > lines.length) lines.push(`… and ${count - lines.length} more`);
    return `error: the policy has ${count} problem${count === 1 ? '' : 's'}:\n${lines.join('\n')}`;
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
      'PolicyFileError',
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
