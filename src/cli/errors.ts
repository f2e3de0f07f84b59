import {
  GitHubApiError,
  GitHubConnectionError,
  SettingsError,
  UnexpectedAnswerError,
  readableErrorMessage,
} from '../github';
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
    error instanceof SettingsError ||
    error instanceof UnexpectedAnswerError
  ) {
    // An HTML error page (a proxy's 502) is summarised by its title, never quoted whole.
    return `error: ${readableErrorMessage(error)}`;
  }
  if (error instanceof Error && error.name === 'ObservationError') {
    const { failures, total } = error as Error & { failures: unknown[]; total?: number };
    const readable = total !== undefined ? total - failures.length : 0;
    const hint =
      readable > 0
        ? `\nNothing was written. To plan and apply the ${readable} readable resource${readable === 1 ? '' : 's'} anyway, pass --skip-unreadable (the command still exits 1).`
        : '';
    return `error: ${error.message}${hint}`;
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
      'RateLimitBudgetError',
    ];
    if (known.includes(error.name) || !env.GH_INTERACTIONS_DEBUG) return `error: ${error.message}`;
    return `error: ${error.stack ?? error.message}`;
  }
  return `error: ${String(error)}`;
}
