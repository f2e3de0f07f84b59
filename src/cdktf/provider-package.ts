import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageVersion } from '../github/settings';
import type { InstalledProvider } from '../terraform/protocol/launcher';
import {
  PROVIDER_NAMESPACE,
  PROVIDER_TYPE,
  installProviderSync,
} from '../terraform/protocol/launcher';

/**
 * The Terraform provider these constructs synthesize resources of, and how a synthesized stack
 * gets it without setup: the provider's launcher (a shell script that execs Node on the
 * provider's entry, see src/terraform/protocol/launcher.ts) is written into the stack's output
 * directory under `terraform.d/plugins`, one of Terraform's implicit local mirrors, so
 * `terraform init` (and `cdktf deploy`, which runs it in that directory) finds it offline.
 * https://developer.hashicorp.com/terraform/cli/config/config-file#implied-local-mirror-directories
 */

/** The provider's source address in `required_providers` (DESIGN.md). */
export const PROVIDER_SOURCE = `${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}`;

/** The provider's local name: the prefix of its resource types and the key of its block. */
export const PROVIDER_NAME = PROVIDER_TYPE;

/** Where the launcher goes, relative to a stack's output directory. */
export const PLUGINS_DIRECTORY = join('terraform.d', 'plugins');

/**
 * The provider version the constructs require and install: this package's version, since the
 * provider is the one this package ships.
 */
export function providerVersion(): string {
  return packageVersion();
}

/**
 * The provider's entry file in the built package (`dist/terraform/main.js`). Found from the
 * package root, which src/github/settings.ts also relies on: this module runs from `src/cdktf`,
 * `dist/cdktf` and, copied for cdktn, `dist/cdktn/generated`.
 */
export function providerEntryFile(): string {
  return join(packageRoot(), 'dist', 'terraform', 'main.js');
}

function packageRoot(): string {
  // settings.ts sits two levels below the root in src/ and dist/ alike.
  return join(dirname(require.resolve('../github/settings')), '..', '..');
}

/**
 * Writes the launcher into `stackDirectory/terraform.d/plugins`, running the Node that
 * synthesizes. Throws, naming the fix, when the package has no built provider.
 */
export function placeLauncher(stackDirectory: string): InstalledProvider {
  const entry = providerEntryFile();
  if (!existsSync(entry)) {
    throw new Error(
      `The gh-interactions Terraform provider is not built: ${entry} does not exist, so the ` +
        `launcher placed in ${join(stackDirectory, PLUGINS_DIRECTORY)} would not start. Build the ` +
        'package (npm run build), or set installLauncher: false on GhInteractionsProvider and ' +
        'install the provider yourself (gh-interactions terraform install).',
    );
  }
  return installProviderSync({
    dir: join(stackDirectory, PLUGINS_DIRECTORY),
    version: providerVersion(),
    entry,
  });
}
