// `meldcode serve` as a user runs it: the CLI built by tsup (as the package builds its bin), started
// as a child process on 127.0.0.1, called over real HTTP, stopped with a signal.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'tsup';

/** Builds src/cli/cli.ts into `node_modules/.cache/<name>/cli.js` (inside the repository, so zod and jose resolve) and returns its path. */
export async function buildCli(name: string): Promise<string> {
  const outDir = join(process.cwd(), 'node_modules', '.cache', name);
  await build({ entry: { cli: 'src/cli/cli.ts' }, format: ['esm'], outDir, target: 'es2022', platform: 'node', dts: false, clean: true, silent: true, config: false });
  return join(outDir, 'cli.js');
}

export interface Served {
  child: ChildProcess;
  /** e.g. `http://127.0.0.1:43121` */
  base: string;
  /** The discovery URL as printed. */
  discovery: string;
  stdout: () => string;
  stderr: () => string;
  /** Sends the signal and resolves with the exit code and signal once the process has ended. */
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** What a finished run printed, for the commands that exit without serving. */
export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `node cli.js serve …args` and resolves once it prints its discovery URL; rejects with what
 * it printed when it exits first or after 30 s.
 */
export function startServe(cli: string, args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [cli, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`meldcode serve printed no URL in 30 s\nstdout: ${out}\nstderr: ${err}`));
    }, 30_000);
    const onData = () => {
      const match = /(http:\/\/\S+):(\d+)\/cds-services/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve({
        child,
        base: `${match[1]}:${match[2]}`,
        discovery: match[0],
        stdout: () => out,
        stderr: () => err,
        stop: (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`meldcode serve exited (${code}) before printing a URL\nstdout: ${out}\nstderr: ${err}`), { finished: { code, stdout: out, stderr: err } }));
    });
  });
}

/** Runs `node cli.js serve …args` expecting it to exit by itself (usage errors, --help). */
export async function runServe(cli: string, args: string[]): Promise<Finished> {
  try {
    const served = await startServe(cli, args);
    await served.stop('SIGKILL');
    throw new Error(`meldcode serve ${args.join(' ')} started serving at ${served.discovery}`);
  } catch (error) {
    const finished = (error as { finished?: Finished }).finished;
    if (!finished) throw error;
    return finished;
  }
}
