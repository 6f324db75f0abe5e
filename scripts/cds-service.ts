// npm run cds-service -- --port 8080: `meldcode serve --insecure-no-auth` from the sources, for a
// local trial in this repository (loopback only; see `meldcode serve --help` for the token check).
import { serveCommand } from '../src/cli/serve.js';

const args = process.argv.slice(2);
const auth = args.some((a) => a === '--issuer' || a.startsWith('--issuer=')) ? [] : ['--insecure-no-auth'];
serveCommand([...auth, ...args], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`cds-service: ${error instanceof Error ? error.name : typeof error}`);
    process.exitCode = 70;
  },
);
