import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { AttributeDescription, ResourceKind } from '../../src/core';
import { kindContract } from '../../src/core';

/**
 * The construct props are written by hand (so they read well in an editor) and checked here
 * against the core's schema of each kind (`kindContract(kind).attributes`): the same names, the
 * same optionality, the core's description, a `@default` on every optional prop that states the
 * core's default, a type that can carry the core's type, and a getter for every computed
 * attribute. The cdktn build is a copy of the same files (test/cdktn/generated.test.ts).
 */
const source = join(__dirname, '..', '..', 'src', 'cdktf');

/** A module of src/cdktf, parsed (with parent pointers, which the JSDoc helpers need). */
function parse(file: string): ts.SourceFile {
  const path = join(source, file);
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
}

interface Member {
  readonly name: string;
  readonly optional: boolean;
  readonly type: string;
  /** The doc comment without its tags, whitespace collapsed. */
  readonly doc: string;
  readonly defaultTag?: string;
}

function docOf(node: ts.Node): { doc: string; defaultTag?: string } {
  const file = node.getSourceFile();
  const jsDoc = ts.getJSDocCommentsAndTags(node).find(ts.isJSDoc);
  const text = (comment: string | ts.NodeArray<ts.JSDocComment> | undefined) =>
    (typeof comment === 'string'
      ? comment
      : (comment?.map((part) => part.getText(file)).join('') ?? '')
    )
      .replace(/\s+/g, ' ')
      .trim();
  const tag = jsDoc?.tags?.find((t) => t.tagName.text === 'default');
  return {
    doc: text(jsDoc?.comment),
    ...(tag ? { defaultTag: text(tag.comment) } : {}),
  };
}

function declarationIn(file: string, name: string): ts.InterfaceDeclaration | ts.ClassDeclaration {
  const sourceFile = parse(file);
  const found = sourceFile.statements.find(
    (s): s is ts.InterfaceDeclaration | ts.ClassDeclaration =>
      (ts.isInterfaceDeclaration(s) || ts.isClassDeclaration(s)) && s.name?.text === name,
  );
  if (!found) throw new Error(`${name} is not declared in ${file}`);
  return found;
}

function propsOf(file: string, name: string): Member[] {
  const declaration = declarationIn(file, name) as ts.InterfaceDeclaration;
  return declaration.members.filter(ts.isPropertySignature).map((member) => ({
    name: member.name.getText(),
    optional: member.questionToken !== undefined,
    type: member.type?.getText() ?? '',
    ...docOf(member),
  }));
}

function gettersOf(file: string, name: string): Member[] {
  const declaration = declarationIn(file, name) as ts.ClassDeclaration;
  return declaration.members.filter(ts.isGetAccessorDeclaration).map((getter) => ({
    name: getter.name.getText(),
    optional: false,
    type: getter.type?.getText() ?? '',
    ...docOf(getter),
  }));
}

/** The prop types that carry each core type (a boolean may also be a token, IResolvable). */
const PROP_TYPES: Readonly<Record<AttributeDescription['type'], string>> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean | IResolvable',
  string_list: 'string[]',
  string_or_number: 'string | number',
};

/** The core's description as a construct states it (`user` is a boolean here, as in Terraform). */
function expectedDescription(attribute: AttributeDescription): string {
  return attribute.description
    .replace(/ A login may be given instead of true[^.]*\./, '')
    .replace(/\s+/g, ' ');
}

const KINDS: readonly [ResourceKind, string, string][] = [
  ['InteractionLimit', 'interaction-limit.ts', 'InteractionLimit'],
  ['PrBypassList', 'pr-bypass-list.ts', 'PrBypassList'],
  ['PrCreationCap', 'pr-creation-cap.ts', 'PrCreationCap'],
];

describe.each(KINDS)('%sProps against the core schema', (kind, file, construct) => {
  const attributes = kindContract(kind).attributes;
  const inputs = attributes.filter((a) => a.presence !== 'computed');
  const props = propsOf(file, `${construct}Props`);
  const prop = (name: string) => props.find((p) => p.name === name)!;

  test('one prop per input attribute, same camelCase names, same order', () => {
    expect(props.map((p) => p.name)).toEqual(inputs.map((a) => a.name));
  });

  test.each(inputs.map((a) => [a.name, a] as const))('%s: optional as in the core', (_n, a) => {
    expect(prop(a.name).optional).toBe(a.presence !== 'required');
  });

  test.each(inputs.map((a) => [a.name, a] as const))(
    '%s: the core description, allowed values and type',
    (_n, a) => {
      const p = prop(a.name);
      expect(p.doc.startsWith(expectedDescription(a))).toBe(true);
      for (const value of a.allowedValues ?? []) expect(p.doc).toContain(`\`${value}\``);
      const expectedType = a.name === 'repository' ? 'RepositoryReference' : PROP_TYPES[a.type];
      expect(p.type).toBe(expectedType);
    },
  );

  test.each(inputs.filter((a) => a.presence === 'optional').map((a) => [a.name, a] as const))(
    '%s: @default states the core default',
    (_n, a) => {
      const tag = prop(a.name).defaultTag;
      if (a.default !== undefined) expect(tag).toBe(JSON.stringify(a.default));
      else if (a.defaultDescription) expect(tag).toBe(`- ${a.defaultDescription}`);
      else expect(tag).toMatch(/^- \S/);
    },
  );

  test('a getter per computed attribute, with the core description', () => {
    const getters = gettersOf(file, construct);
    for (const a of attributes.filter((x) => x.presence === 'computed')) {
      const getter = getters.find((g) => g.name === a.name);
      expect({ name: a.name, found: getter !== undefined }).toEqual({ name: a.name, found: true });
      expect(getter!.doc.startsWith(expectedDescription(a))).toBe(true);
    }
  });
});

describe('the other props document their defaults', () => {
  test.each([
    ['resource.ts', 'GhInteractionsResourceProps'],
    ['provider.ts', 'GhInteractionsProviderProps'],
    ['provider.ts', 'GhInteractionsAppAuth'],
  ])('%s %s: every prop optional, readonly, with @default', (file, name) => {
    const declaration = declarationIn(file, name) as ts.InterfaceDeclaration;
    for (const member of declaration.members.filter(ts.isPropertySignature)) {
      const readonly = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword);
      expect({ name: member.name.getText(), readonly, optional: !!member.questionToken }).toEqual({
        name: member.name.getText(),
        readonly: true,
        optional: true,
      });
      expect(docOf(member).defaultTag).toBeTruthy();
    }
  });

  test.each(KINDS)('%sProps: every prop readonly', (_kind, file, construct) => {
    const declaration = declarationIn(file, `${construct}Props`) as ts.InterfaceDeclaration;
    for (const member of declaration.members.filter(ts.isPropertySignature)) {
      expect(member.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword)).toBe(true);
    }
  });
});
