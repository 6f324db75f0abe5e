#!/usr/bin/env node
// The `meldcode` executable (package.json `bin`); the command itself is in run.ts.
import { EXIT, internalErrorLine, runCli } from './run.js';

/**
 * A reader that closes the pipe early (`meldcode … | head`) makes the next write fail with EPIPE.
 * That is the reader's choice, not an error: write nothing more, stop reading stdin (so an
 * interview ends), print no message, and keep the command's own exit code.
 */
let outputClosed = false;
const argv = process.argv.slice(2);
const langAt = argv.indexOf('--lang');
const lang = argv.includes('--lang=en') || (langAt >= 0 && argv[langAt + 1] === 'en') ? 'en' : 'nl';

function writeFailed(stream: NodeJS.WriteStream, error: NodeJS.ErrnoException) {
  if (outputClosed) return;
  outputClosed = true;
  process.stdin.destroy();
  // Any other write error (a full disk, say) gets one line on the other stream, if it still works.
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
  process.exitCode = EXIT.internal;
  const other = stream === process.stdout ? process.stderr : process.stdout;
  other.write(lang === 'nl' ? `meldcode: kan niet schrijven (${error.code ?? error.message})\n` : `meldcode: cannot write (${error.code ?? error.message})\n`, () => {});
}
process.stdout.on('error', (error) => writeFailed(process.stdout, error));
process.stderr.on('error', (error) => writeFailed(process.stderr, error));

const writer = (stream: NodeJS.WriteStream) => ({
  write(text: string) {
    if (!outputClosed) stream.write(text);
  },
});

const io = { stdin: process.stdin, stdout: writer(process.stdout), stderr: writer(process.stderr) };
// `meldcode serve` (the CDS Hooks service, serve.ts) has its own options; loaded only for it.
(argv[0] === 'serve' ? import('./serve.js').then((m) => m.serveCommand(argv.slice(1), io)) : runCli(argv, io)).then(
  (code) => {
    process.exitCode ??= code;
  },
  (error: unknown) => {
    // Only a bug gets here: bad input and usage errors have their own exit codes.
    writer(process.stderr).write(internalErrorLine(error, lang));
    process.exitCode = EXIT.internal;
  },
);
