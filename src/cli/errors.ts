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
  if (error instanceof Error && error.name === 'ObservationError') {
    return `error: ${describeObservationError(error as ObservationErrorLike)}`;
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

interface ObservationErrorLike extends Error {
  readonly failures: readonly { kind: string; id: string; error: Error }[];
}

/** The request a GitHub error names: " (403 GET /repos/acme/api/interaction-limits)". */
const REQUEST_IN_MESSAGE = / \((?:\d{3} )?[A-Z]+ \/[^)]*\)/g;

/** Ids named per cause before "and N more". */
const IDS_SHOWN = 5;

/**
 * Resources that could not be read, grouped by cause: a rate limit used up half way through a
 * plan fails hundreds of resources for one reason, said once with the first few of them.
 */
function describeObservationError(error: ObservationErrorLike): string {
  const byCause = new Map<string, string[]>();
  for (const failure of error.failures) {
    // The same cause for another resource differs only in the request it names.
    const cause = failure.error.message.replace(REQUEST_IN_MESSAGE, '');
    const ids = byCause.get(cause) ?? [];
    ids.push(`${failure.kind} ${failure.id}`);
    byCause.set(cause, ids);
  }
  if (byCause.size === error.failures.length) return error.message;
  const count = error.failures.length;
  const lines = [...byCause].map(([message, ids]) => {
    const shown = ids.slice(0, IDS_SHOWN).join(', ');
    const more = ids.length > IDS_SHOWN ? ` and ${ids.length - IDS_SHOWN} more` : '';
    return `  ${ids.length === 1 ? '' : `${ids.length} resources (`}${shown}${more}${ids.length === 1 ? '' : ')'}: ${message}`;
  });
  return `Cannot read ${count === 1 ? 'one declared resource' : `${count} declared resources`} from GitHub, so nothing was planned:\n${lines.join('\n')}`;
}
