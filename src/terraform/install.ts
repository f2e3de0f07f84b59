import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { packageVersion } from '../github/settings';
import type { InstalledProvider } from './protocol/launcher';
import { installProvider, terraformPlatform } from './protocol/launcher';

/**
 * Installs the provider where `terraform init` finds it offline: a launcher (a shell script that
 * execs this Node on `main.js`) in an implicit local mirror directory, in Terraform's unpacked
 * layout. Kept light: the CLI loads only this module for `gh-interactions terraform install`.
 */

/** `./terraform.d/plugins`: the working directory's implicit mirror. */
export const DEFAULT_MIRROR_DIRECTORY = join('terraform.d', 'plugins');
/** `~/.terraform.d/plugins`: the user's implicit mirror (`--user`). */
export const USER_MIRROR_DIRECTORY = join('.terraform.d', 'plugins');

export interface InstallTerraformProviderOptions {
  /** The mirror directory. @default DEFAULT_MIRROR_DIRECTORY, or USER_MIRROR_DIRECTORY with `user` */
  readonly dir?: string;
  /** Install into the user's mirror (`~/.terraform.d/plugins`). */
  readonly user?: boolean;
  /** What a relative `dir` is relative to. @default process.cwd() */
  readonly cwd?: string;
  /** @default os.homedir() */
  readonly home?: string;
  /** The entry the launcher runs. @default providerEntry() */
  readonly entry?: string;
  /** The provider version Terraform sees. @default this package's version */
  readonly version?: string;
}

export interface InstalledTerraformProvider extends InstalledProvider {
  readonly version: string;
  readonly platform: string;
  readonly mirrorDirectory: string;
}

/** The provider's entry file beside this module (dist/terraform/main.js once built). */
export function providerEntry(): string {
  return join(__dirname, 'main.js');
}

export async function installTerraformProvider(
  options: InstallTerraformProviderOptions = {},
): Promise<InstalledTerraformProvider> {
  if (options.dir !== undefined && options.user) {
    throw new Error(
      `Give either a directory (${JSON.stringify(options.dir)}) or --user, not both: --user installs into ~/${USER_MIRROR_DIRECTORY}`,
    );
  }
  const mirrorDirectory = options.user
    ? join(options.home ?? homedir(), USER_MIRROR_DIRECTORY)
    : resolve(options.cwd ?? process.cwd(), options.dir ?? DEFAULT_MIRROR_DIRECTORY);
  const version = options.version ?? packageVersion();
  const platform = terraformPlatform();
  const installed = await installProvider({
    dir: mirrorDirectory,
    version,
    entry: options.entry ?? providerEntry(),
    platform,
  });
  return { ...installed, version, platform, mirrorDirectory };
}
