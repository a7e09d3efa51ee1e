// Lint rules. The layering rule is the one that matters most: src-main/core and src-main/ipc
// are plain Node and must never import Electron (DESIGN.md, Layers).
import tseslint from 'typescript-eslint';

const electronBan = {
  paths: [{ name: 'electron', message: 'core and ipc are plain Node: Electron belongs in src-main/app only.' }],
  patterns: [{ group: ['electron/*'], message: 'core and ipc are plain Node: Electron belongs in src-main/app only.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'release/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The `keyferry` bin is a CommonJS launcher (it must run before any TypeScript loader exists).
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/ipc/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', electronBan] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.keyferry.' }],
          patterns: [
            { group: ['node:*', '**/core/**', '**/app/**'], message: 'The renderer never imports main-process code.' },
          ],
        },
      ],
    },
  },
);
