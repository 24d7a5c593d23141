// ESLint for the project's own code (flat config, run by `npm test`): the recommended core rules and
// typescript-eslint's recommended rules, without type information so the run stays quick. Layout is Prettier's
// job (`npm run format`), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  // Build output, downloaded tools, the checked-out accuracy corpus, and fixtures that are inputs to the analyser
  // (code written to be flagged, not code we run).
  {
    ignores: [
      'dist/**',
      'out/**',
      '.tools/**',
      '.vscode-test/**',
      'test-results/**',
      'accuracy/.corpus/**',
      'test/fixtures/**',
      'test/e2e/fixtures/**',
      'examples/**',
      'bench/corpus/**',
      '**/*.min.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  // TypeScript checks names itself; no-undef only misfires on type-only globals there.
  { files: ['**/*.ts'], rules: { 'no-undef': 'off' } },
  { files: ['src/webview/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['**/*.cjs', 'test/helpers/reporter.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The core and the language server are editor-neutral (STYLE.md): only src/vscode may import the VS Code API.
  {
    files: ['src/core/**', 'src/server/**', 'src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'only src/vscode talks to the VS Code API' }] }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
