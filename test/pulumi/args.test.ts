import type * as pulumi from '@pulumi/pulumi';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import type { ResourceKind } from '../../src/core';
import { RESOURCE_KINDS, kindContract } from '../../src/core';
import type { InteractionLimitArgs, PrBypassListArgs, PrCreationCapArgs } from '../../src/pulumi';
import { GENERATED_ARGS_PATH, renderArgsModule } from '../../src/pulumi/codegen/args';

const root = join(__dirname, '..', '..');

/** JSDoc text of each property declared in a file, by enclosing declaration name. */
function declaredDocs(file: string): Map<string, string[]> {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(root, file), 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
  );
  const docs = new Map<string, string[]>();
  const visit = (node: ts.Node, owner: string) => {
    let next = owner;
    if (
      ts.isClassDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node)
    ) {
      next = node.name?.text ?? owner;
    }
    if (
      (ts.isPropertyDeclaration(node) || ts.isPropertySignature(node)) &&
      ts.isIdentifier(node.name)
    ) {
      const text = ts
        .getJSDocCommentsAndTags(node)
        .map((doc) => doc.getText())
        .join('\n')
        .replace(/\/\*\*|\*\/|^\s*\*/gm, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      const key = `${owner}.${node.name.text}`;
      docs.set(key, [...(docs.get(key) ?? []), text]);
    }
    ts.forEachChild(node, (child) => visit(child, next));
  };
  visit(source, '');
  return docs;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the Pulumi args come from the core schema of each kind', () => {
  test(`${GENERATED_ARGS_PATH} is what \`npm run generate:pulumi\` writes (run it after changing an attribute)`, () => {
    const formatted = execFileSync(
      process.execPath,
      [
        join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
        '--stdin-filepath',
        GENERATED_ARGS_PATH,
      ],
      { cwd: root, input: renderArgsModule(), encoding: 'utf8' },
    );
    expect(readFileSync(join(root, GENERATED_ARGS_PATH), 'utf8')).toBe(formatted);
  });

  test.each(RESOURCE_KINDS)(
    '%s: every input attribute is an arg, with its description and @default',
    (kind) => {
      const docs = declaredDocs(GENERATED_ARGS_PATH);
      const owners = [`${kind}Args`, `${kind}Scope`, `${kind}Settings`];
      for (const attribute of kindContract(kind).attributes) {
        const found = owners.flatMap((owner) => docs.get(`${owner}.${attribute.name}`) ?? []);
        if (attribute.presence === 'computed') {
          expect(found).toEqual([]);
          continue;
        }
        const documented = found.filter((doc) => doc !== '');
        expect(documented.length).toBeGreaterThan(0);
        for (const doc of documented) {
          expect(doc).toContain(normalize(attribute.description));
          if (attribute.default !== undefined) {
            expect(doc).toContain(`@default ${JSON.stringify(attribute.default)}`);
          } else if (attribute.defaultDescription) {
            expect(doc).toContain(`@default ${normalize(attribute.defaultDescription)}`);
          } else {
            expect(doc).not.toContain('@default');
          }
        }
      }
    },
  );

  test.each<[ResourceKind, string]>([
    ['InteractionLimit', 'src/pulumi/interaction-limit.ts'],
    ['PrBypassList', 'src/pulumi/pr-bypass-list.ts'],
    ['PrCreationCap', 'src/pulumi/pr-creation-cap.ts'],
  ])('%s: every computed attribute is an output, documented as in the core', (kind, file) => {
    const docs = declaredDocs(file);
    for (const attribute of kindContract(kind).attributes.filter(
      (a) => a.presence === 'computed',
    )) {
      expect(docs.get(`${kind}.${attribute.name}`)?.[0]).toContain(
        normalize(attribute.description),
      );
    }
  });

  test('no input is called id or urn (Pulumi reserves them on every resource)', () => {
    for (const kind of RESOURCE_KINDS) {
      const names = kindContract(kind).attributes.map((a) => a.name);
      expect(names).not.toContain('id');
      expect(names).not.toContain('urn');
    }
  });
});

// Type-level checks (`npm run lint` compiles them): exactly one scope, Inputs accepted.
export const typeChecks = (input: pulumi.Output<string>) => {
  const fromOutput: InteractionLimitArgs = { repository: input, limit: 'contributors_only' };
  const user: InteractionLimitArgs = { user: true, limit: 'existing_users', renewWithin: 3600 };
  // @ts-expect-error two scopes
  const twoScopes: InteractionLimitArgs = {
    organization: 'acme',
    repository: 'acme/api',
    limit: 'existing_users',
  };
  // @ts-expect-error no scope
  const noScope: PrCreationCapArgs = { maxOpenPullRequests: 3 };
  // @ts-expect-error not a limit GitHub knows
  const badLimit: InteractionLimitArgs = { organization: 'acme', limit: 'everyone' };
  const list: PrBypassListArgs = { repository: 'acme/api', users: [input, 'hubot'] };
  return [fromOutput, user, twoScopes, noScope, badLimit, list];
};
