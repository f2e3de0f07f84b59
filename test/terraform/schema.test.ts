import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttributeDescription, ResourceKind } from '../../src/core';
import { kindContract, snakeCase } from '../../src/core';
import {
  DATA_SOURCE_TYPES,
  PROVIDER_CONFIG_SCHEMA,
  RESOURCE_TYPES,
  dataSourceType,
  describeAttribute,
  resourceType,
  terraformAttribute,
  terraformNames,
} from '../../src/terraform';
import type { ResourceTypeName, TerraformType } from '../../src/terraform';
import type { SchemaAttribute } from '../../src/terraform/protocol';
import { cty, decodeCtyType, describeCtyType } from '../../src/terraform/protocol';

/** An attribute's flags and type as Terraform reads them, for compact expectations. */
function shape(attribute: SchemaAttribute) {
  const flags = (['required', 'optional', 'computed', 'sensitive'] as const).filter(
    (flag) => attribute[flag],
  );
  return `${describeCtyType(decodeCtyType(attribute.type!))} ${flags.join('+')}`;
}

function attributesOf(type: TerraformType): Record<string, string> {
  return Object.fromEntries(type.schema.block.attributes!.map((a) => [a.name, shape(a)]));
}

describe('resource schemas are generated from the core’s attributes', () => {
  it.each(Object.entries(RESOURCE_TYPES) as [ResourceTypeName, ResourceKind][])(
    '%s has every attribute of %s, snake_cased, and a computed id',
    (typeName, kind) => {
      const type = resourceType(typeName);
      const names = type.schema.block.attributes!.map((a) => a.name);
      expect(names).toEqual([...kindContract(kind).attributes.map((a) => snakeCase(a.name)), 'id']);
      // Every description is the core's, with Terraform's names.
      for (const attribute of kindContract(kind).attributes) {
        const generated = type.schema.block.attributes!.find(
          (a) => a.name === snakeCase(attribute.name),
        )!;
        expect(generated.description).toContain(
          terraformNames(attribute.description.split('.')[0]!),
        );
        expect(generated.description_kind).toBe('MARKDOWN');
      }
    },
  );

  it('ghinteractions_limit: scope optional, limit required, defaults optional+computed, renew_within a string, user a bool', () => {
    expect(attributesOf(resourceType('ghinteractions_limit'))).toEqual({
      organization: 'string optional',
      repository: 'string optional',
      user: 'bool optional',
      limit: 'string required',
      expiry: 'string optional+computed',
      renew: 'bool optional+computed',
      renew_within: 'string optional+computed',
      until: 'string optional',
      origin: 'string computed',
      expires_at: 'string computed',
      id: 'string computed',
    });
  });

  it('ghinteractions_pr_bypass_list: users a list of strings that defaults to []', () => {
    expect(attributesOf(resourceType('ghinteractions_pr_bypass_list'))).toEqual({
      repository: 'string required',
      users: 'list(string) optional+computed',
      canonical_users: 'list(string) computed',
      id: 'string computed',
    });
  });

  it('ghinteractions_pr_creation_cap: include_drafts and enabled default, the maximum optional', () => {
    expect(attributesOf(resourceType('ghinteractions_pr_creation_cap'))).toEqual({
      organization: 'string optional',
      repository: 'string optional',
      enabled: 'bool optional+computed',
      max_open_pull_requests: 'number optional',
      include_drafts: 'bool optional+computed',
      available: 'bool computed',
      id: 'string computed',
    });
  });

  it('descriptions carry allowed values, defaults, the scope rule and what replaces the resource', () => {
    const limit = resourceType('ghinteractions_limit').schema.block.attributes!;
    const describe = (name: string) => limit.find((a) => a.name === name)!.description!;
    expect(describe('limit')).toContain(
      'One of `existing_users`, `contributors_only`, `collaborators_only`.',
    );
    expect(describe('expiry')).toContain('Default: `six_months`.');
    expect(describe('renew_within')).toContain('Default: depends on the expiry: 6h for one_day');
    expect(describe('renew_within')).toContain('written as a string, e.g. `"86400"`');
    expect(describe('renew')).toContain('expires within renew_within');
    expect(describe('renew')).not.toMatch(/renewWithin/);
    expect(describe('repository')).toContain(
      'Exactly one of `organization`, `repository`, `user` is set.',
    );
    expect(describe('repository')).toContain('Changing it replaces the resource.');
    expect(describe('limit')).not.toContain('replaces');
    // Terraform's `user` is a bool: the core's login form is not offered there.
    expect(describe('user')).not.toMatch(/login may be given/);
    expect(describe('id')).toContain('`org/ORG`, `repo/OWNER/NAME`, `user/LOGIN`');
    const cap = resourceType('ghinteractions_pr_creation_cap').schema.block.attributes!;
    expect(cap.find((a) => a.name === 'max_open_pull_requests')!.description).toContain(
      'From 1 to 1000.',
    );
  });

  it('a sensitive core attribute is sensitive in Terraform', () => {
    const secret: AttributeDescription = {
      name: 'webhookSecret',
      type: 'string',
      presence: 'optional',
      sensitive: true,
      description: 'A secret.',
      requiresReplace: false,
    };
    expect(shape(terraformAttribute(secret).schema)).toBe('string optional+sensitive');
    expect(terraformAttribute(secret).name).toBe('webhook_secret');
  });

  it('the value type is the object of every attribute', () => {
    expect(resourceType('ghinteractions_pr_bypass_list').valueType).toEqual(
      cty.object({
        repository: cty.string,
        users: cty.list(cty.string),
        canonical_users: cty.list(cty.string),
        id: cty.string,
      }),
    );
  });
});

describe('the data source ghinteractions_limit', () => {
  it('takes the scope and reports what is in force', () => {
    const type = dataSourceType('ghinteractions_limit');
    expect(Object.keys(DATA_SOURCE_TYPES)).toEqual(['ghinteractions_limit']);
    expect(attributesOf(type)).toEqual({
      organization: 'string optional',
      repository: 'string optional',
      user: 'bool optional',
      limit: 'string computed',
      origin: 'string computed',
      expires_at: 'string computed',
      id: 'string computed',
    });
    expect(type.schema.block.attributes!.find((a) => a.name === 'limit')!.description).toMatch(
      /^In force at the scope \(null when there is none\)\. Who may comment/,
    );
  });
});

describe('the provider configuration', () => {
  it('has a sensitive token, base_url and an app_auth block with a sensitive key', () => {
    const block = PROVIDER_CONFIG_SCHEMA.block;
    expect(block.attributes!.map((a) => [a.name, shape(a)])).toEqual([
      ['token', 'string optional+sensitive'],
      ['base_url', 'string optional'],
    ]);
    expect(block.block_types).toHaveLength(1);
    const appAuth = block.block_types![0]!;
    expect(appAuth).toMatchObject({ type_name: 'app_auth', nesting: 'SINGLE' });
    expect(appAuth.block.attributes!.map((a) => [a.name, shape(a)])).toEqual([
      ['id', 'string optional'],
      ['installation_id', 'string optional'],
      ['pem_file', 'string optional+sensitive'],
    ]);
    for (const name of ['GITHUB_TOKEN', 'GITHUB_BASE_URL']) {
      expect(JSON.stringify(block.attributes)).toContain(name);
    }
  });
});

describe('terraformNames', () => {
  it('rewrites the core’s camelCase attribute names, and nothing else', () => {
    expect(
      terraformNames('[renewWithin] "2d" is too long; maxOpenPullRequests and expiresAt'),
    ).toBe('[renew_within] "2d" is too long; max_open_pull_requests and expires_at');
    expect(terraformNames('renewal window of acme/api')).toBe('renewal window of acme/api');
  });

  it('describeAttribute says the default in words when it depends on other attributes', () => {
    const renewWithin = kindContract('InteractionLimit').attributes.find(
      (a) => a.name === 'renewWithin',
    )!;
    expect(describeAttribute(renewWithin)).toMatch(
      /Default: depends on the expiry: .*30d for six_months\./,
    );
  });
});

describe('docs/terraform.md', () => {
  it('names every attribute of every resource and of the data source', () => {
    const docs = readFileSync(join(__dirname, '..', '..', 'docs', 'terraform.md'), 'utf8');
    const types = [
      ...(Object.keys(RESOURCE_TYPES) as ResourceTypeName[]).map(resourceType),
      dataSourceType('ghinteractions_limit'),
    ];
    for (const type of types) {
      expect(docs).toContain(`\`${type.typeName}\``);
      for (const attribute of type.attributes) expect(docs).toContain(`\`${attribute.name}\``);
    }
  });
});
