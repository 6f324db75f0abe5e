// The documented vignettes of the sociaal-domein framework (000 Bijlage 2), with the helpers the
// web-app tests use to answer their questions one at a time.
import { getFramework } from '../../src/index.js';

export const VIGNETTE_FRAMEWORK = 'sociaal-domein';

/** The framework's vignettes: id, text, the case as the library reads it, and the expected norm. */
export function vignettes() {
  return getFramework(VIGNETTE_FRAMEWORK).examples ?? [];
}

/** The value at a dotted fact path of a case, or `undefined`. */
export function valueAt(kase: unknown, path: string): unknown {
  let o: unknown = kase;
  for (const key of path.split('.')) {
    if (typeof o !== 'object' || o === null) return undefined;
    o = (o as Record<string, unknown>)[key];
  }
  return o;
}

/** Every answered fact path of a case (a list is one answer). */
export function leafPaths(kase: unknown, prefix = ''): string[] {
  if (typeof kase !== 'object' || kase === null || Array.isArray(kase)) return [];
  return Object.entries(kase).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? leafPaths(v, path) : [path];
  });
}
