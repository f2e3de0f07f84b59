/**
 * One organization's interaction settings with CDK for Terraform, kept in force by
 * `cdktf deploy` (cdktf.json at the repository root runs this program; docs/cdktf.md walks
 * through it).
 *
 * - a new repository, created by `@cdktf/provider-github`, with its interaction limit, bypass
 *   list and creation cap: the constructs take the `Repository` itself, so Terraform creates it
 *   before them;
 * - the organization's existing repositories, from a plain TypeScript array, one limit, bypass
 *   list and cap each.
 *
 * Credentials come from the environment where Terraform runs (GITHUB_TOKEN, GITHUB_BASE_URL),
 * for both providers, so none is written into cdktf.out/. Against the local emulator, which
 * cannot create repositories, set GH_INTERACTIONS_EXAMPLE_EMULATOR=1 to leave the new one out.
 */
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { GithubProvider } from '@cdktf/provider-github/lib/provider';
import { Repository } from '@cdktf/provider-github/lib/repository';
import { InteractionLimit, PrBypassList, PrCreationCap } from 'gh-interactions/cdktf';

const organization = 'acme';

/** The existing repositories and what each one gets. */
const repositories = [
  {
    name: 'website',
    limit: 'contributors_only',
    bypass: ['hubot', 'jdoe'],
    maxOpenPullRequests: 3,
  },
  { name: 'api', limit: 'existing_users', bypass: ['hubot'], maxOpenPullRequests: 5 },
  { name: 'docs', limit: 'existing_users', bypass: [], maxOpenPullRequests: 10 },
];

class InteractionsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    for (const repository of repositories) {
      const fullName = `${organization}/${repository.name}`;
      const limit = new InteractionLimit(this, `${repository.name}-limit`, {
        repository: fullName,
        limit: repository.limit,
        expiry: 'one_month', // renewed by `cdktf deploy` within a week of expiring
      });
      new PrBypassList(this, `${repository.name}-bypass`, {
        repository: fullName,
        users: repository.bypass,
      });
      new PrCreationCap(this, `${repository.name}-cap`, {
        repository: fullName,
        maxOpenPullRequests: repository.maxOpenPullRequests,
      });
      new TerraformOutput(this, `${repository.name}-limit-expires-at`, {
        value: limit.expiresAt,
      });
    }

    if (process.env.GH_INTERACTIONS_EXAMPLE_EMULATOR !== '1') {
      // integrations/github reads GITHUB_TOKEN too; `owner` makes the repository acme's.
      new GithubProvider(this, 'github', { owner: organization });
      const service = new Repository(this, 'service', {
        name: 'service',
        description: 'A new public service, protected from its first day',
        visibility: 'public',
        hasIssues: true,
      });
      new InteractionLimit(this, 'service-limit', {
        repository: service,
        limit: 'collaborators_only',
        expiry: 'one_week',
      });
      new PrBypassList(this, 'service-bypass', { repository: service, users: ['hubot'] });
      new PrCreationCap(this, 'service-cap', { repository: service, maxOpenPullRequests: 2 });
    }
  }
}

const app = new App();
new InteractionsStack(app, 'interactions');
app.synth();
