import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'test-artifacts/**', 'manifest/build/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.js'], languageOptions: { globals: globals.node } },
  // The meeting panel's scripts run in the browser, next to the teams-js and adaptivecards bundles.
  { files: ['panel/**/*.js'], languageOptions: { globals: globals.browser } },
  { files: ['bin/**', 'scripts/**', 'bench/**', 'src/cli.ts'], rules: { 'no-console': 'off' } },
);
