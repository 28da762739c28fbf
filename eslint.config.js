// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/generated/**', '**/node_modules/**', '**/coverage/**', 'k6/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through the service-kit config module.' },
      ],
    },
  },
  {
    files: [
      '**/config/**/*.ts',
      '**/test/**/*.ts',
      '**/testing/**/*.ts',
      '**/*.test.ts',
      '**/prisma.config.ts',
      '**/launcher/**/*.ts',
      '**/cli/**/*.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
