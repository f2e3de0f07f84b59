import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Plan } from '../core';
import { PLAN_FORMAT_VERSION } from '../core';
import { CliUsageError } from './connection';

/** Marks a saved plan, so `apply FILE` can tell it from a policy. */
export const SAVED_PLAN_FORMAT = 'gh-interactions-plan';

/**
 * What `plan --out FILE` writes: the plan as data, where it applies, and where it came from.
 * Never a credential: the base URL is all there is of the connection.
 */
export interface SavedPlan {
  readonly format: typeof SAVED_PLAN_FORMAT;
  readonly formatVersion: typeof PLAN_FORMAT_VERSION;
  readonly baseUrl: string;
  readonly policyFile: string;
  readonly plan: Plan;
}

export function writeSavedPlan(file: string, saved: SavedPlan): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(saved, null, 2)}\n`);
  renameSync(temporary, file);
}

/** The saved plan in `file`, or undefined when the file is not one (a policy, say). */
export function readSavedPlan(file: string): SavedPlan | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliUsageError(`Cannot read "${file}": ${(error as Error).message}`);
  }
  if (!text.trimStart().startsWith('{')) return undefined;
  let parsed: Partial<SavedPlan>;
  try {
    parsed = JSON.parse(text) as Partial<SavedPlan>;
  } catch {
    return undefined;
  }
  if (parsed.format !== SAVED_PLAN_FORMAT) return undefined;
  if (parsed.formatVersion !== PLAN_FORMAT_VERSION || !parsed.plan || !parsed.baseUrl) {
    throw new CliUsageError(
      `"${file}" is a gh-interactions plan of format version ${String(parsed.formatVersion)}; this version reads format ${PLAN_FORMAT_VERSION}. Run plan again.`,
    );
  }
  return parsed as SavedPlan;
}
