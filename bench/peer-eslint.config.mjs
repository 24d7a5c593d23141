// The "minimal config" ESLint runs with in the peers case: the recommended core rules, with typescript-eslint's
// parser for TypeScript (no type information). Not a lint config for this project.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default [
  { files: ['**/*.{js,mjs,cjs,jsx}'], ...js.configs.recommended },
  { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tseslint.parser }, rules: js.configs.recommended.rules },
];
