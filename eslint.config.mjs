import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const appsScriptGlobals = [
  'SpreadsheetApp',
  'GmailApp',
  'MailApp',
  'PropertiesService',
  'LockService',
  'ScriptApp',
  'Session',
  'Utilities',
  'HtmlService',
  'Logger',
  'CacheService',
  'UrlFetchApp',
  'DriveApp',
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'outbox/', 'demo-output/', 'coverage/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Jest loads these as CommonJS (global setup, sequencer): require() is how they import.
    files: ['test/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests poke at JSON that crossed google.script.run; `any` keeps those assertions readable.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The domain and the use cases never touch an Apps Script global or object: only src/gas and
    // src/main.ts do. Use cases reach the spreadsheet, mail, store and lock through src/app/ports.ts.
    files: ['src/domain/**/*.ts', 'src/app/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...appsScriptGlobals.map((name) => ({
          name,
          message: `${name} belongs in src/gas/ (adapters); the domain and use cases stay pure.`,
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSQualifiedName[left.name='GoogleAppsScript']",
          message: 'Apps Script types belong in src/gas/ (adapters): use the ports of src/app/ports.ts.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/gas/sheet', '**/gas/mail', '**/gas/lock', '**/gas/store', '**/gas/triggers'],
              message: 'Use cases reach Apps Script through src/app/ports.ts (implemented in src/gas/ports.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Small pieces: a function over 60 lines (blank lines and comments aside) is doing more than one job.
    // A warning for now, while the longest ones are split; it becomes an error once none is left.
    files: ['src/**/*.ts', 'sidebar/**/*.ts', 'scripts/**/*.{ts,mjs}', 'local/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
);
