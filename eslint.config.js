import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
    },
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['src/content/**', 'src/search/**', 'src/answer/**', 'src/eval/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path'],
              message: 'The core is pure: file and process I/O belong to the shells.',
            },
            {
              group: ['discord.js'],
              message: 'The core never imports discord.js; use type-only discord-api-types.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'The core is pure: pass values in.' }],
    },
  },
);
