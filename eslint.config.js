// ESLint flat config: @eslint/js and typescript-eslint recommended rules (no type information).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node.js globals for the plain JavaScript files (scripts, configs); TypeScript checks its own. */
const nodeGlobals = Object.fromEntries(
  [
    'AbortController', 'Buffer', 'URL', 'URLSearchParams', 'TextDecoder', 'TextEncoder', 'console',
    'clearImmediate', 'clearInterval', 'clearTimeout', 'fetch', 'globalThis', 'performance',
    'process', 'queueMicrotask', 'setImmediate', 'setInterval', 'setTimeout', 'structuredClone',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'bench-out/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: nodeGlobals,
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Stripping ANSI colour codes and escaping control characters (YAML, JSON, annotations)
      // need control characters in regular expressions.
      'no-control-regex': 'off',
    },
  },
  {
    // The Terraform converters make an object per node of every file: see Range in src/readers/terraform/hcl.ts.
    files: ['src/readers/terraform/native.ts', 'src/readers/terraform/json.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ObjectExpression > SpreadElement',
          message: 'Write the fields out: an object built from a spread gets a hidden class of its own (see Range in hcl.ts).',
        },
      ],
    },
  },
);
