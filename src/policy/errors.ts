import type { PolicyLocation } from './types';

/** One problem in a policy file, at the position of the YAML node it is about. */
export interface PolicyProblem extends PolicyLocation {
  /** The field, e.g. `repositories[0].interaction_limit.limit`; empty for the whole file. */
  readonly path: string;
  /** What is wrong, the value received and what is allowed. */
  readonly message: string;
}

/** `file:line:column: path: message`, the format editors and CI annotations link from. */
export function formatProblem(problem: PolicyProblem): string {
  const where = `${formatLocation(problem)}: `;
  return problem.path
    ? `${where}${problem.path}: ${problem.message}`
    : `${where}${problem.message}`;
}

export function formatLocation(location: PolicyLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/**
 * A policy that cannot be used: every problem found, in file order. The message lists them one
 * a line as `file:line:column: path: message`.
 */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  readonly problems: readonly PolicyProblem[];

  constructor(problems: readonly PolicyProblem[]) {
    const sorted = [...problems].sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
    );
    super(sorted.map(formatProblem).join('\n'));
    this.problems = sorted;
  }
}

/**
 * A policy file that cannot be read as one: a directory, or a file over the size cap. The
 * message names the path and says what is expected.
 */
export class PolicyFileError extends Error {
  override readonly name = 'PolicyFileError';

  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}
