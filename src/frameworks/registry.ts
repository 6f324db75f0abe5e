import { MeldcodeInputError } from '../errors/errors.js';
import artsenJson from './artsen/artsen.framework.json';
import basismodelJson from './basismodel/basismodel.framework.json';
import onderwijsJson from './onderwijs/onderwijs.framework.json';
import sociaalDomeinJson from './sociaal-domein/sociaal-domein.framework.json';
import { deepFreeze } from '../rules/freeze.js';
import type { Framework } from './framework.js';

/**
 * The frameworks shipped with the library, by id; each is validated on first use. This table
 * is what the main entry carries; an app that needs one framework imports
 * `meldcode/frameworks/<id>` instead, which does not import this registry.
 */
const builtIn: Record<string, unknown> = {
  artsen: artsenJson,
  basismodel: basismodelJson,
  onderwijs: onderwijsJson,
  'sociaal-domein': sociaalDomeinJson,
};

/** The id used when a case names no framework. */
export const DEFAULT_FRAMEWORK = 'basismodel';

const parsed = new Map<string, Framework>();

/** A short description of a shipped framework. */
export interface FrameworkSummary {
  id: string;
  version: string;
  validFrom: string;
  name: { nl: string; en: string };
  role: 'signaller' | 'helper';
}

/**
 * The frameworks shipped with the library.
 *
 * @example
 * ```ts
 * for (const f of listFrameworks()) console.log(f.id, f.name.nl);
 * ```
 */
export function listFrameworks(): FrameworkSummary[] {
  return Object.keys(builtIn)
    .sort()
    .map((id) => {
      const f = getFramework(id);
      return { id: f.id, version: f.version, validFrom: f.validFrom, name: f.name, role: f.role };
    });
}

/** Whether a framework with this id ships with the library. */
export function hasFramework(id: string): boolean {
  return Object.hasOwn(builtIn, id);
}

/**
 * A shipped framework by id. An unknown id throws a {@link MeldcodeInputError} that lists the known ones.
 *
 * @example
 * ```ts
 * const basismodel = getFramework('basismodel');
 * ```
 */
export function getFramework(id: string): Framework {
  const cached = parsed.get(id);
  if (cached) return cached;
  if (!hasFramework(id)) throw new MeldcodeInputError([unknownFrameworkIssue(id)]);
  // Shipped and trusted: `test/modules.test.ts` proves each validates, keeps the floor and parses
  // to itself, so the cold start skips the parse. Frozen, so no caller can change it for others.
  const framework = deepFreeze(builtIn[id]) as Framework;
  parsed.set(id, framework);
  return framework;
}

/** The issue for an unknown framework id, naming the known ones. */
export function unknownFrameworkIssue(id: string) {
  const known = Object.keys(builtIn).sort().join(', ');
  return {
    path: ['framework'],
    code: 'unknown-framework',
    message: {
      nl: `onbekend afwegingskader "${id}"; bekend zijn: ${known}`,
      en: `unknown framework "${id}"; known frameworks: ${known}`,
    },
  };
}

export { getCompiledFramework } from './framework.js';
