// The canonical URLs of everything meldcode/fhir writes, under one configurable base. A FHIR
// canonical is a URL a publisher controls; the default base is a placeholder under the reserved
// `.example` top-level domain (RFC 2606), so it can never name someone else's resource. Publish
// under your own base with the `canonicalBase` option.
import { MeldcodeInputError } from '../errors/errors.js';
import type { Lang } from '../rules/trail.js';

/**
 * The default canonical base: `https://meldcode.example/fhir`. Every canonical the library writes
 * starts with it unless a `canonicalBase` option names another one.
 *
 * @example
 * ```ts
 * toQuestionnaire('artsen').url === `${DEFAULT_CANONICAL_BASE}/Questionnaire/meldcode.artsen.nl`; // true
 * ```
 */
export const DEFAULT_CANONICAL_BASE = 'https://meldcode.example/fhir';

/** The Questionnaire canonicals of meldcode 0.1 (`urn:meldcode:questionnaire:<framework>`); still read. */
export const LEGACY_QUESTIONNAIRE_PREFIX = 'urn:meldcode:questionnaire:';

/** The canonical base to use: the option, checked, or the default. */
export function canonicalBase(base: string | undefined): string {
  if (base === undefined) return DEFAULT_CANONICAL_BASE;
  if (typeof base === 'string' && /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(base) && !base.endsWith('/')) return base;
  throw new MeldcodeInputError([
    {
      path: ['options', 'canonicalBase'],
      code: 'invalid-canonical-base',
      message: {
        nl: 'canonicalBase moet een http(s)-URL zijn zonder query, fragment of slash aan het eind',
        en: 'canonicalBase must be an http(s) URL without query, fragment or trailing slash',
      },
    },
  ]);
}

/**
 * The id of a generated Questionnaire: `meldcode.<framework>[.<module>…].<locale>`. Framework
 * and module ids never contain a dot, so the id reads back unambiguously. One id per language
 * (not one resource with translations): renderers draw `item.text`, not the translation extension.
 */
export function questionnaireId(frameworkId: string, locale: Lang, modules?: readonly string[]): string {
  return ['meldcode', frameworkId, ...(modules ?? []), locale].join('.');
}

/** What a Questionnaire canonical of this library names. */
export interface QuestionnaireIdentity {
  frameworkId: string;
  locale: Lang;
  /** The modules of a partial Questionnaire (e.g. `['kindcheck']`); absent for the whole one. */
  modules?: string[];
  /** The `|version` of the canonical, when it has one. */
  version?: string;
}

/**
 * Reads a Questionnaire canonical (`<base>/Questionnaire/<id>[|version]`, or the legacy
 * `urn:meldcode:questionnaire:<framework>[|version]`); `undefined` for a canonical that is not
 * one of this library's under `base`.
 */
export function parseQuestionnaireCanonical(canonical: string, base: string): QuestionnaireIdentity | undefined {
  const bar = canonical.indexOf('|');
  const url = bar === -1 ? canonical : canonical.slice(0, bar);
  const version = bar === -1 ? undefined : canonical.slice(bar + 1);
  const withVersion = <T extends object>(identity: T) => (version === undefined ? identity : { ...identity, version });
  if (url.startsWith(LEGACY_QUESTIONNAIRE_PREFIX)) {
    const frameworkId = url.slice(LEGACY_QUESTIONNAIRE_PREFIX.length);
    return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(frameworkId) ? withVersion({ frameworkId, locale: 'nl' as Lang }) : undefined;
  }
  const prefix = `${base}/Questionnaire/`;
  if (!url.startsWith(prefix)) return undefined;
  const parts = url.slice(prefix.length).split('.');
  const [first, frameworkId, ...rest] = parts;
  const last = rest.pop();
  if (first !== 'meldcode' || !frameworkId || (last !== 'nl' && last !== 'en')) return undefined;
  const locale: Lang = last;
  if (![frameworkId, ...rest].every((p) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(p))) return undefined;
  return withVersion(rest.length > 0 ? { frameworkId, locale, modules: rest } : { frameworkId, locale });
}

/** The canonical URLs under one base. */
export function canonicals(base: string) {
  return {
    questionnaire: (id: string) => `${base}/Questionnaire/${id}`,
    /** The extension on items and groups: the source a question cites. */
    sourceExtension: `${base}/StructureDefinition/meldcode-source`,
    /** The extension on a GuidanceResponse's data requirement: the question (linkId) still open. */
    openQuestionExtension: `${base}/StructureDefinition/meldcode-open-question`,
    /** The code system of the values of the `choice` questions. */
    answerSystem: `${base}/CodeSystem/meldcode-answer`,
    answerValueSet: `${base}/ValueSet/meldcode-answer`,
    /** The code system of the framework ids (a card's topic). */
    frameworkSystem: `${base}/CodeSystem/meldcode-framework`,
    /** The code system of the reasons a professional sets a card aside. */
    overrideReasonSystem: `${base}/CodeSystem/meldcode-override-reason`,
    /** A GuidanceResponse's module for a framework document of your own (no Library): the framework, without a version. */
    framework: (id: string) => `${base}/framework/${id}`,
    /** The Library of a shipped framework (`conformanceResources`), a GuidanceResponse's `moduleCanonical`. */
    library: (id: string) => `${base}/Library/meldcode.${id}`,
  };
}
