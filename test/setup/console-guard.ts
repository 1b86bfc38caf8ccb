// Stray console output is a defect: the app logs through its one logger, and the CLI prints from a
// process of its own. vitest's `onConsoleLog` can only hide output, never fail a run, so every
// console call made while a test file runs is recorded here and fails the test (or the file, when
// it comes from a hook) that made it, quoting what was printed.
import { format } from 'node:util';
import { afterAll, afterEach } from 'vitest';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;
const stray: string[] = [];

/* eslint-disable no-console -- the guard itself wraps the console */
for (const method of METHODS) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    stray.push(`console.${method}: ${format(...args).slice(0, 500)}`);
    original(...args);
  };
}

/* eslint-enable no-console */

function failOnStrayOutput(): void {
  if (!stray.length) return;
  const printed = stray.splice(0);
  throw new Error(`Stray console output (use the logger):\n${printed.join('\n')}`);
}

afterEach(failOnStrayOutput);
// Output from beforeAll hooks, or after a file's last test, has no test to fail: fail the file.
afterAll(failOnStrayOutput);
