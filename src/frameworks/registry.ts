import { type InputIssue, MeldcodeInputError } from '../errors/errors.js';
import clustersJson from './clusters.json';
import artsenJson from './artsen/artsen.framework.json';
import basismodelJson from './basismodel/basismodel.framework.json';
import kinderopvangJson from './kinderopvang/kinderopvang.framework.json';
import onderwijsJson from './onderwijs/onderwijs.framework.json';
import paramediciJson from './paramedici/paramedici.framework.json';
import sociaalDomeinJson from './sociaal-domein/sociaal-domein.framework.json';
import psychologenPedagogenAlias from './psychologen-pedagogen/psychologen-pedagogen.alias.json';
import { deepFreeze } from '../rules/freeze.js';
import type { Framework } from './framework.js';
import type { FrameworkId } from '../authoring/ids.js';
import type { Source } from '../rules/schema.js';

/**
 * The frameworks shipped with the library, by id; each is validated on first use. This table
 * is what the main entry carries; an app that needs one framework imports
 * `meldcode/frameworks/<id>` instead, which does not import this registry.
 */
const builtIn: Record<string, unknown> = {
  artsen: artsenJson,
  basismodel: basismodelJson,
  kinderopvang: kinderopvangJson,
  onderwijs: onderwijsJson,
  paramedici: paramediciJson,
  'sociaal-domein': sociaalDomeinJson,
};

/**
 * Another id for a shipped framework, with names of its own: a profession cluster that shares
 * another cluster's framework (not a copy of it). `getFramework`, `evaluate` and the CLI take the
 * alias id and use the framework it names, so the receipt names that framework.
 */
export interface FrameworkAlias {
  id: string;
  /** The id of the shipped framework this is another name for. */
  aliasOf: string;
  name: { nl: string; en: string };
  description: { nl: string; en: string };
  /** The passage that says this cluster shares the framework. */
  source: Source;
}

const aliases: Record<string, FrameworkAlias> = Object.fromEntries(
  [psychologenPedagogenAlias].map(({ id, aliasOf, name, description, source }) => [id, { id, aliasOf, name, description, source }]),
);

/** The alias with this id, if `id` is an alias of a shipped framework. */
export function frameworkAlias(id: string): FrameworkAlias | undefined {
  return Object.hasOwn(aliases, id) ? aliases[id] : undefined;
}

/** The id used when a case names no framework. */
export const DEFAULT_FRAMEWORK = 'basismodel';

const parsed = new Map<string, Framework>();

/** A short description of a shipped framework. */
export interface FrameworkSummary {
  status: 'encoded';
  id: FrameworkId;
  version: string;
  validFrom: string;
  name: { nl: string; en: string };
  role: 'signaller' | 'helper';
  /** The profession clusters of the national Meldcode App this framework is encoded for. */
  clusters: string[];
  /** The other ids this framework is shipped under (aliases: clusters that share it); see `aliasOf`. */
  aliases: FrameworkId[];
  /**
   * Set when this id is another name for a shipped framework (a cluster that shares it): the id of
   * that framework, whose version, date and role these are. `getFramework(id)` returns it.
   */
  aliasOf?: FrameworkId;
}

/**
 * A profession cluster whose framework is not encoded yet (its text or facts are not public, or
 * not yet read): what is known, where to look, and the shipped framework to use meanwhile.
 */
export interface NotYetEncodedFramework {
  status: 'not-yet-encoded';
  id: string;
  name: { nl: string; en: string };
  /** Why it is not encoded. */
  reason: { nl: string; en: string };
  /** What is known of it, in short. */
  known: { nl: string; en: string };
  /** Where its framework may be found. */
  whereToLook: string[];
  /** The shipped framework to use until it is encoded. */
  suggest: string;
  /** Whether it is one of the eleven clusters of the national Meldcode App. */
  meldcodeAppCluster: boolean;
}

interface Cluster {
  id: string;
  name: { nl: string; en: string };
  meldcodeAppCluster: boolean;
  status: string;
  framework?: string;
  suggest?: string;
  reason: { nl: string; en: string };
  known: { nl: string; en: string };
  whereToLook: string[];
}
const clusters = clustersJson.clusters as Cluster[];
const notYetEncoded = new Map(clusters.filter((c) => c.status === 'not-yet-encoded').map((c) => [c.id, c]));

/**
 * The frameworks shipped with the library, one entry per framework document (an alias of one is
 * named in its `aliases`). With `{ aliases: true }` each alias is an entry of its own too, with
 * its own names and `aliasOf`; with `{ notYetEncoded: true }` every profession cluster is listed:
 * the shipped frameworks and the aliases, then every cluster whose framework is not encoded yet,
 * with the reason, what is known, where to look and the framework to use meanwhile.
 *
 * @example
 * ```ts
 * for (const f of listFrameworks()) console.log(f.id, f.name.nl);
 * for (const f of listFrameworks({ aliases: true })) if (f.aliasOf) console.log(f.id, '→', f.aliasOf);
 * for (const f of listFrameworks({ notYetEncoded: true })) if (f.status === 'not-yet-encoded') console.log(f.id, f.reason.en);
 * ```
 */
export function listFrameworks(options?: { aliases?: boolean; notYetEncoded?: false }): FrameworkSummary[];
export function listFrameworks(options: { aliases?: boolean; notYetEncoded: true }): (FrameworkSummary | NotYetEncodedFramework)[];
export function listFrameworks(options: { aliases?: boolean; notYetEncoded?: boolean } = {}): (FrameworkSummary | NotYetEncodedFramework)[] {
  const withAliases = options.aliases === true || options.notYetEncoded === true;
  // The registry's keys are the shipped ids (test/package-types.test.ts checks them against FrameworkId).
  const ids = [...Object.keys(builtIn), ...(withAliases ? Object.keys(aliases) : [])] as FrameworkId[];
  const shipped: FrameworkSummary[] = ids
    .sort()
    .map((id) => {
      const f = getFramework(id);
      const alias = frameworkAlias(id);
      if (alias) return { status: 'encoded', id, version: f.version, validFrom: f.validFrom, name: { ...alias.name }, role: f.role, clusters: [id], aliases: [], aliasOf: alias.aliasOf as FrameworkId };
      const serves = clusters.filter((c) => c.status === 'encoded' && c.framework === id).map((c) => c.id);
      const named = Object.values(aliases).filter((a) => a.aliasOf === id).map((a) => a.id as FrameworkId);
      return { status: 'encoded', id, version: f.version, validFrom: f.validFrom, name: f.name, role: f.role, clusters: serves, aliases: named };
    });
  if (!options.notYetEncoded) return shipped;
  const later: NotYetEncodedFramework[] = [...notYetEncoded.values()].map((c) => ({
    status: 'not-yet-encoded',
    id: c.id,
    name: { ...c.name },
    reason: { ...c.reason },
    known: { ...c.known },
    whereToLook: [...c.whereToLook],
    suggest: c.suggest ?? DEFAULT_FRAMEWORK,
    meldcodeAppCluster: c.meldcodeAppCluster,
  }));
  return [...shipped, ...later];
}

/**
 * Whether a framework with this id ships with the library (under its own id or an alias): the
 * check for an id read at run time (a flag, a stored case) before it is passed as a {@link FrameworkId}.
 *
 * @example
 * ```ts
 * const id = process.env.MELDCODE_FRAMEWORK ?? 'basismodel';
 * if (hasFramework(id)) evaluate(kase, { framework: id }); // id is a FrameworkId here
 * ```
 */
export function hasFramework(id: string): id is FrameworkId {
  return Object.hasOwn(builtIn, id) || Object.hasOwn(aliases, id);
}

/**
 * A shipped framework by id. An unknown id throws a {@link MeldcodeInputError} that lists the known ones.
 * An alias (see {@link listFrameworks}' `aliasOf`) returns the framework it names, the same object.
 *
 * @example
 * ```ts
 * const basismodel = getFramework('basismodel');
 * ```
 */
export function getFramework(id: FrameworkId): Framework {
  const cached = parsed.get(id);
  if (cached) return cached;
  if (!hasFramework(id)) throw new MeldcodeInputError([unknownFrameworkIssue(id)]);
  const alias = frameworkAlias(id);
  if (alias) return getFramework(alias.aliasOf as FrameworkId);
  // Shipped and trusted: `test/modules.test.ts` proves each validates, keeps the floor and parses
  // to itself, so the cold start skips the parse. Frozen, so no caller can change it for others.
  const framework = deepFreeze(builtIn[id]) as Framework;
  parsed.set(id, framework);
  return framework;
}

/**
 * The issue for a framework id that ships no framework: a profession cluster not encoded yet says
 * so, with its reason and the framework to use meanwhile (never a silent fallback); any other id
 * names the known ones.
 */
export function unknownFrameworkIssue(id: string): InputIssue {
  const known = [...Object.keys(builtIn), ...Object.keys(aliases)].sort().join(', ');
  const later = notYetEncoded.get(id);
  if (later) {
    const suggest = later.suggest ?? DEFAULT_FRAMEWORK;
    return {
      path: ['framework'],
      code: 'framework-not-yet-encoded',
      message: {
        nl: `het afwegingskader "${id}" (${later.name.nl}) is nog niet gecodeerd: ${later.reason.nl} Gebruik intussen "${suggest}".`,
        en: `the framework "${id}" (${later.name.en}) is not encoded yet: ${later.reason.en} Meanwhile use "${suggest}".`,
      },
    };
  }
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
