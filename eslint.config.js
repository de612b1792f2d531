// Lint enforces what it can of STYLE.md: no floating promises, type-only imports, no `any`,
// no non-null `!`, no silencing casts, and the import boundaries between server, web and contract.
import tseslint from 'typescript-eslint';

const boundary = (patterns) => ['error', { patterns }];
const serverNeverWeb = { group: ['@web/*', '**/web/src/**'], message: 'server never imports web' };
// The accounts list engine has one door: its index.ts (see docs/lists.md).
const accountListDoor = { group: ['**/account-list/*'], message: 'import the accounts list engine from its door, @server/modules/accounts/account-list' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', 'coverage/**', '.tmp/**', 'scripts/**', 'eslint.config.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': boundary([serverNeverWeb, accountListDoor]) },
  },
  {
    // The engine's own files (and their tests) reach inside it.
    files: ['server/modules/accounts/account-list/**/*.ts'],
    rules: { 'no-restricted-imports': boundary([serverNeverWeb]) },
  },
  {
    files: ['bench/**/*.ts'],
    rules: { 'no-restricted-imports': boundary([accountListDoor]) },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': boundary([
        { group: ['@server/*', '**/server/**'], message: 'web never imports server: share through contract/' },
        // Its barrel re-exports the container, so a static import anywhere puts it back in the start-up bundle.
        { regex: '^@mantine/notifications$', allowTypeImports: true, message: 'use @web/components/notifications (loaded with the first notification)' },
      ]),
    },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': boundary([{ group: ['@server/*', '@web/*', '**/server/**', '**/web/**'], message: 'contract imports neither server nor web' }]),
    },
  },
  {
    // Migrations take Kysely<any> and never import app code (STYLE.md habit 2 and Kysely's own example).
    files: ['server/db/migrations/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': boundary([{ group: ['@server/*', '@contract/*', '../*'], message: 'migrations stand alone' }]),
    },
  },
);
