// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'client/dist/', 'data/', 'test/artifacts/', 'tools/', '.venv-fuzz/', '.venv-frictionless/', '.hypothesis/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  // The web app reaches the server only through its contract (server/contract/README.md).
  {
    files: ['client/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['mongoose', 'express'],
          patterns: [
            { group: ['node:*'], message: 'The web app runs in a browser.' },
            { regex: '(^|/)(server|seed|test|bench)/(?!contract/)', message: 'The web app imports the server only from server/contract/.' },
          ],
        },
      ],
    },
  },
  // The web app's API types are the contract's schemas' types, named or derived, never written out:
  // a hand-written copy drifts from what the server sends (issue 17: "[object Object]" addresses).
  // Only a query string the client builds (an interface extending `Query`) is its own.
  {
    files: ['client/src/api/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSInterfaceDeclaration:not(:has(TSInterfaceHeritage > Identifier.expression[name='Query']))",
          message: 'Infer API types from a schema in server/contract/; do not write one here.',
        },
        { selector: 'TSTypeLiteral', message: 'Infer API types from a schema in server/contract/; do not write one here.' },
      ],
    },
  },
  // The contract needs no server runtime: only zod and its own files (a relative path that climbs
  // out of server/contract/ has one more '../' than the file lies deep in it).
  ...[0, 1, 2, 3].map((depth) => ({
    files: [`server/contract/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!zod$|\\.)|^(\\.\\./){${depth + 1}}`,
              message: 'The contract imports only zod and its own files.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['seed/**', 'bench/**', 'test/**', 'server/cli/**'],
    rules: { 'no-console': 'off' },
  },
);
