// Lint: TypeScript recommended rules, plus the layer boundaries of architecture.md as import bans.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'crypto', 'child_process', 'util', 'url', 'stream', 'events'];
const ban = (names, message) => {
  const globs = names.filter((n) => n.includes('*'));
  return { paths: names.filter((n) => !n.includes('*')).map((name) => ({ name, message })), ...(globs.length ? { patterns: [{ group: globs, message }] } : {}) };
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: { URL: 'readonly', process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', ban(['electron', 'better-sqlite3', 'react', ...nodeBuiltins], 'electron/shared runs everywhere: no Electron, no Node, no React.')],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', ban(['electron', 'react', 'react-dom', 'antd'], 'electron/core is headless: it never imports Electron or UI code.')],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', ...nodeBuiltins.filter((n) => !n.includes('*'))].map((name) => ({ name, message: 'The renderer reaches the core only through the typed client.' })),
          patterns: [{ group: ['node:*', '**/electron/core/**', '**/electron/main/**', '**/electron/host/**'], message: 'The renderer reaches the core only through the typed client.' }],
        },
      ],
    },
  },
);
