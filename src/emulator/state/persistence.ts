import { existsSync, readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import type { StateData } from './model';

/**
 * The state file (`--state FILE`): the whole state as JSON, rewritten after every change. Two
 * emulator processes started one after the other with the same file see the same state, which is
 * what Terraform needs (it runs providers in separate processes). Writes are atomic
 * (write-file-atomic: a temporary file in the same directory, flushed, renamed over the old one),
 * so a reader never sees half a file, even after a crash mid-write.
 */
export class StateFileError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`State file ${path}: ${problem}`);
    this.name = 'StateFileError';
  }
}

export function readStateFile(path: string): StateData | undefined {
  if (!existsSync(path)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new StateFileError(
      path,
      `not valid JSON (${(error as Error).message}); delete it to start again from the seed.`,
    );
  }
  const record = data as Partial<StateData> | null;
  if (!record || typeof record !== 'object' || record.version !== 1) {
    throw new StateFileError(
      path,
      `expected a state written by this emulator ({"version": 1, ...}), got version ${JSON.stringify(
        record && typeof record === 'object' ? record.version : record,
      )}; delete it to start again from the seed.`,
    );
  }
  for (const key of [
    'users',
    'orgs',
    'repos',
    'userTokens',
    'apps',
    'installationTokens',
  ] as const) {
    if (!Array.isArray(record[key])) {
      throw new StateFileError(path, `field "${key}" is missing or not an array.`);
    }
  }
  if (typeof record.clockOffsetMs !== 'number' || typeof record.rateLimitPerHour !== 'number') {
    throw new StateFileError(
      path,
      'fields "clockOffsetMs" and "rateLimitPerHour" must be numbers.',
    );
  }
  return record as StateData;
}

/** Synchronous, so the file is written before the answer that changed the state is sent. */
export function writeStateFile(path: string, data: StateData): void {
  writeFileAtomic.sync(path, `${JSON.stringify(data, null, 2)}\n`, { encoding: 'utf8' });
}
