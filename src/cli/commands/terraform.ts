import type { Command } from 'commander';
import type { CliIO } from '../io';
import { EXIT_OK, writeLine } from '../io';

export interface TerraformInstallOptions {
  /** The mirror directory. @default ./terraform.d/plugins */
  readonly dir?: string;
  /** Install into ~/.terraform.d/plugins instead. */
  readonly user?: boolean;
}

/**
 * `gh-interactions terraform install [DIR] [--user]`: writes the provider into an implicit local
 * mirror, so `terraform init` finds `gh-interactions/ghinteractions` offline. The provider's
 * code loads only when this command runs.
 */
export async function terraformInstallCommand(
  io: CliIO,
  options: TerraformInstallOptions,
): Promise<number> {
  const { installTerraformProvider } = await import('../../terraform/install.js');
  const installed = await installTerraformProvider({
    ...(options.dir !== undefined ? { dir: options.dir } : {}),
    ...(options.user ? { user: true } : {}),
    cwd: io.cwd,
    ...(io.env.HOME ? { home: io.env.HOME } : {}),
  });
  writeLine(
    io.stdout,
    `Installed gh-interactions/ghinteractions ${installed.version} (${installed.platform}) in ${installed.mirrorDirectory}`,
  );
  writeLine(io.stdout, `  ${installed.executablePath}`);
  writeLine(io.stdout);
  writeLine(io.stdout, 'Use it from a configuration, then run `terraform init`:');
  writeLine(io.stdout);
  for (const line of [
    'terraform {',
    '  required_providers {',
    `    ghinteractions = { source = "gh-interactions/ghinteractions", version = "${installed.version}" }`,
    '  }',
    '}',
  ]) {
    writeLine(io.stdout, `  ${line}`);
  }
  if (!options.user) {
    writeLine(io.stdout);
    writeLine(
      io.stdout,
      'Terraform looks in ./terraform.d/plugins of the directory it runs in; install with --user to use it from any directory.',
    );
  }
  return EXIT_OK;
}

/** Registers `terraform install` on the program. */
export function registerTerraformCommand(
  program: Command,
  io: CliIO,
  onExit: (code: number) => void,
): void {
  const terraform = program
    .command('terraform')
    .description('the Terraform provider gh-interactions/ghinteractions');
  terraform
    .command('install')
    .description(
      'install the provider into a local mirror for `terraform init` (default ./terraform.d/plugins)',
    )
    .argument('[dir]', 'mirror directory (default ./terraform.d/plugins)')
    .option('--user', 'install into ~/.terraform.d/plugins instead')
    .action(async (dir: string | undefined, flags: { user?: boolean }) => {
      onExit(await terraformInstallCommand(io, { dir, user: flags.user }));
    });
}
