import { createInterface } from 'node:readline';
import type { ApplyResult, Plan } from '../../core';
import { applyPlan, checkPlanStaleness, executionOrder, pendingChanges } from '../../core';
import { changeWrites, checkApplyBudget } from '../../core/applier';
import { CliUsageError, connect, readOptions } from '../connection';
import type { CliIO, Style } from '../io';
import { EXIT_ERROR, EXIT_OK, styleFor, writeLine } from '../io';
import { readSavedPlan } from '../plan-file';
import { planPolicy } from '../policy-plan';
import { describe, renderPlan, renderPlanCompact } from '../render-plan';
import {
  planIsEmptyForWantOfReads,
  renderApplyProblems,
  renderUnreadable,
} from '../render-unreadable';

export interface ApplyOptions {
  /** A policy file, or a plan saved by `plan --out`. */
  readonly file: string;
  /** Do not ask; required when not run in a terminal. */
  readonly yes?: boolean;
  readonly json?: boolean;
  readonly concurrency?: number;
  readonly cacheDir?: string;
  readonly color?: boolean;
  /** `--max-rate-limit-wait`: may wait this long for rate limits, e.g. for the reset. */
  readonly maxRateLimitWaitSeconds?: number;
  /** `--deadline`. */
  readonly deadlineSeconds?: number;
  /**
   * Apply the changes of the resources GitHub could be read for, list the others (and those that
   * depend on them) with why, and exit 1. Without it, one unreadable resource refuses the whole
   * run and nothing is written.
   */
  readonly skipUnreadable?: boolean;
}

/**
 * Plans (or loads a saved plan and checks it is not stale), asks for confirmation, applies, and
 * reports every change. Exit 1 when a change failed or met a conflicting change, or when
 * resources were left out as unreadable; blocked changes are explained, not errors.
 */
export async function applyCommand(io: CliIO, options: ApplyOptions): Promise<number> {
  const style = styleFor(io, options.color === false);
  const saved = readSavedPlan(options.file);
  const client = connect(io, options);
  const reads = readOptions(io);
  let plan: Plan;
  if (saved) {
    if (saved.baseUrl !== client.baseUrl) {
      throw new CliUsageError(
        `The saved plan ${options.file} was made against ${saved.baseUrl}, not ${client.baseUrl} (GITHUB_BASE_URL). Plan again against this server.`,
      );
    }
    const staleness = await checkPlanStaleness(client, saved.plan, {
      concurrency: options.concurrency,
      graphql: reads.graphql,
      onObservationFallback: ({ kind, id, reason }) =>
        reads.onGraphqlFallback?.(`${kind} ${id}`, reason),
    });
    if (staleness.stale) {
      const lines = staleness.changes.map(
        (c) =>
          `  ${c.kind} ${c.id}: ${
            c.why === 'observed_changed'
              ? 'GitHub changed since the plan was made'
              : `the planned action "${c.plannedAction}" is now "${c.currentAction}"`
          }`,
      );
      throw new CliUsageError(
        [
          `The saved plan ${options.file} is stale; nothing was written:`,
          ...lines,
          `Run \`gh-interactions plan --out ${options.file} ${saved.policyFile}\` again.`,
        ].join('\n'),
      );
    }
    plan = saved.plan;
  } else {
    plan = await planPolicy(io, client, options.file, {
      concurrency: options.concurrency,
      skipUnreadable: options.skipUnreadable,
    });
  }
  // Left out of the plan (--skip-unreadable): listed before anything is written, and exit 1.
  const leftOut = plan.unreadable?.length ? EXIT_ERROR : EXIT_OK;

  // Asking: the whole plan, to confirm. With --yes: a line per change (plan and drift show why).
  if (!options.json) {
    if (!planIsEmptyForWantOfReads(plan)) {
      writeLine(io.stdout, options.yes ? renderPlanCompact(plan, style) : renderPlan(plan, style));
    }
    const unreadable = renderUnreadable(plan, style);
    if (unreadable.length > 0) writeLine(io.stdout, `\n${unreadable.join('\n')}`);
  }
  if (pendingChanges(plan).length === 0) {
    if (options.json) writeLine(io.stdout, JSON.stringify({ plan, apply: null }, null, 2));
    return leftOut;
  }
  // Before asking, and before the first write: an apply the rate limit cannot finish is refused.
  const budget = checkApplyBudget(client, plan, { graphql: reads.graphql });
  if (budget.waitSeconds > 0 && budget.resetAt) {
    writeLine(
      io.stderr,
      `note: this apply needs about ${budget.units} rate-limit units and GitHub has ${budget.remaining} left; it will wait for the reset at ${budget.resetAt.toISOString()} (about ${budget.waitSeconds}s, within --max-rate-limit-wait).`,
    );
  }
  if (!options.yes) {
    if (!io.stdin.isTTY || !io.stdout.isTTY) {
      throw new CliUsageError(
        'apply asks for confirmation, and this is not a terminal: pass --yes to apply without asking.',
      );
    }
    const answer = await ask(io, '\nApply these changes? Only "yes" will be accepted: ');
    if (answer.trim() !== 'yes') {
      writeLine(io.stdout, 'Apply cancelled; nothing was written.');
      return EXIT_ERROR;
    }
  }

  // The counter counts the changes that write, in the order they run: [1/3] [2/3] [3/3].
  const writing = executionOrder(plan.changes)
    .map((index) => plan.changes[index])
    .filter(changeWrites);
  const result = await applyPlan(client, plan, {
    graphql: reads.graphql,
    onProgress: (event) => {
      if (options.json) return;
      if (event.type === 'confirmed') {
        // Read back after every write (a bypass list): say so only when it did not stick.
        if (event.result.outcome === 'failed') {
          writeLine(
            io.stdout,
            `  [read back] ${describe(event.change)}: ${outcomeText('failed', style)} ${event.result.message}`,
          );
        }
        return;
      }
      if (event.type !== 'finished' || event.change.action === 'none') return;
      if (event.result.outcome === 'blocked' && event.change.action !== 'blocked') {
        // Planned as a write, found blocked when read again just before it.
        writeLine(
          io.stdout,
          `  [blocked] ${describe(event.change)}: ${outcomeText('blocked', style)} ${event.result.message}${event.result.remedy ? ` To do: ${event.result.remedy}` : ''}`,
        );
        return;
      }
      if (event.result.outcome === 'blocked' || event.change.action === 'blocked') {
        // Asked: the reason and remedy are in the plan printed above. --yes: say them once here.
        const detail = options.yes ? `to do: ${event.change.remedy ?? ''}` : '(see "to do" above)';
        writeLine(
          io.stdout,
          `  [blocked] ${describe(event.change)}: ${outcomeText('blocked', style)} ${detail}`,
        );
        return;
      }
      const step = writing.indexOf(event.change) + 1;
      writeLine(
        io.stdout,
        `  [${step}/${writing.length}] ${describe(event.change)}: ${outcomeText(event.result.outcome, style)} ${event.result.message}`,
      );
    },
  });
  if (options.json) {
    writeLine(io.stdout, JSON.stringify({ plan, apply: result }, null, 2));
  } else {
    writeLine(io.stdout, `\n${applySummary(result, style)}`);
    const problems = renderApplyProblems(result, style);
    if (problems.length > 0) writeLine(io.stdout, problems.join('\n'));
    const unreadable = plan.unreadable?.length ?? 0;
    if (unreadable > 0) {
      writeLine(
        io.stdout,
        style.red(
          `${unreadable} declared resource${unreadable === 1 ? ' was' : 's were'} not read, so not applied (listed above).`,
        ),
      );
    }
  }
  return result.ok ? leftOut : EXIT_ERROR;
}

function outcomeText(outcome: string, style: Style): string {
  switch (outcome) {
    case 'applied':
      return style.green('applied.');
    case 'failed':
      return style.red('FAILED.');
    case 'blocked':
      return style.yellow('blocked, not written.');
    case 'conflict':
      return style.red('CONFLICT, not written.');
    default:
      return `${outcome}.`;
  }
}

export function applySummary(result: ApplyResult, style: Style): string {
  const s = result.summary;
  const conflicts = s.conflict > 0 ? `${s.conflict} conflicting, ` : '';
  const line = `Apply ${result.ok ? 'complete' : 'finished with errors'}: ${s.applied} applied, ${s.failed} failed, ${conflicts}${s.blocked} blocked, ${s.unchanged} unchanged.`;
  return result.ok ? style.bold(line) : style.red(style.bold(line));
}

function ask(io: CliIO, question: string): Promise<string> {
  const rl = createInterface({ input: io.stdin, output: io.stdout });
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    }),
  );
}
