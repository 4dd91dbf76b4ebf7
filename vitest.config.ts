// Unit, integration and contract tests run in plain Node against real SQLite files in temp folders.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': path.resolve(import.meta.dirname, 'electron/shared') } },
  test: {
    include: ['tests/{unit,integration,contract}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
});
