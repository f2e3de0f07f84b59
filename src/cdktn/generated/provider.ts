// Generated from src/cdktf/provider.ts by src/cdktn/generate.js: do not edit.
// Edit src/cdktf/ and run `node src/cdktn/generate.js`.
import { join } from 'node:path';
import type { Construct } from 'constructs';
import type { IStackSynthesizer, ISynthesisSession } from '../framework';
import { TerraformProvider, TerraformStack, Token, stringToTerraform } from '../framework';
import { definedOnly, hclString } from './hcl';
import { PROVIDER_NAME, PROVIDER_SOURCE, placeLauncher, providerVersion } from './provider-package';

/**
 * GitHub App credentials for the provider, in the provider's `app_auth` block. Each one left out
 * is read from the environment Terraform runs in.
 */
export interface GhInteractionsAppAuth {
  /**
   * The GitHub App's id.
   * @default - the GITHUB_APP_ID environment variable
   */
  readonly id?: string;
  /**
   * The id of the App's installation on the account whose limits are managed.
   * @default - the GITHUB_APP_INSTALLATION_ID environment variable
   */
  readonly installationId?: string;
  /**
   * The App's private key as PEM text (e.g. Terraform's `file("app.pem")` through
   * `Fn.file`), or the path of a PEM file. PEM text must be a token (a sensitive variable, a
   * function call), never a literal, so the key does not land in the synthesized JSON.
   * @default - GITHUB_APP_PRIVATE_KEY, else the file GITHUB_APP_PEM_FILE names
   */
  readonly pemFile?: string;
}

export interface GhInteractionsProviderProps {
  /**
   * The GitHub token. It must be a token (e.g. the value of a `TerraformVariable` declared
   * `sensitive: true`, set with `TF_VAR_…`), never a literal string: a literal would be written
   * into the synthesized `cdk.tf.json`, which DESIGN.md forbids for credentials.
   * @default - the GITHUB_TOKEN environment variable of the Terraform process
   */
  readonly token?: string;
  /**
   * The GitHub API URL: `https://api.github.com`, or for GitHub Enterprise Server `https://HOST`
   * or `https://HOST/api/v3`; the local emulator's `http://127.0.0.1:PORT`.
   * @default - the GITHUB_BASE_URL environment variable, else https://api.github.com
   */
  readonly baseUrl?: string;
  /**
   * Authenticate as a GitHub App installation instead of with a token.
   * @default - token authentication (or the GITHUB_APP_* environment variables)
   */
  readonly appAuth?: GhInteractionsAppAuth;
  /**
   * An alias, for a second configuration of the provider (another GitHub host or account);
   * resources choose it with their `provider` prop.
   * @default - no alias: the stack's default configuration of the provider
   */
  readonly alias?: string;
  /**
   * Place the provider's launcher in the stack's output directory at synth
   * (`terraform.d/plugins/…`), so `terraform init` and `cdktf deploy` find the provider with no
   * setup. false when the provider is installed another way (`gh-interactions terraform install`
   * into a filesystem mirror).
   * @default true
   */
  readonly installLauncher?: boolean;
}

/** The construct id of the provider the constructs add to a stack that has none. */
export const DEFAULT_PROVIDER_ID = 'GhInteractionsProvider';

interface StackWiring {
  /** The provider added by the constructs, while the user has not declared a default one. */
  defaultProvider?: GhInteractionsProvider;
  /** The user declared an unaliased provider: nothing is added. */
  hasDeclaredDefault: boolean;
}

const wirings = new WeakMap<TerraformStack, StackWiring>();

/** Set while ensureDefault constructs the default provider, which is not a declared one. */
let creatingDefaultProvider = false;

function wiringOf(stack: TerraformStack): StackWiring {
  let wiring = wirings.get(stack);
  if (!wiring) {
    wiring = { hasDeclaredDefault: false };
    wirings.set(stack, wiring);
    placeLauncherOnSynth(stack);
  }
  return wiring;
}

/**
 * Writes the launcher into the stack's output directory after the stack is synthesized, when a
 * provider of the stack asks for it (the default does). The stack's synthesizer is its public,
 * replaceable part; wrapping it is how a construct adds files to the stack's own directory.
 */
function placeLauncherOnSynth(stack: TerraformStack): void {
  const inner: IStackSynthesizer = stack.synthesizer;
  stack.synthesizer = {
    synthesize(session: ISynthesisSession): void {
      inner.synthesize(session);
      const wanted = stack.node
        .findAll()
        .some(
          (construct) =>
            construct instanceof GhInteractionsProvider && construct.installLauncher !== false,
        );
      if (wanted) {
        placeLauncher(join(session.outdir, session.manifest.forStack(stack).workingDirectory));
      }
    },
  };
}

/**
 * The gh-interactions Terraform provider (`gh-interactions/ghinteractions`), at this package's
 * version. The constructs add one to their stack when it has none; declare one to configure it
 * (token, base URL, GitHub App) or to add an aliased second one.
 *
 * Credentials come from the environment Terraform runs in by default (GITHUB_TOKEN…), so none is
 * written into the synthesized configuration.
 */
export class GhInteractionsProvider extends TerraformProvider {
  public static readonly tfResourceType = PROVIDER_NAME;

  /** Whether the provider's launcher is placed in the stack's output at synth. */
  public readonly installLauncher: boolean;
  private readonly props: GhInteractionsProviderProps;
  private aliasValue?: string;

  constructor(scope: Construct, id: string, props: GhInteractionsProviderProps = {}) {
    super(scope, id, {
      terraformResourceType: PROVIDER_NAME,
      terraformGeneratorMetadata: {
        providerName: PROVIDER_NAME,
        providerVersion: providerVersion(),
      },
      terraformProviderSource: PROVIDER_SOURCE,
    });
    refuseLiteralSecret('token', props.token, 'GITHUB_TOKEN');
    if (props.appAuth?.pemFile !== undefined && /-----BEGIN/.test(props.appAuth.pemFile)) {
      refuseLiteralSecret('appAuth.pemFile', props.appAuth.pemFile, 'GITHUB_APP_PRIVATE_KEY');
    }
    this.props = props;
    this.aliasValue = props.alias;
    this.installLauncher = props.installLauncher ?? true;

    const stack = TerraformStack.of(this);
    const wiring = wiringOf(stack);
    if (props.alias === undefined && !creatingDefaultProvider) {
      wiring.hasDeclaredDefault = true;
      if (wiring.defaultProvider) {
        // Declared after a construct added the default: the declared one replaces it.
        wiring.defaultProvider.node.scope?.node.tryRemoveChild(wiring.defaultProvider.node.id);
        wiring.defaultProvider = undefined;
      }
    }
  }

  /**
   * The provider configuration for constructs in `scope`'s stack: adds the default one
   * (`DEFAULT_PROVIDER_ID`, configured from the environment) unless the stack has one.
   */
  public static ensureDefault(scope: Construct): void {
    const stack = TerraformStack.of(scope);
    const wiring = wiringOf(stack);
    if (wiring.hasDeclaredDefault || wiring.defaultProvider) return;
    if (stack.node.tryFindChild(DEFAULT_PROVIDER_ID)) {
      throw new Error(
        `[id] the stack ${stack.node.path} already has a construct with the id "${DEFAULT_PROVIDER_ID}" that is not a GhInteractionsProvider; ` +
          'expected that id free for the provider the gh-interactions constructs add, or declare a GhInteractionsProvider yourself',
      );
    }
    creatingDefaultProvider = true;
    try {
      wiring.defaultProvider = new GhInteractionsProvider(stack, DEFAULT_PROVIDER_ID);
    } finally {
      creatingDefaultProvider = false;
    }
  }

  public override get alias(): string | undefined {
    return this.aliasValue;
  }

  public override set alias(value: string | undefined) {
    this.aliasValue = value;
  }

  protected override synthesizeAttributes(): { [name: string]: unknown } {
    const appAuth = this.props.appAuth;
    return {
      token: stringToTerraform(this.props.token),
      base_url: stringToTerraform(this.props.baseUrl),
      app_auth: appAuth
        ? {
            id: stringToTerraform(appAuth.id),
            installation_id: stringToTerraform(appAuth.installationId),
            pem_file: stringToTerraform(appAuth.pemFile),
          }
        : undefined,
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: unknown } {
    const appAuth = this.props.appAuth;
    return definedOnly({
      token: hclString(this.props.token),
      base_url: hclString(this.props.baseUrl),
      app_auth: appAuth
        ? {
            value: definedOnly({
              id: hclString(appAuth.id),
              installation_id: hclString(appAuth.installationId),
              pem_file: hclString(appAuth.pemFile),
            }),
            isBlock: true,
            type: 'list',
            storageClassType: 'GhInteractionsProviderAppAuthList',
          }
        : undefined,
    });
  }
}

/**
 * A secret given as a literal string would be written, as is, into `cdk.tf.json`; a token
 * (variable, function call) is written as a reference that Terraform resolves. The message
 * never repeats the value.
 */
function refuseLiteralSecret(prop: string, value: string | undefined, variable: string): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  throw new Error(
    `[${prop}] a literal secret (${value.length} characters, not shown) is not allowed: it would be written into the synthesized cdk.tf.json; ` +
      `expected a token such as the value of a sensitive TerraformVariable (new TerraformVariable(this, "github_token", { type: "string", sensitive: true }).stringValue, set with TF_VAR_github_token), ` +
      `or nothing: the provider then reads ${variable} where Terraform runs`,
  );
}
