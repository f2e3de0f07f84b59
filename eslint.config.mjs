import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Import specifiers naming one of these source folders, at any depth. */
function folders(...names) {
  return names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);
}

/** A `no-restricted-imports` rule for `files`: none of `group` may be imported. */
function boundary(files, group, message) {
  return {
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] },
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'bin/',
      'action/lib/',
      '**/.terraform/',
      '**/cdktf.out/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Import boundaries (docs/architecture.md): the engine knows no front door, and a front door
  // knows only the engine and its own framework.
  boundary(
    ['src/core/**/*.ts', 'src/github/**/*.ts'],
    [
      ...folders('policy', 'cli', 'emulator', 'pulumi', 'terraform', 'cdktf', 'cdktn', 'action'),
      '@pulumi/*',
      'cdktf',
      'cdktn',
      'constructs',
      '@cdktf/*',
      'fastify',
      'commander',
    ],
    'core and github are the engine: they never import the policy, the CLI, the emulator or a front door (docs/architecture.md).',
  ),
  boundary(
    ['src/pulumi/**/*.ts', 'src/terraform/**/*.ts', 'src/cdktf/**/*.ts', 'src/cdktn/**/*.ts'],
    folders('policy', 'cli', 'emulator'),
    'A front door imports only core, github and its own framework (docs/architecture.md).',
  ),
  boundary(
    ['src/action/**/*.ts'],
    [
      ...folders('emulator', 'pulumi', 'terraform', 'cdktf', 'cdktn'),
      '**/cli/main',
      'fastify',
      '@pulumi/*',
      'cdktf',
      '@grpc/*',
    ],
    'The Action is bundled into one file (action/lib): it imports the CLI commands it runs, never the CLI program, the emulator or a front door (docs/github-action.md).',
  ),
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
