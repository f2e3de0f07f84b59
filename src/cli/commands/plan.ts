import { pendingChanges } from '../../core';
import { connect } from '../connection';
import type { CliIO } from '../io';
import { EXIT_CHANGES, EXIT_ERROR, EXIT_OK, styleFor, writeLine } from '../io';
import { SAVED_PLAN_FORMAT, refuseSavedPlan, writeSavedPlan } from '../plan-file';
import { planPolicy } from '../policy-plan';
import { renderPlan } from '../render-plan';
import { planIsEmptyForWantOfReads, renderUnreadable } from '../render-unreadable';

export interface PlanOptions {
  readonly policy: string;
  /** Print the plan as JSON (docs/core.md documents the format). */
  readonly json?: boolean;
  /** Save the plan for `apply FILE`. */
  readonly out?: string;
  readonly concurrency?: number;
  readonly cacheDir?: string;
  readonly color?: boolean;
  /** `--max-rate-limit-wait`. */
  readonly maxRateLimitWaitSeconds?: number;
  /** `--deadline`. */
  readonly deadlineSeconds?: number;
  /**
   * Plan the resources GitHub could be read for and list the others with why (exit 1). Without
   * it, one unreadable resource refuses the whole plan.
   */
  readonly skipUnreadable?: boolean;
}

/**
 * Exit 0: nothing to do; 2: changes (as `terraform plan -detailed-exitcode`); 1: an error, or
 * resources left out with `--skip-unreadable`.
 */
export async function planCommand(io: CliIO, options: PlanOptions): Promise<number> {
  await refuseSavedPlan(options.policy, 'plan');
  const client = connect(io, options);
  const plan = await planPolicy(io, client, options.policy, {
    concurrency: options.concurrency,
    skipUnreadable: options.skipUnreadable,
  });
  const style = styleFor(io, options.color === false);
  if (options.out) {
    await writeSavedPlan(options.out, {
      format: SAVED_PLAN_FORMAT,
      formatVersion: plan.formatVersion,
      baseUrl: client.baseUrl,
      policyFile: options.policy,
      plan,
    });
  }
  if (options.json) {
    writeLine(io.stdout, JSON.stringify(plan, null, 2));
  } else {
    if (!planIsEmptyForWantOfReads(plan)) writeLine(io.stdout, renderPlan(plan, style));
    const unreadable = renderUnreadable(plan, style);
    if (unreadable.length > 0) writeLine(io.stdout, `\n${unreadable.join('\n')}`);
    if (options.out)
      writeLine(
        io.stdout,
        `\nSaved the plan to ${options.out}: apply it with \`gh-interactions apply ${options.out}\`.`,
      );
  }
  if (plan.unreadable?.length) return EXIT_ERROR;
  return pendingChanges(plan).length > 0 ? EXIT_CHANGES : EXIT_OK;
}
