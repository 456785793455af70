import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

const FLOOR_MESSAGE =
  'contract/, validation/, i18n/ and src/core.ts import only from their own floor or one below it, never Lit or an element (ARCHITECTURE.md).';
const LIT_PACKAGES = ['lit', '@lit/task', '@lit/reactive-element', 'lit-html', 'lit-element'].map((name) => ({
  name,
  message: FLOOR_MESSAGE,
}));
const DOM_GLOBALS = [
  'window',
  'document',
  'self',
  'navigator',
  'customElements',
  'HTMLElement',
  'Element',
  'Node',
  'Worker',
  'localStorage',
  'sessionStorage',
];

/**
 * A floor's files may import siblings, the floors below listed by folder name (`upward` is the regex of the
 * `../` that leaves the floor), and packages other than Lit; no DOM global.
 */
function floorRules(files, upward, allowedBelow) {
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: LIT_PACKAGES,
            patterns: [
              { group: ['lit/*', '@lit/*'], message: FLOOR_MESSAGE },
              {
                regex: allowedBelow.length ? `^${upward}(?!(${allowedBelow.join('|')})/)` : `^${upward}`,
                message: FLOOR_MESSAGE,
              },
            ],
          },
        ],
        'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: FLOOR_MESSAGE }))],
      },
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'server/dist/',
      '.data/',
      'storybook-static/',
      'node_modules/',
      'public/mockServiceWorker.js',
      'coverage/',
      // Each fixture is an application of its own, checked by its framework's tools (npm run test:integration).
      'test/integration/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', '.storybook/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A forgotten await in a save flow is how a request goes unobserved: make it an error.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', '*.config.{js,mjs,ts}', 'test/fixtures/*.js'],
    languageOptions: {
      globals: {
        Request: 'readonly',
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        window: 'readonly',
        document: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        customElements: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
      },
    },
  },
  {
    // The reference server: Node only; a forgotten await there is a request answered before its write.
    files: ['server/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['server/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The page's own script, served to browsers by the server.
    files: ['server/public/*.js'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        URL: 'readonly',
        TypeError: 'readonly',
      },
    },
  },
  // The floors (ARCHITECTURE.md): contract/ at the bottom, then validation/ and i18n/, then everything that
  // touches the DOM. A floor imports only from itself and from floors below it, and none of them imports Lit
  // or uses the DOM, so that `sel-widgets/core` runs on a server. tsconfig.core.json checks the DOM types too.
  ...floorRules('src/contract/*.ts', '\\.\\./', []),
  ...floorRules('src/validation/*.ts', '\\.\\./', ['contract']),
  ...floorRules('src/i18n/*.ts', '\\.\\./', ['contract']),
  ...floorRules('src/i18n/sections/*.ts', '\\.\\./\\.\\./', ['contract']),
  {
    files: ['src/core.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: LIT_PACKAGES,
          patterns: [
            { group: ['lit/*', '@lit/*'], message: FLOOR_MESSAGE },
            { regex: '^\\./(?!(contract|validation|i18n)/)', message: FLOOR_MESSAGE },
          ],
        },
      ],
    },
  },
);
