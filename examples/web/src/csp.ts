// Must be the app's first import. zod (the library's validator) probes whether `new Function` is
// allowed the first time the library builds a schema, at import; under this page's policy (no
// 'unsafe-eval', Trusted Types) the probe is blocked and reported as a violation, although zod
// then works without it. Switching zod's JIT off before the library loads avoids the probe, so the
// page runs with no violation at all. This is the host-side workaround the library's CSP test
// (test/browser/csp.test.ts) describes; drop it once the library builds its schemas jitless itself.
import { config } from 'zod';

config({ jitless: true });

/** Imported by name (not bare), so no bundler drops this module under `sideEffects: false`. */
export const zodJitless = true;
