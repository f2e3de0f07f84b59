import { pendingChanges } from '../../core';
import { CliUsageError, connect } from '../connection';
import type { CliIO } from '../io';
import { EXIT_CHANGES, EXIT_OK, styleFor, writeLine } from '../io';
import { annotate, appendStepSummary } from '../github-actions';
import { refuseSavedPlan } from '../plan-file';
import { planPolicy } from '../policy-plan';
import { renderPlan } from '../render-plan';
import type { DriftFormat } from './drift-format';
import { DRIFT_FORMATS } from './drift-format';

export type { DriftFormat } from './drift-format';
export { DRIFT_FORMATS } from './drift-format';

export interface DriftOptions {
  readonly policy: string;
  /**
   * `github`: workflow annotations, and a Markdown summary when GITHUB_STEP_SUMMARY is set; both go
   * to the process (its stdout and environment), where the Actions runner reads them.
   */
  readonly format?: DriftFormat;
  readonly concurrency?: number;
  readonly cacheDir?: string;
  readonly color?: boolean;
}

/** For scheduled CI jobs: exit 0 when GitHub is as declared, 2 when it drifted. Writes nothing. */
export async function driftCommand(io: CliIO, options: DriftOptions): Promise<number> {
  const format = options.format ?? 'text';
  if (!DRIFT_FORMATS.includes(format)) {
    throw new CliUsageError(
      `--format: "${format}" is not allowed; expected one of ${DRIFT_FORMATS.join(', ')}.`,
    );
  }
  await refuseSavedPlan(options.policy, 'drift');
  const client = connect(io, { cacheDir: options.cacheDir });
  const plan = await planPolicy(io, client, options.policy, { concurrency: options.concurrency });
  const drifted = pendingChanges(plan);
  if (format === 'json') {
    writeLine(io.stdout, JSON.stringify(plan, null, 2));
  } else if (format === 'github') {
    const workspace = io.env.GITHUB_WORKSPACE;
    for (const change of drifted) annotate(change, { cwd: io.cwd, workspace });
    writeLine(io.stdout, renderPlan(plan, styleFor(io, true), 'drift'));
    await appendStepSummary(plan, options.policy);
  } else {
    writeLine(io.stdout, renderPlan(plan, styleFor(io, options.color === false), 'drift'));
  }
  return drifted.length > 0 ? EXIT_CHANGES : EXIT_OK;
}
