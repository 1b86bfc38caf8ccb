#!/usr/bin/env node
// The `motebot` command. The sources are TypeScript run through tsx, so the bin
// works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
// `motebot ask … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
