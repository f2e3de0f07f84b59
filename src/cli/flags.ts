/** A mistake in how the command was called: its message says what to type instead. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** `--concurrency N`: reads made at once. */
export function parseConcurrency(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 32) {
    throw new CliUsageError(
      `--concurrency: "${raw}" is not allowed; expected a whole number from 1 to 32.`,
    );
  }
  return value;
}

/** `--max-rate-limit-wait SECONDS` (min 0), `--deadline SECONDS` (min 1): whole seconds. */
export function parseSeconds(flag: string, raw: string | undefined, min = 0): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min) {
    throw new CliUsageError(
      `${flag}: "${raw}" is not allowed; expected a whole number of seconds >= ${min}.`,
    );
  }
  return value;
}
