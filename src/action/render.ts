import type { ApplyResult, Change, Plan } from '../core';
import { pendingChanges } from '../core';
import { renderPlan, summaryLine } from '../cli/render-plan';
import { applySummary } from '../cli/commands/apply';
import { parseSource } from '../cli/github-actions';
import type { Style } from '../cli/io';
import type { ActionCommand } from './inputs';

/** GitHub refuses comment bodies above 65,536 characters (docs/emulator.md, issue comments). */
export const MAX_COMMENT_LENGTH = 65536;

/** Plain text: Markdown renders the plan; colour codes would show as noise. */
export const PLAIN: Style = {
  color: false,
  green: (t) => t,
  yellow: (t) => t,
  red: (t) => t,
  cyan: (t) => t,
  bold: (t) => t,
  dim: (t) => t,
};

const SYMBOL: Record<Change['action'], string> = {
  create: '➕ create',
  update: '✏️ update',
  renew: '🔁 renew',
  delete: '➖ remove',
  blocked: '⛔ blocked',
  none: 'unchanged',
};

/**
 * The hidden line that identifies the Action's one comment for a policy file on a pull request,
 * so each push edits it instead of adding another. `--` cannot appear inside an HTML comment.
 */
export function planCommentMarker(policyPath: string): string {
  return `<!-- gh-interactions plan: ${policyPath.replace(/--/g, '-\u200b-').replace(/>/g, '&gt;')} -->`;
}

/** Where the policy lines live on GitHub, to link "declared at" (absent outside a workflow). */
export interface SourceLinks {
  /** `https://github.com/OWNER/REPO/blob/SHA` */
  readonly blobBase?: string;
  /** File name as the repository names it (relative to the workspace). */
  readonly repositoryPath: (file: string) => string;
}

export interface ReportInput {
  readonly command: ActionCommand;
  readonly policyPath: string;
  readonly plan: Plan;
  readonly apply?: ApplyResult;
  readonly links?: SourceLinks;
  /** A line at the end: which commit and run this is about. */
  readonly footer?: string;
}

/**
 * The Markdown report of a plan, a drift check or an apply: one table row per change that needs
 * attention, with where it is declared, why and what to do, then the full text plan folded away.
 * The same text is the pull request comment (after its marker) and the job summary. Never longer
 * than a comment may be: the full plan, then table rows, give way first.
 */
export function renderReport(input: ReportInput): string {
  const { plan } = input;
  const pending = pendingChanges(plan);
  const title =
    input.command === 'drift'
      ? pending.length > 0
        ? `Drift found in \`${input.policyPath}\``
        : `No drift in \`${input.policyPath}\``
      : input.command === 'apply'
        ? `Applied \`${input.policyPath}\``
        : `Plan for \`${input.policyPath}\``;
  const head = [`### gh-interactions: ${title}`, '', `**${summaryLine(plan, PLAIN)}**`];
  if (input.apply) head.push('', `**${applySummary(input.apply, PLAIN)}**`);
  head.push('', `GitHub's clock: ${plan.createdAt}.`);
  const rows = pending.map((change) => tableRow(change, plan, input));
  const full = fenced(renderPlan(plan, PLAIN, input.command === 'drift' ? 'drift' : 'plan'));
  const foot = input.footer ? ['', `<sub>${input.footer}</sub>`] : [];

  const compose = (shownRows: number, withDetails: boolean) => {
    const lines = [...head];
    if (rows.length > 0) {
      lines.push('', '| change | resource | declared at | why | to do |', '|---|---|---|---|---|');
      lines.push(...rows.slice(0, shownRows));
      if (shownRows < rows.length) lines.push(`| … | and ${rows.length - shownRows} more | | | |`);
    }
    if (withDetails) {
      lines.push('', '<details><summary>Full plan</summary>', '', full, '', '</details>');
    }
    lines.push(...foot);
    return `${lines.join('\n')}\n`;
  };
  let text = compose(rows.length, true);
  if (text.length <= MAX_COMMENT_LENGTH - 200) return text;
  for (let shown = rows.length; shown >= 0; shown = shown > 50 ? shown - 50 : shown - 1) {
    text = compose(shown, false);
    if (text.length <= MAX_COMMENT_LENGTH - 200) return text;
  }
  return text.slice(0, MAX_COMMENT_LENGTH - 200);
}

function tableRow(change: Change, plan: Plan, input: ReportInput): string {
  const index = plan.changes.indexOf(change);
  const result = input.apply?.results[index];
  const action = result ? `${SYMBOL[change.action]}: **${result.outcome}**` : SYMBOL[change.action];
  const why = [
    ...change.reasons.map((r) => `**${r.type.replace(/_/g, ' ')}**: ${r.message}`),
    ...(result?.outcome === 'failed' ? [`**failed**: ${result.message}`] : []),
  ].join('<br>');
  return `| ${action} | ${change.kind} \`${change.id}\` | ${declaredAt(change.source, input.links)} | ${cell(why)} | ${cell(change.remedy ?? '')} |`;
}

function declaredAt(source: string | undefined, links: SourceLinks | undefined): string {
  const where = parseSource(source);
  if (!where) return '';
  const file = links ? links.repositoryPath(where.file) : where.file;
  const label = `\`${file}:${where.line}\``;
  return links?.blobBase && !file.startsWith('/') && !file.startsWith('..')
    ? `[${label}](${links.blobBase}/${file.split('/').map(encodeURIComponent).join('/')}#L${where.line})`
    : label;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A code block whose fence is longer than any run of backticks inside it. */
function fenced(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}
