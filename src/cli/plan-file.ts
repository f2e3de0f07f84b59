import { readFileSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { Plan } from '../core';
import { PLAN_FORMAT_VERSION, verifyPlan } from '../core';
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

/**
 * Writes the plan whole or not at all: `apply FILE` never reads half a plan. Through a temporary
 * file, flushed to disk and renamed over `file`; an existing file keeps its permissions and a
 * symbolic link is written through, and the temporary file is removed when anything fails.
 */
export async function writeSavedPlan(file: string, saved: SavedPlan): Promise<void> {
  try {
    await writeFileAtomic(file, `${JSON.stringify(saved, null, 2)}\n`);
  } catch (error) {
    throw new CliUsageError(`Cannot save the plan to "${file}": ${(error as Error).message}`);
  }
}

/** The saved plan in `file`, or undefined when the file is not one (a policy, say). */
export function readSavedPlan(file: string): SavedPlan | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
      throw new CliUsageError(
        `${file} is a directory; expected a policy file (YAML) or a plan saved by \`plan --out\` (JSON)`,
      );
    }
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
  const problems = verifyPlan(parsed.plan);
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).map((problem) => `  ${problem}`);
    if (problems.length > 5) shown.push(`  … and ${problems.length - 5} more`);
    throw new CliUsageError(
      `"${file}" is not a plan as \`plan --out\` wrote it: it was edited or damaged, so it is not applied (nothing was written):\n${shown.join('\n')}\nRun plan again to make a new one.`,
    );
  }
  return parsed as SavedPlan;
}

/** How a saved plan starts: `plan --out` writes `format` first; `jq -S` puts it second. */
const SAVED_PLAN_HEAD = /^\s*\{[\s\S]*?"format"\s*:\s*"gh-interactions-plan"/;
const POLICY_FILE_FIELD = /"policyFile"\s*:\s*("(?:[^"\\]|\\.)*")/;

/**
 * Refuses a saved plan given where a policy is expected (`plan FILE`, `validate FILE`): JSON is
 * YAML, so it would be read as a policy and fail with unknown keys that hide what happened.
 * Looks at the first 4 KiB of a regular file only: a plan may be larger than a policy may be, and
 * a pipe must not be read twice. A file that cannot be read is left to the policy loader, which
 * says why.
 */
export async function refuseSavedPlan(file: string, command: string): Promise<void> {
  let head: string;
  try {
    if (!(await stat(file)).isFile()) return;
    const handle = await open(file, 'r');
    try {
      const { bytesRead, buffer } = await handle.read({ buffer: Buffer.alloc(4096), position: 0 });
      head = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return;
  }
  if (!SAVED_PLAN_HEAD.test(head)) return;
  const policyField = POLICY_FILE_FIELD.exec(head)?.[1];
  const policyFile = policyField ? (JSON.parse(policyField) as string) : undefined;
  throw new CliUsageError(
    `${file} is a saved plan (written by \`plan --out\`), not a policy file; use apply: \`gh-interactions apply ${shellWord(file)}\`` +
      (policyFile
        ? `, or run ${command} on its policy: \`gh-interactions ${command} ${shellWord(policyFile)}\`.`
        : '.'),
  );
}

/** A path as typed in a shell: quoted when it holds anything but the usual characters. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
