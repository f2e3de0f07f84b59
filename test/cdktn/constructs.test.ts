import 'cdktn/lib/testing/adapters/jest';
import * as cdktn from 'cdktn';
import type { Construct } from 'constructs';
import type * as Cdktf from 'cdktf';
import type * as CdktfConstructs from '../../src/cdktf';
import * as constructs from '../../src/cdktn';
import { describeConstructs } from '../cdktf/suite';

cdktn.Testing.setupJest();

/**
 * `github_repository` for cdktn: there is no prebuilt @cdktn/provider-github, and cdktf's
 * bindings do not work in a cdktn app, so the test declares the resource itself (as `cdktn get`
 * would generate it).
 */
class GithubRepository extends cdktn.TerraformResource {
  static readonly tfResourceType = 'github_repository';
  constructor(
    scope: Construct,
    id: string,
    private readonly name: string,
  ) {
    super(scope, id, { terraformResourceType: GithubRepository.tfResourceType });
  }
  get fullName(): string {
    return this.getStringAttribute('full_name');
  }
  protected override synthesizeAttributes(): Record<string, unknown> {
    return { name: this.name };
  }
}

describeConstructs({
  name: 'cdktn',
  // Same API, other classes: the suite is typed against cdktf's.
  framework: cdktn as unknown as typeof Cdktf,
  constructs: constructs as unknown as typeof CdktfConstructs,
  repository: (scope, id, name) => new GithubRepository(scope, id, name),
});

describe('cdktn: the constructs belong to cdktn', () => {
  it('extend cdktn classes, not cdktf ones', () => {
    const stack = new cdktn.TerraformStack(cdktn.Testing.app(), 'stack');
    const list = new constructs.PrBypassList(stack, 'b', { repository: 'acme/api' });
    expect(list).toBeInstanceOf(cdktn.TerraformResource);
    expect(cdktn.TerraformStack.of(list)).toBe(stack);
    const provider = stack.node.tryFindChild(constructs.DEFAULT_PROVIDER_ID);
    expect(provider).toBeInstanceOf(cdktn.TerraformProvider);
  });
});
