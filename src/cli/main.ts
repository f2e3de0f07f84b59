import { Command, CommanderError, Option } from 'commander';
import { packageVersion } from '../github/settings';
import { registerEmulatorCommand } from '../emulator/cli';
import type { DriftFormat } from './commands/drift-format';
import { DRIFT_FORMATS } from './commands/drift-format';
import { registerTerraformCommand } from './commands/terraform';
import { parseConcurrency, parseSeconds } from './flags';
import type { CliIO } from './io';
import { EXIT_ERROR, processIO, writeLine } from './io';

/**
 * Each command's code is loaded when the command runs, so `--version`, `--help` and `validate`
 * load no GitHub client, core or emulator (docs/performance.md, start-up).
 */
const load = {
  apply: () => import('./commands/apply.js'),
  drift: () => import('./commands/drift.js'),
  plan: () => import('./commands/plan.js'),
  schema: () => import('./commands/schema.js'),
  validate: () => import('./commands/validate.js'),
  errors: () => import('./errors.js'),
};

interface ConnectionFlags {
  json?: boolean;
  out?: string;
  yes?: boolean;
  format?: DriftFormat;
  concurrency?: string;
  cacheDir?: string;
  color?: boolean;
  maxRateLimitWait?: string;
  deadline?: string;
  skipUnreadable?: boolean;
}

/** The client's limits on waiting, from `--max-rate-limit-wait` and `--deadline`. */
const waitFlags = (flags: ConnectionFlags) => ({
  maxRateLimitWaitSeconds: parseSeconds('--max-rate-limit-wait', flags.maxRateLimitWait),
  deadlineSeconds: parseSeconds('--deadline', flags.deadline, 1),
});

/** `gh-interactions ARGS…`; resolves with the exit code (0 nothing to do, 2 changes, 1 error). */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode = 0;
  const run = (command: () => Promise<number>) => async () => {
    exitCode = await command();
  };
  const program = new Command('gh-interactions')
    .description(
      'Declarative GitHub interaction limits, pull-request creation caps and bypass lists, with drift detection.',
    )
    .version(packageVersion())
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError();

  const readFlags = (command: Command) =>
    command
      .option('--concurrency <n>', 'reads made at once (1–32)')
      .option(
        '--cache-dir <dir>',
        'keep ETags in this directory between runs (conditional requests)',
      )
      .option('--no-color', 'plain output even on a terminal')
      .option(
        '--skip-unreadable',
        'plan (and apply) the resources GitHub could be read for, list the others; exit 1',
      );
  const waitOptions = (command: Command) =>
    command
      .option(
        '--max-rate-limit-wait <seconds>',
        'wait up to this long in all for GitHub rate limits to reset (default 300)',
      )
      .option('--deadline <seconds>', 'stop every GitHub request after this long in all');

  program
    .command('validate')
    .description('check a policy file offline: schema and contradictions')
    .argument('<policy>', 'policy file (YAML)')
    .action((policy: string) =>
      run(async () => (await load.validate()).validateCommand(io, { policy }))(),
    );

  readFlags(
    waitOptions(program.command('plan'))
      .description('show what apply would change; exit 0 nothing to do, 2 changes, 1 error')
      .argument('<policy>', 'policy file (YAML)')
      .option('--json', 'print the plan as JSON (format: docs/core.md)')
      .option('--out <file>', 'save the plan for `apply FILE`'),
  ).action((policy: string, flags: ConnectionFlags) =>
    run(async () =>
      (await load.plan()).planCommand(io, {
        policy,
        json: flags.json,
        out: flags.out,
        concurrency: parseConcurrency(flags.concurrency),
        cacheDir: flags.cacheDir,
        color: flags.color,
        ...waitFlags(flags),
        skipUnreadable: flags.skipUnreadable,
      }),
    )(),
  );

  readFlags(
    waitOptions(program.command('apply'))
      .description('apply a policy file, or a plan saved by `plan --out` (refused when stale)')
      .argument('<file>', 'policy file (YAML) or saved plan (JSON)')
      .option('-y, --yes', 'apply without asking (required when not in a terminal)')
      .option('--json', 'print the plan and the results as JSON'),
  ).action((file: string, flags: ConnectionFlags) =>
    run(async () =>
      (await load.apply()).applyCommand(io, {
        file,
        yes: flags.yes,
        json: flags.json,
        concurrency: parseConcurrency(flags.concurrency),
        cacheDir: flags.cacheDir,
        color: flags.color,
        ...waitFlags(flags),
        skipUnreadable: flags.skipUnreadable,
      }),
    )(),
  );

  readFlags(
    program
      .command('drift')
      .description('report drift for scheduled CI jobs; exit 0 none, 2 drift, 1 error')
      .argument('<policy>', 'policy file (YAML)')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices([...DRIFT_FORMATS])
          .default('text'),
      ),
  ).action((policy: string, flags: ConnectionFlags) =>
    run(async () =>
      (await load.drift()).driftCommand(io, {
        policy,
        format: flags.format,
        concurrency: parseConcurrency(flags.concurrency),
        cacheDir: flags.cacheDir,
        color: flags.color,
        skipUnreadable: flags.skipUnreadable,
      }),
    )(),
  );

  program
    .command('schema')
    .description("print the policy file's JSON Schema")
    .action(() => run(async () => (await load.schema()).schemaCommand(io))());

  registerEmulatorCommand(program, io, (code) => {
    exitCode = code;
  });
  registerTerraformCommand(program, io, (code) => {
    exitCode = code;
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
        ? 0
        : EXIT_ERROR;
    }
    writeLine(io.stderr, (await load.errors()).describeError(error, io.env));
    return EXIT_ERROR;
  }
  return exitCode;
}
