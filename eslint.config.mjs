// Lint rules. The layering rule is the one that matters most: src-main/core and src-main/ipc
// are plain Node and must never import Electron (DESIGN.md, Layers).
import tseslint from 'typescript-eslint';

const electronBan = {
  paths: [{ name: 'electron', message: 'core and ipc are plain Node: Electron belongs in src-main/app only.' }],
  patterns: [{ group: ['electron/*'], message: 'core and ipc are plain Node: Electron belongs in src-main/app only.' }],
};

const SIDES = ['online', 'airgap', 'restore', 'rehearsal'];
const ABOVE_CORE = ['**/ipc/**', '**/app/**', '**/cli/**', '**/preload/**'];

/** One lint block banning Electron and the given folders (import patterns) for `files`. */
function folderBans(files, groups) {
  const message = `${files.replace('/**/*.ts', '')} may not import this folder (docs/ARCHITECTURE.md, Rules).`;
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': [
          'error',
          { paths: electronBan.paths, patterns: [...electronBan.patterns, { group: groups, message }] },
        ],
      },
    },
  ];
}

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
  // Folder rules (docs/ARCHITECTURE.md, Rules; tests/layout.test.ts checks the same and more).
  // A later block replaces an earlier one's option for the same files, so each repeats the ban.
  ...folderBans('src-main/core/**/*.ts', ['**/ipc/**', '**/app/**', '**/cli/**', '**/preload/**']),
  ...folderBans('src-main/core/ceremony/shared/**/*.ts', [...SIDES.map((s) => `**/${s}/**`), ...ABOVE_CORE]),
  ...folderBans('src-main/core/ceremony/online/**/*.ts', [
    '**/airgap/**',
    '**/restore/**',
    '**/rehearsal/**',
    ...ABOVE_CORE,
  ]),
  ...folderBans('src-main/core/ceremony/airgap/**/*.ts', [
    '**/online/**',
    '**/restore/**',
    '**/rehearsal/**',
    '**/kms/**',
    '**/kms-simulator/**',
    ...ABOVE_CORE,
  ]),
  ...folderBans('src-main/core/ceremony/restore/**/*.ts', [
    '**/online/**',
    '**/rehearsal/**',
    '**/kms/**',
    '**/kms-simulator/**',
    ...ABOVE_CORE,
  ]),
  ...folderBans('src-main/core/kms/**/*.ts', ['**/kms-simulator/**', '**/ceremony/**', ...ABOVE_CORE]),
  {
    files: ['src-main/ipc/handlers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronBan.paths,
            { name: '.', message: 'Handlers are registered from handlers/index.ts; import ./channel-handler instead.' },
            {
              name: './index',
              message: 'Handlers are registered from handlers/index.ts; import ./channel-handler instead.',
            },
          ],
          patterns: electronBan.patterns,
        },
      ],
    },
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
