import { pendingChanges } from '../../core';
import { CliUsageError, connect } from '../connection';
import type { CliIO } from '../io';
import { EXIT_CHANGES, EXIT_ERROR, EXIT_OK, styleFor, writeLine } from '../io';
import { annotate, annotateUnreadable, appendStepSummary } from '../github-actions';
import { refuseSavedPlan } from '../plan-file';
import { planPolicy } from '../policy-plan';
import { renderPlan } from '../render-plan';
import { planIsEmptyForWantOfReads, renderUnreadable } from '../render-unreadable';
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
  /** Report drift of the resources GitHub could be read for, list the others (exit 1). */
  readonly skipUnreadable?: boolean;
}

/**
 * For scheduled CI jobs: exit 0 when GitHub is as declared, 2 when it drifted, 1 on an error or
 * when resources could not be read (`--skip-unreadable` lists them). Writes nothing.
 */
export async function driftCommand(io: CliIO, options: DriftOptions): Promise<number> {
  const format = options.format ?? 'text';
  if (!DRIFT_FORMATS.includes(format)) {
    throw new CliUsageError(
      `--format: "${format}" is not allowed; expected one of ${DRIFT_FORMATS.join(', ')}.`,
    );
  }
  await refuseSavedPlan(options.policy, 'drift');
  const client = connect(io, { cacheDir: options.cacheDir });
  const plan = await planPolicy(io, client, options.policy, {
    concurrency: options.concurrency,
    skipUnreadable: options.skipUnreadable,
  });
  const drifted = pendingChanges(plan);
  const report = (style: ReturnType<typeof styleFor>) => {
    const unreadable = renderUnreadable(plan, style);
    const parts = planIsEmptyForWantOfReads(plan) ? [] : [renderPlan(plan, style, 'drift')];
    if (unreadable.length > 0) parts.push(unreadable.join('\n'));
    return parts.join('\n\n');
  };
  if (format === 'json') {
    writeLine(io.stdout, JSON.stringify(plan, null, 2));
  } else if (format === 'github') {
    const workspace = io.env.GITHUB_WORKSPACE;
    for (const change of drifted) annotate(change, { cwd: io.cwd, workspace });
    for (const resource of plan.unreadable ?? []) {
      annotateUnreadable(resource, { cwd: io.cwd, workspace });
    }
    writeLine(io.stdout, report(styleFor(io, true)));
    await appendStepSummary(plan, options.policy);
  } else {
    writeLine(io.stdout, report(styleFor(io, options.color === false)));
  }
  if (plan.unreadable?.length) return EXIT_ERROR;
  return drifted.length > 0 ? EXIT_CHANGES : EXIT_OK;
}
