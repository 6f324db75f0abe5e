#!/usr/bin/env node
// The `meldcode` executable (package.json `bin`); the command itself is in run.ts.
import { runCli } from './run.js';

runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only a bug gets here: bad input and usage errors have their own exit codes.
    console.error(error);
    process.exitCode = 70;
  },
);
