import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The e2e tests start the bot, the Agents Playground and Chromium: give them room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores in CI: run test files in parallel, but not more than the machine has.
    maxWorkers: 2,
    // Stray console output fails the test that made it (see the setup file for why not onConsoleLog).
    setupFiles: ['test/setup/console-guard.ts'],
    // Each project names its own files: a project's include is added to an inherited one, not put
    // in its place.
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'bot/**/*.test.ts', 'cards/**/*.test.ts'],
        },
      },
      // The bot over HTTP once more, on PostgreSQL (the server on 127.0.0.1:5432, as in CI). The
      // store contract suites run on both stores within the default project already.
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/bot.http.test.ts', 'test/action-points.http.test.ts'],
          env: { MOTEBOT_TEST_STORE: 'postgres' },
        },
      },
    ],
  },
});
