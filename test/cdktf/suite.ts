import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Construct } from 'constructs';
import type * as Cdktf from 'cdktf';
import type * as Constructs from '../../src/cdktf';
import { launcherScript, terraformPlatform } from '../../src/terraform/protocol/launcher';
import { providerEntryFile } from '../../src/cdktf/provider-package';

/**
 * The construct tests, run once per build: `gh-interactions/cdktf` with cdktf
 * (test/cdktf/constructs.test.ts) and `gh-interactions/cdktn` with cdktn
 * (test/cdktn/constructs.test.ts). The two frameworks have the same API, so cdktn's is typed as
 * cdktf's here.
 */
export interface FrameworkBinding {
  /** `cdktf` or `cdktn`. */
  readonly name: string;
  readonly framework: typeof Cdktf;
  readonly constructs: typeof Constructs;
  /** A `github_repository` resource named `name`, with its `fullName` attribute. */
  readonly repository: (
    scope: Construct,
    id: string,
    name: string,
  ) => { readonly fullName: string };
}

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** The error a function throws, as its message. */
function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error, but nothing was thrown');
}

type Json = Record<string, Record<string, Record<string, Record<string, unknown>>>>;

export function describeConstructs(binding: FrameworkBinding): void {
  const { Testing, TerraformStack, TerraformVariable, Token } = binding.framework;
  const { InteractionLimit, PrBypassList, PrCreationCap, GhInteractionsProvider } =
    binding.constructs;
  const synth = (build: (scope: Construct) => void): Json =>
    JSON.parse(Testing.synthScope(build)) as Json;

  describe(`${binding.name}: InteractionLimit`, () => {
    it('synthesizes ghinteractions_limit with the core attributes in snake_case', () => {
      const output = Testing.synthScope((scope) => {
        new InteractionLimit(scope, 'api', {
          repository: 'acme/api',
          limit: 'collaborators_only',
          expiry: 'one_week',
          renew: true,
          renewWithin: '1d12h',
          until: '2027-01-01',
        });
      });
      expect(output).toHaveResourceWithProperties(InteractionLimit, {
        repository: 'acme/api',
        limit: 'collaborators_only',
        expiry: 'one_week',
        renew: true,
        renew_within: '1d12h',
        until: '2027-01-01',
      });
    });

    it('writes only what is declared: the provider plans the defaults', () => {
      const output = synth((scope) => {
        new InteractionLimit(scope, 'acme', { organization: 'acme', limit: 'existing_users' });
        new InteractionLimit(scope, 'me', { user: true, limit: 'contributors_only' });
      });
      expect(output.resource.ghinteractions_limit).toEqual({
        acme: { organization: 'acme', limit: 'existing_users' },
        me: { user: true, limit: 'contributors_only' },
      });
    });

    it('writes a renewal window given in seconds as the string the provider takes', () => {
      const output = Testing.synthScope((scope) => {
        new InteractionLimit(scope, 'api', {
          repository: 'acme/api',
          limit: 'contributors_only',
          renewWithin: 86400,
        });
      });
      expect(output).toHaveResourceWithProperties(InteractionLimit, { renew_within: '86400' });
    });

    it('takes a Repository: Terraform reads its full_name, and so creates it first', () => {
      const output = Testing.synthScope((scope) => {
        const repository = binding.repository(scope, 'x', 'api');
        new InteractionLimit(scope, 'api', { repository, limit: 'contributors_only' });
      });
      expect(output).toHaveResourceWithProperties(InteractionLimit, {
        repository: '${github_repository.x.full_name}',
      });
    });

    it('exposes the computed attributes as references', () => {
      const output = synth((scope) => {
        const limit = new InteractionLimit(scope, 'api', {
          repository: 'acme/api',
          limit: 'contributors_only',
        });
        new binding.framework.TerraformOutput(scope, 'expires', { value: limit.expiresAt });
        new binding.framework.TerraformOutput(scope, 'origin', { value: limit.origin });
        new binding.framework.TerraformOutput(scope, 'id', { value: limit.id });
      });
      expect(output.output).toEqual({
        expires: { value: '${ghinteractions_limit.api.expires_at}' },
        origin: { value: '${ghinteractions_limit.api.origin}' },
        id: { value: '${ghinteractions_limit.api.id}' },
      });
    });
  });

  describe(`${binding.name}: PrBypassList`, () => {
    it('synthesizes ghinteractions_pr_bypass_list', () => {
      const output = Testing.synthScope((scope) => {
        new PrBypassList(scope, 'api', { repository: 'acme/api', users: ['hubot', 'jdoe'] });
      });
      expect(output).toHaveResourceWithProperties(PrBypassList, {
        repository: 'acme/api',
        users: ['hubot', 'jdoe'],
      });
    });

    it('takes a Repository', () => {
      const output = Testing.synthScope((scope) => {
        const repository = binding.repository(scope, 'x', 'api');
        new PrBypassList(scope, 'api', { repository, users: [] });
      });
      expect(output).toHaveResourceWithProperties(PrBypassList, {
        repository: '${github_repository.x.full_name}',
        users: [],
      });
    });

    it('exposes canonical_users', () => {
      const output = synth((scope) => {
        const list = new PrBypassList(scope, 'api', { repository: 'acme/api' });
        new binding.framework.TerraformOutput(scope, 'logins', { value: list.canonicalUsers });
      });
      expect(output.output.logins).toEqual({
        value: '${ghinteractions_pr_bypass_list.api.canonical_users}',
      });
    });
  });

  describe(`${binding.name}: PrCreationCap`, () => {
    it('synthesizes ghinteractions_pr_creation_cap for an organization and a repository', () => {
      const output = Testing.synthScope((scope) => {
        new PrCreationCap(scope, 'org', { organization: 'acme', maxOpenPullRequests: 5 });
        new PrCreationCap(scope, 'api', {
          repository: 'acme/api',
          enabled: true,
          maxOpenPullRequests: 2,
          includeDrafts: true,
        });
        new PrCreationCap(scope, 'docs', { repository: 'acme/docs', enabled: false });
      });
      expect(output).toHaveResourceWithProperties(PrCreationCap, {
        organization: 'acme',
        max_open_pull_requests: 5,
      });
      expect(output).toHaveResourceWithProperties(PrCreationCap, {
        repository: 'acme/api',
        enabled: true,
        max_open_pull_requests: 2,
        include_drafts: true,
      });
      expect(output).toHaveResourceWithProperties(PrCreationCap, {
        repository: 'acme/docs',
        enabled: false,
      });
    });

    it('takes a Repository', () => {
      const output = Testing.synthScope((scope) => {
        const repository = binding.repository(scope, 'x', 'api');
        new PrCreationCap(scope, 'api', { repository, maxOpenPullRequests: 3 });
      });
      expect(output).toHaveResourceWithProperties(PrCreationCap, {
        repository: '${github_repository.x.full_name}',
        max_open_pull_requests: 3,
      });
    });
  });

  describe(`${binding.name}: synth-time validation with the core's messages`, () => {
    it.each([
      [
        'a limit GitHub does not have',
        () =>
          Testing.synthScope((scope) => {
            new InteractionLimit(scope, 'api', { repository: 'acme/api', limit: 'everyone' });
          }),
        [
          'InteractionLimit stack/api is invalid (1 problem)',
          '[limit] "everyone" is not allowed; expected one of existing_users, contributors_only, collaborators_only',
        ],
      ],
      [
        'two scopes',
        () =>
          Testing.synthScope((scope) => {
            new InteractionLimit(scope, 'api', {
              organization: 'acme',
              repository: 'acme/api',
              limit: 'existing_users',
            });
          }),
        [
          '[organization, repository] organization "acme" and repository "acme/api" are all set; expected exactly one scope',
        ],
      ],
      [
        'no scope',
        () =>
          Testing.synthScope((scope) => {
            new InteractionLimit(scope, 'api', { limit: 'existing_users' });
          }),
        ['[organization, repository, user] no scope is set; expected exactly one scope'],
      ],
      [
        'a renewal window as long as the expiry',
        () =>
          Testing.synthScope((scope) => {
            new InteractionLimit(scope, 'api', {
              repository: 'acme/api',
              limit: 'existing_users',
              expiry: 'one_day',
              renewWithin: '2d',
            });
          }),
        ['[renewWithin] "2d" is too long; expected a number of seconds > 0 and shorter than'],
      ],
      [
        'a repository that is not owner/name',
        () =>
          Testing.synthScope((scope) => {
            new PrBypassList(scope, 'api', { repository: 'acme', users: [] });
          }),
        [
          'PrBypassList stack/api is invalid',
          '[repository] "acme" is not allowed; expected owner/name',
        ],
      ],
      [
        'an object that is not a repository',
        () =>
          Testing.synthScope((scope) => {
            new PrBypassList(scope, 'api', {
              repository: { name: 'api' } as unknown as string,
            });
          }),
        [
          '[repository] an object (Object) without fullName is not allowed; expected a repository as "owner/name", or a Repository of @cdktf/provider-github',
        ],
      ],
      [
        'the same login twice',
        () =>
          Testing.synthScope((scope) => {
            new PrBypassList(scope, 'api', { repository: 'acme/api', users: ['hubot', 'Hubot'] });
          }),
        [
          '[users[1]] "hubot" and "Hubot" are the same login (logins are case-insensitive), also at users[0]; expected each login once',
        ],
      ],
      [
        'a cap out of range',
        () =>
          Testing.synthScope((scope) => {
            new PrCreationCap(scope, 'org', { organization: 'acme', maxOpenPullRequests: 1001 });
          }),
        ['[maxOpenPullRequests] 1001 is not allowed; expected an integer from 1 to 1000'],
      ],
      [
        'an enabled cap without a maximum',
        () =>
          Testing.synthScope((scope) => {
            new PrCreationCap(scope, 'org', { organization: 'acme' });
          }),
        ['[maxOpenPullRequests] is required when the cap is enabled'],
      ],
      [
        'a prop no kind has (a typo from JavaScript)',
        () =>
          Testing.synthScope((scope) => {
            new InteractionLimit(scope, 'api', {
              repository: 'acme/api',
              limit: 'existing_users',
              expires: 'one_day',
            } as never);
          }),
        ['[expires] is not a known option; expected one of organization, repository, user, limit'],
      ],
    ])('%s fails synth, naming the prop', (_case, run, expected) => {
      const message = messageOf(run);
      for (const part of expected) expect(message).toContain(part);
    });

    it('reports every problem of a construct at once', () => {
      const message = messageOf(() =>
        Testing.synthScope((scope) => {
          new InteractionLimit(scope, 'api', {
            repository: 'acme',
            limit: 'everyone',
            expiry: 'forever',
          });
        }),
      );
      expect(message).toContain('(3 problems)');
      expect(message).toContain('[limit]');
      expect(message).toContain('[expiry]');
      expect(message).toContain('[repository]');
    });

    it('accepts tokens: their values are checked by the provider at plan time', () => {
      const output = synth((scope) => {
        const text = new TerraformVariable(scope, 'text', { type: 'string' });
        const logins = new TerraformVariable(scope, 'logins', { type: 'list(string)' });
        const count = new TerraformVariable(scope, 'count', { type: 'number' });
        const flag = new TerraformVariable(scope, 'flag', { type: 'bool' });
        new InteractionLimit(scope, 'limit', {
          repository: text.stringValue,
          limit: text.stringValue,
          expiry: text.stringValue,
          renew: flag.booleanValue,
          renewWithin: text.stringValue,
        });
        new PrBypassList(scope, 'whole', { repository: 'acme/api', users: logins.listValue });
        new PrBypassList(scope, 'element', {
          repository: 'acme/docs',
          users: ['hubot', text.stringValue],
        });
        new PrCreationCap(scope, 'cap', {
          organization: text.stringValue,
          enabled: flag.booleanValue,
          maxOpenPullRequests: count.numberValue,
        });
      });
      expect(output.resource.ghinteractions_limit.limit).toEqual({
        repository: '${var.text}',
        limit: '${var.text}',
        expiry: '${var.text}',
        renew: '${var.flag}',
        renew_within: '${var.text}',
      });
      expect(output.resource.ghinteractions_pr_bypass_list.whole.users).toBe('${var.logins}');
      expect(output.resource.ghinteractions_pr_bypass_list.element.users).toEqual([
        'hubot',
        '${var.text}',
      ]);
      expect(output.resource.ghinteractions_pr_creation_cap.cap).toEqual({
        organization: '${var.text}',
        enabled: '${var.flag}',
        max_open_pull_requests: '${var.count}',
      });
    });

    it('still checks the known values beside a token', () => {
      const message = messageOf(() =>
        Testing.synthScope((scope) => {
          const text = new TerraformVariable(scope, 'text', { type: 'string' });
          new PrBypassList(scope, 'api', {
            repository: text.stringValue,
            users: [text.stringValue, 'bad--login'],
          });
        }),
      );
      expect(message).toContain('[users[1]] "bad--login" is not allowed');
      expect(message).not.toContain('[repository]');
      expect(message).not.toContain('users[0]');
    });

    it('counts a token scope as the one scope given', () => {
      const output = synth((scope) => {
        new InteractionLimit(scope, 'api', {
          repository: Token.asString({ resolve: () => 'acme/api' }),
          limit: 'existing_users',
        });
      });
      expect(output.resource.ghinteractions_limit.api.repository).toBe('acme/api');
    });
  });

  describe(`${binding.name}: provider wiring`, () => {
    it('adds the provider once per stack, configured from the environment, at this package version', () => {
      const output = synth((scope) => {
        new InteractionLimit(scope, 'a', { repository: 'acme/api', limit: 'existing_users' });
        new PrBypassList(scope, 'b', { repository: 'acme/api' });
        new PrCreationCap(scope, 'c', { organization: 'acme', maxOpenPullRequests: 3 });
      });
      expect(output.terraform.required_providers.ghinteractions).toEqual({
        source: 'gh-interactions/ghinteractions',
        version: PACKAGE_VERSION,
      });
      expect(output.provider.ghinteractions).toEqual([{}]);
    });

    it('adds one to each stack', () => {
      const app = Testing.app();
      const first = new TerraformStack(app, 'first');
      const second = new TerraformStack(app, 'second');
      new PrBypassList(first, 'b', { repository: 'acme/api' });
      new PrBypassList(second, 'b', { repository: 'acme/docs' });
      for (const stack of [first, second]) {
        const output = JSON.parse(Testing.synth(stack)) as Json;
        expect(output.provider.ghinteractions).toEqual([{}]);
      }
    });

    it('uses a provider declared before the constructs instead of adding one', () => {
      const output = Testing.synthScope((scope) => {
        const token = new TerraformVariable(scope, 'github_token', {
          type: 'string',
          sensitive: true,
        });
        new GhInteractionsProvider(scope, 'github', {
          token: token.stringValue,
          baseUrl: 'https://ghe.example.com',
        });
        new PrBypassList(scope, 'b', { repository: 'acme/api' });
      });
      expect(output).toHaveProviderWithProperties(GhInteractionsProvider, {
        token: '${var.github_token}',
        base_url: 'https://ghe.example.com',
      });
      expect((JSON.parse(output) as Json).provider.ghinteractions).toHaveLength(1);
    });

    it('replaces the provider it added with one declared after the constructs', () => {
      let stack: Construct | undefined;
      const output = synth((scope) => {
        stack = scope;
        new PrBypassList(scope, 'b', { repository: 'acme/api' });
        new GhInteractionsProvider(scope, 'github', { baseUrl: 'https://ghe.example.com' });
        new PrBypassList(scope, 'c', { repository: 'acme/docs' });
      });
      expect(output.provider.ghinteractions).toEqual([{ base_url: 'https://ghe.example.com' }]);
      expect(stack?.node.tryFindChild(binding.constructs.DEFAULT_PROVIDER_ID)).toBeUndefined();
    });

    it('keeps the default beside an aliased provider, which resources choose with provider', () => {
      const output = synth((scope) => {
        const enterprise = new GhInteractionsProvider(scope, 'enterprise', {
          alias: 'enterprise',
          baseUrl: 'https://ghe.example.com',
          appAuth: { id: '123', installationId: '456', pemFile: '/etc/app.pem' },
        });
        new PrBypassList(scope, 'dotcom', { repository: 'acme/api' });
        new PrBypassList(scope, 'ghe', { repository: 'acme/api', provider: enterprise });
      });
      expect(output.provider.ghinteractions).toEqual([
        {
          alias: 'enterprise',
          base_url: 'https://ghe.example.com',
          app_auth: { id: '123', installation_id: '456', pem_file: '/etc/app.pem' },
        },
        {},
      ]);
      expect(output.resource.ghinteractions_pr_bypass_list.ghe.provider).toBe(
        'ghinteractions.enterprise',
      );
      expect(output.resource.ghinteractions_pr_bypass_list.dotcom.provider).toBeUndefined();
    });

    it('adds no default when every construct names its provider', () => {
      const output = synth((scope) => {
        const enterprise = new GhInteractionsProvider(scope, 'enterprise', { alias: 'ghe' });
        new PrBypassList(scope, 'ghe', { repository: 'acme/api', provider: enterprise });
      });
      expect(output.provider.ghinteractions).toEqual([{ alias: 'ghe' }]);
    });

    it('refuses a literal token or private key, without repeating it', () => {
      const token = messageOf(() =>
        Testing.synthScope((scope) => {
          new GhInteractionsProvider(scope, 'github', { token: 'ghp_not_a_real_token' });
        }),
      );
      expect(token).toContain('[token] a literal secret (20 characters, not shown) is not allowed');
      expect(token).toContain('sensitive TerraformVariable');
      expect(token).not.toContain('ghp_not_a_real_token');
      const key = messageOf(() =>
        Testing.synthScope((scope) => {
          new GhInteractionsProvider(scope, 'github', {
            appAuth: { pemFile: '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n' },
          });
        }),
      );
      expect(key).toContain('[appAuth.pemFile] a literal secret');
      expect(key).not.toContain('MIIE');
    });

    it('refuses a construct id taken by something that is not the provider', () => {
      const message = messageOf(() =>
        Testing.synthScope((scope) => {
          new TerraformVariable(scope, binding.constructs.DEFAULT_PROVIDER_ID, {});
          new PrBypassList(scope, 'b', { repository: 'acme/api' });
        }),
      );
      expect(message).toContain('[id] the stack stack already has a construct with the id');
    });

    it('renders HCL as well (SYNTH_HCL_OUTPUT)', () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'hcl');
      new InteractionLimit(stack, 'api', {
        repository: 'acme/api',
        limit: 'contributors_only',
        renewWithin: 3600,
      });
      new PrBypassList(stack, 'bypass', { repository: 'acme/api', users: ['hubot'] });
      new PrCreationCap(stack, 'cap', { organization: 'acme', maxOpenPullRequests: 4 });
      const hcl = Testing.synthHcl(stack) as string;
      expect(hcl).toMatch(
        /resource "ghinteractions_limit" "api" \{[^}]*limit\s+= "contributors_only"/,
      );
      expect(hcl).toMatch(/renew_within\s+= "3600"/);
      expect(hcl).toMatch(/users\s+= \[\s*"hubot"\s*\]/);
      expect(hcl).toMatch(/max_open_pull_requests\s+= 4/);
    });
  });

  describe(`${binding.name}: the launcher in the synthesized stack`, () => {
    const launcherPath = (outdir: string, stack: string) =>
      join(
        outdir,
        'stacks',
        stack,
        'terraform.d',
        'plugins',
        'registry.terraform.io',
        'gh-interactions',
        'ghinteractions',
        PACKAGE_VERSION,
        terraformPlatform(),
        `terraform-provider-ghinteractions_v${PACKAGE_VERSION}`,
      );

    it('is written into stacks/NAME/terraform.d/plugins, executable, running the built provider', () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'limits');
      new PrBypassList(stack, 'b', { repository: 'acme/api' });
      const outdir = Testing.fullSynth(stack);
      const launcher = launcherPath(outdir, 'limits');
      expect(readFileSync(launcher, 'utf8')).toBe(launcherScript({ entry: providerEntryFile() }));
      expect(statSync(launcher).mode & 0o111).toBe(0o111);
      expect(existsSync(providerEntryFile())).toBe(true);
    });

    it('is written by a declared provider too, and left out with installLauncher: false', () => {
      const app = Testing.app();
      const withLauncher = new TerraformStack(app, 'with');
      new GhInteractionsProvider(withLauncher, 'p', {});
      const without = new TerraformStack(app, 'without');
      new GhInteractionsProvider(without, 'p', { installLauncher: false });
      new PrBypassList(without, 'b', { repository: 'acme/api' });
      expect(existsSync(launcherPath(Testing.fullSynth(withLauncher), 'with'))).toBe(true);
      expect(existsSync(launcherPath(Testing.fullSynth(without), 'without'))).toBe(false);
    });

    it('is not written for a stack without the provider', () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'empty');
      new TerraformVariable(stack, 'x', {});
      const outdir = Testing.fullSynth(stack);
      expect(existsSync(join(outdir, 'stacks', 'empty', 'terraform.d'))).toBe(false);
    });
  });
}
