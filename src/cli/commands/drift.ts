import { appendFileSync } from 'node:fs';
import type { Change, Plan } from '../../core';
import { pendingChanges } from '../../core';
import { CliUsageError, connect } from '../connection';
import type { CliIO } from '../io';
import { EXIT_CHANGES, EXIT_OK, styleFor, writeLine } from '../io';
import { planPolicy } from '../policy-plan';
import { renderPlan } from '../render-plan';

export type DriftFormat = 'text' | 'json' | 'github';
export const DRIFT_FORMATS: readonly DriftFormat[] = ['text', 'json', 'github'];

export interface DriftOptions {
  readonly policy: string;
  /** `github`: workflow annotations, and a Markdown summary when GITHUB_STEP_SUMMARY is set. */
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
  const client = connect(io, { cacheDir: options.cacheDir });
  const plan = await planPolicy(io, client, options.policy, { concurrency: options.concurrency });
  const drifted = pendingChanges(plan);
  if (format === 'json') {
    writeLine(io.stdout, JSON.stringify(plan, null, 2));
  } else if (format === 'github') {
    for (const change of drifted) writeLine(io.stdout, annotation(change));
    writeLine(io.stdout, renderPlan(plan, styleFor(io, true), 'drift'));
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) appendFileSync(summaryFile, markdownSummary(plan, options.policy));
  } else {
    writeLine(io.stdout, renderPlan(plan, styleFor(io, options.color === false), 'drift'));
  }
  return drifted.length > 0 ? EXIT_CHANGES : EXIT_OK;
}

/**
 * A workflow command: https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-a-warning-message
 * Blocked changes are errors (they need a person); the rest are warnings (the next apply heals them).
 */
export function annotation(change: Change): string {
  const level = change.action === 'blocked' ? 'error' : 'warning';
  const where = parseSource(change.source);
  const properties = [
    where ? `file=${escapeProperty(where.file)}` : undefined,
    where ? `line=${where.line}` : undefined,
    where?.column ? `col=${where.column}` : undefined,
    `title=${escapeProperty(`${change.kind} ${change.id}: ${change.action}`)}`,
  ].filter(Boolean);
  const message = [
    ...change.reasons.map((r) => `${r.type}: ${r.message}`),
    change.remedy ? `To do: ${change.remedy}` : undefined,
  ]
    .filter(Boolean)
    .join('\n');
  return `::${level} ${properties.join(',')}::${escapeData(message)}`;
}

function parseSource(source: string | undefined) {
  const match = source?.match(/^(.+?):(\d+)(?::(\d+))?/);
  return match
    ? { file: match[1], line: Number(match[2]), column: match[3] ? Number(match[3]) : undefined }
    : undefined;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function markdownSummary(plan: Plan, policyFile: string): string {
  const drifted = pendingChanges(plan);
  const lines = [
    `## gh-interactions drift: ${policyFile}`,
    '',
    drifted.length === 0
      ? `No drift: ${plan.changes.length} resources are as declared (GitHub's clock ${plan.createdAt}).`
      : `${drifted.length} of ${plan.changes.length} resources drifted (GitHub's clock ${plan.createdAt}).`,
    '',
  ];
  if (drifted.length > 0) {
    lines.push('| resource | action | why | to do |', '|---|---|---|---|');
    for (const change of drifted) {
      const why = change.reasons.map((r) => `**${r.type}**: ${r.message}`).join('<br>');
      lines.push(
        `| ${change.kind} \`${change.id}\` | ${change.action} | ${cell(why)} | ${cell(change.remedy ?? '')} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}
