import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatOverhead, measureClientOverhead, measurePlanOverhead } from './client-overhead';
import { measureFaults } from './faults-bench';
import type { Rows } from './front-doors';
import { benchPulumiProvider, terraformBench } from './front-doors';
import type { RunFigures, ScenarioResult } from './policy-bench';
import { runScenario } from './policy-bench';
import { median } from '../terraform/bench';

/**
 * `npm run bench [-- --quick] [-- --sizes 100,1000]`: speed, rate-limit cost and memory of the
 * main job at scale, beside the floors of the same run (docs/performance.md). Prints numbers and
 * writes bench/results.json; asserts nothing (goals live here, not in timed tests).
 */
const ROOT = join(__dirname, '..', '..');

interface BenchOptions {
  readonly quick: boolean;
  readonly sizes: number[];
  readonly timeScale: { readonly plan: number; readonly apply: number };
  readonly curlUpTo: number;
  readonly applyUpTo: number;
  readonly out: string;
}

function options(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      'plan-time-scale': { type: 'string' },
      'apply-time-scale': { type: 'string' },
      'curl-up-to': { type: 'string' },
      'apply-up-to': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const sizes = (values.sizes ?? (quick ? '100' : '100,1000,5000')).split(',').map((raw) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(
        `--sizes: "${raw}" is not allowed; expected whole numbers >= 1, e.g. 100,1000.`,
      );
    }
    return n;
  });
  const scale = (name: 'plan-time-scale' | 'apply-time-scale', fallback: number) => {
    const value = Number(values[name] ?? fallback);
    if (!(value >= 1)) {
      throw new Error(`--${name}: "${values[name]}" is not allowed; expected a number >= 1.`);
    }
    return value;
  };
  const timeScale = { plan: scale('plan-time-scale', 4), apply: scale('apply-time-scale', 20) };
  return {
    quick,
    sizes,
    timeScale,
    curlUpTo: Number(values['curl-up-to'] ?? 1000),
    applyUpTo: Number(values['apply-up-to'] ?? 1000),
    out: values.out ?? join(ROOT, 'bench', 'results.json'),
  };
}

/** Median wall time of `runs` runs of `node args`, ms. */
function nodeMs(args: readonly string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    times.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  }
  return median(times);
}

/**
 * Start-up (issue 11.6): `--version` and `validate` against `node -e 0` plus loading the
 * command's own modules (what they cannot do without).
 */
function startup(runs: number) {
  const bin = 'bin/gh-interactions.js';
  const policy = 'examples/policy/acme.yaml';
  const nodeOnly = nodeMs(['-e', '0'], runs);
  const version = nodeMs([bin, '--version'], runs);
  const validate = nodeMs([bin, 'validate', policy], runs);
  // The floor of each: node plus the modules the command itself needs.
  const versionFloor = nodeMs(['-e', "require('commander');require('./dist/cli/flags.js')"], runs);
  const validateFloor = nodeMs(
    ['-e', "require('commander');require('./dist/cli/commands/validate.js')"],
    runs,
  );
  return { runs, nodeOnly, version, versionFloor, validate, validateFloor };
}

const s = (ms: number) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(2)} s`;
const x = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '–');

function scenarioRows(result: ScenarioResult): string[] {
  const label = `N=${result.repositories} ${result.limits === 'github' ? `limits on (time ×${result.timeScale.plan}/×${result.timeScale.apply})` : 'limits off'}`;
  const line = (name: string, f: RunFigures, extra = '') =>
    `  ${label.padEnd(32)} ${name.padEnd(13)} ${s(f.ms).padStart(8)}  ${String(f.requests).padStart(6)} req  REST ${String(f.restPoints).padStart(6)} pt  GraphQL ${String(f.graphqlPoints).padStart(4)} pt  units ${String(f.units.core).padStart(6)}+${String(f.units.graphql).padEnd(4)} 304s ${String(f.notModified).padStart(5)}  writes ${String(f.writes).padStart(5)}  2nd-limit ${f.secondaryLimitAnswers}  RSS ${f.peakRssMiB.toFixed(0)} MiB${extra}`;
  const floors = result.floors;
  const coldExtra =
    result.limits === 'github'
      ? `  | pacing floor ${s(floors.pacingColdPlanMs)} (${x(result.coldPlan.ms, floors.pacingColdPlanMs)}; on GitHub ≥ ${s(floors.pacingColdPlanGitHubMs)})`
      : `  | bare fetch ${floors.bareFetchColdPlanMs ? s(floors.bareFetchColdPlanMs) : '–'} (${x(result.coldPlan.ms, floors.bareFetchColdPlanMs)})` +
        `, curl loop ${floors.curlLoopColdPlanMs ? s(floors.curlLoopColdPlanMs) : '–'} (${x(result.coldPlan.ms, floors.curlLoopColdPlanMs)})`;
  const applyExtra =
    result.apply && result.limits === 'github' && floors.pacingApplyMs && floors.pacingApplyGitHubMs
      ? `  | pacing floor ${s(floors.pacingApplyMs)} (${x(result.apply.ms, floors.pacingApplyMs)}; on GitHub ≥ ${s(floors.pacingApplyGitHubMs)})`
      : '';
  return [
    line('cold plan', result.coldPlan, coldExtra),
    ...(result.apply ? [line('apply', result.apply, applyExtra)] : []),
    line('warm plan', result.warmPlan),
    ...(result.secondApply ? [line('second apply', result.secondApply)] : []),
  ];
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const started = performance.now();
  const out: Record<string, unknown> = {
    node: process.version,
    date: new Date().toISOString(),
    quick: opts.quick,
    latencyMs: 30,
  };

  const up = startup(opts.quick ? 5 : 10);
  out.startup = up;
  console.log(`gh-interactions bench (node ${process.version}${opts.quick ? ', --quick' : ''})`);
  console.log('start-up, median of', up.runs, 'runs:');
  console.log(
    `  --version ${up.version.toFixed(0)} ms (node -e 0: ${up.nodeOnly.toFixed(0)} ms; floor with its own modules ${up.versionFloor.toFixed(0)} ms: ${x(up.version, up.versionFloor)})`,
  );
  console.log(
    `  validate  ${up.validate.toFixed(0)} ms (floor with its own modules ${up.validateFloor.toFixed(0)} ms: ${x(up.validate, up.validateFloor)})`,
  );

  console.log(
    'the main job: one organization of N public repositories, each with a limit and a 2-user bypass list; emulator in its own process, 30 ms latency',
  );
  console.log('  units: primary rate-limit units, REST+GraphQL (a 304 costs none)');
  const scenarios: ScenarioResult[] = [];
  for (const repositories of opts.sizes) {
    for (const limits of ['github', 'off'] as const) {
      const result = await runScenario({
        repositories,
        limits,
        timeScale: opts.timeScale,
        curl: repositories <= opts.curlUpTo,
        concurrency: 4,
        applies: repositories <= opts.applyUpTo,
      });
      scenarios.push(result);
      for (const row of scenarioRows(result)) console.log(row);
    }
  }
  out.scenarios = scenarios;

  // The client's own cost per request (issue 11.3): 0 ms latency, emulator in its own process
  // (after the scenarios, so their peak RSS is the client's alone).
  const overhead = await measureClientOverhead({ requests: opts.quick ? 300 : 1000 });
  const planOverhead = await measurePlanOverhead({ repositories: opts.quick ? 200 : 500 });
  out.clientOverhead = { requests: overhead, plan: planOverhead };
  console.log(
    'client overhead at 0 ms latency (emulator in its own process), median of 7 (plans: 11), beside plain Octokit (token auth, no hooks):',
  );
  for (const line of formatOverhead(overhead)) console.log(`  ${line}`);
  console.log(
    `  cold plan of ${planOverhead.repositories} repositories (${planOverhead.requests} requests): client ${planOverhead.clientMs.toFixed(0)} ms, bare fetch ${planOverhead.fetchMs.toFixed(0)} ms, ${planOverhead.overheadPerRequestMs.toFixed(2)} ms overhead per request, ${planOverhead.ratio.toFixed(2)}×`,
  );

  if (!opts.quick) {
    const faults = await measureFaults();
    out.faults = faults;
    console.log(
      `faults (issue 12): plan of ${faults.resources} resources, 30 ms latency, clean ${s(faults.cleanMs)}; with 10% 502s and 5% dropped connections ${s(faults.faultyMs)} (${faults.ratio.toFixed(2)}×, ${faults.faultsFired} faults in ${faults.faultyRequests} requests); against a closed port it fails in ${s(faults.outageMs)}: ${faults.outageError.split('\n')[0]}`,
    );
    const rows: Rows = [];
    await benchPulumiProvider(rows);
    await terraformBench(rows);
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log('front doors:');
    for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
    out.frontDoors = Object.fromEntries(rows);
  }

  out.totalSeconds = (performance.now() - started) / 1000;
  mkdirSync(join(opts.out, '..'), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`results: ${opts.out} (${(out.totalSeconds as number).toFixed(0)} s)`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
