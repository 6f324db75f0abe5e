// The conformance resources behind the canonicals meldcode/fhir writes: the StructureDefinitions
// of its two extensions and the CodeSystems and ValueSet of its codes. A FHIR server that validates
// (HL7, Firely) refuses an unknown extension by default; load these and it knows ours.
import { getFramework, listFrameworks } from '../frameworks/registry.js';
import { questionModulesFor } from '../questions/questions.js';
import { VERSION } from '../version.js';
import { overrideReasons } from './advice.js';
import { sourceTitle } from '../sources/sources.js';
import { canonicalBase, canonicals } from './canonical.js';
import optionLabels from './option-labels.json';

/** Options for {@link conformanceResources}. */
export interface ConformanceOptions {
  /** The base of the canonical URLs; default the library's (see `toQuestionnaire`). */
  canonicalBase?: string;
}

/** A FHIR R4 conformance resource as plain JSON (StructureDefinition, CodeSystem, ValueSet). */
export type ConformanceResource = { resourceType: 'StructureDefinition' | 'CodeSystem' | 'ValueSet' | 'Library'; id: string; url: string } & Record<string, unknown>;

const publisher = 'meldcode';
const common = (id: string, url: string, name: string, title: string, description: string) => ({
  id,
  url,
  version: VERSION,
  name,
  title,
  status: 'active',
  experimental: false,
  publisher,
  description,
});

/** An extension with one `valueString`, used on the given element contexts. */
function stringExtension(id: string, url: string, name: string, title: string, description: string, contexts: string[]): ConformanceResource {
  return {
    resourceType: 'StructureDefinition',
    ...common(id, url, name, title, description),
    fhirVersion: '4.0.1',
    kind: 'complex-type',
    abstract: false,
    context: contexts.map((expression) => ({ type: 'element', expression })),
    type: 'Extension',
    baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Extension',
    derivation: 'constraint',
    differential: {
      element: [
        { id: 'Extension', path: 'Extension', short: title, definition: description, min: 0, max: '1' },
        { id: 'Extension.extension', path: 'Extension.extension', max: '0' },
        { id: 'Extension.url', path: 'Extension.url', fixedUri: url },
        { id: 'Extension.value[x]', path: 'Extension.value[x]', min: 1, type: [{ code: 'string' }] },
      ],
    },
  };
}

/**
 * The codes of every `choice` question of the shipped frameworks, with their labels: the
 * content of the answer code system.
 */
function answerConcepts() {
  const labels = optionLabels as Record<string, Record<string, { nl: string; en: string }>>;
  const seen = new Map<string, { nl: string; en: string } | undefined>();
  for (const f of listFrameworks()) {
    for (const m of questionModulesFor(getFramework(f.id))) {
      for (const q of m.questions) for (const code of q.options ?? []) if (!seen.has(code)) seen.set(code, q.optionLabels?.[code] ?? labels[q.id]?.[code]);
    }
  }
  return [...seen].map(([code, label]) => ({
    code,
    display: label?.nl ?? code,
    ...(label ? { designation: [{ language: 'en', value: label.en }] } : {}),
  }));
}

/**
 * The FHIR R4 conformance resources of the canonicals this library writes, under one base:
 * - `StructureDefinition/meldcode-source`: the extension on a Questionnaire and its items that
 *   cites the source of a question (one string);
 * - `StructureDefinition/meldcode-open-question`: the extension on a GuidanceResponse's data
 *   requirement that names the open question's linkId;
 * - `CodeSystem/meldcode-answer` and `ValueSet/meldcode-answer`: the values of the `choice`
 *   questions, labelled in Dutch with English designations;
 * - `CodeSystem/meldcode-framework`: the shipped framework ids (a card's topic);
 * - `CodeSystem/meldcode-override-reason`: the reasons a professional sets a card aside;
 * - `Library/meldcode.<framework>`: one per shipped framework, the `moduleCanonical` of a
 *   GuidanceResponse (its version is the framework's).
 *
 * Load them into your FHIR server (or its validator) next to the generated Questionnaires.
 *
 * @throws {@link MeldcodeInputError} for a `canonicalBase` that is not an http(s) URL.
 * @example
 * ```ts
 * conformanceResources().map((r) => `${r.resourceType}/${r.id}`);
 * // ['StructureDefinition/meldcode-source', 'StructureDefinition/meldcode-open-question', 'CodeSystem/meldcode-answer', …]
 * ```
 */
export function conformanceResources(options: ConformanceOptions = {}): ConformanceResource[] {
  const urls = canonicals(canonicalBase(options.canonicalBase));
  const concepts = answerConcepts();
  const frameworks = listFrameworks().map((f) => ({ code: f.id, display: getFramework(f.id).name.nl, designation: [{ language: 'en', value: getFramework(f.id).name.en }] }));
  return [
    stringExtension(
      'meldcode-source',
      urls.sourceExtension,
      'MeldcodeSource',
      'Meldcode source',
      'The source a question, a module or a framework cites: the document by title, the heading, and the file name as machine key.',
      ['Questionnaire', 'Questionnaire.item'],
    ),
    stringExtension(
      'meldcode-open-question',
      urls.openQuestionExtension,
      'MeldcodeOpenQuestion',
      'Meldcode open question',
      'The linkId of a question whose answer the advice still needs.',
      ['DataRequirement'],
    ),
    {
      resourceType: 'CodeSystem',
      ...common('meldcode-answer', urls.answerSystem, 'MeldcodeAnswer', 'Meldcode answers', 'The values of the choice questions of meldcode.'),
      language: 'nl',
      caseSensitive: true,
      valueSet: urls.answerValueSet,
      content: 'complete',
      count: concepts.length,
      concept: concepts,
    },
    {
      resourceType: 'ValueSet',
      ...common('meldcode-answer', urls.answerValueSet, 'MeldcodeAnswer', 'Meldcode answers', 'Every value of the choice questions of meldcode.'),
      compose: { include: [{ system: urls.answerSystem }] },
    },
    {
      resourceType: 'CodeSystem',
      ...common('meldcode-framework', urls.frameworkSystem, 'MeldcodeFramework', 'Meldcode frameworks', 'The frameworks (afwegingskaders) shipped with meldcode, by id.'),
      language: 'nl',
      caseSensitive: true,
      content: 'complete',
      count: frameworks.length,
      concept: frameworks,
    },
    {
      resourceType: 'CodeSystem',
      ...common(
        'meldcode-override-reason',
        urls.overrideReasonSystem,
        'MeldcodeOverrideReason',
        'Meldcode override reasons',
        'Why a professional sets meldcode advice aside; the professional decides.',
      ),
      language: 'nl',
      caseSensitive: true,
      content: 'complete',
      count: overrideReasons.length,
      concept: overrideReasons.map((r) => ({ code: r.code, display: r.display.nl, designation: [{ language: 'en', value: r.display.en }] })),
    },
    ...listFrameworks().map((f) => frameworkLibrary(getFramework(f.id), urls.library(f.id))),
  ];
}

/**
 * The Library of a shipped framework: what a GuidanceResponse's `moduleCanonical` points to. It
 * names the framework, its version and valid-from date, and the document it encodes (the
 * framework's own `source`). The rules themselves are the framework's JSON in the package.
 */
function frameworkLibrary(framework: ReturnType<typeof getFramework>, url: string): ConformanceResource {
  const source = framework.source as { document: string; section?: string; title?: string; url?: string; version?: string };
  const title = source.title ?? sourceTitle(source.document);
  const pascal = framework.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
  return {
    resourceType: 'Library',
    id: `meldcode.${framework.id}`,
    url,
    version: framework.version,
    name: `Meldcode${pascal}`,
    title: framework.name.nl,
    status: 'active',
    experimental: false,
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/library-type', code: 'logic-library' }] },
    publisher,
    description: `${framework.name.en}: the afwegingskader of the meldcode as declarative rules (meldcode ${VERSION}, framework ${framework.id} ${framework.version}).`,
    effectivePeriod: { start: framework.validFrom },
    relatedArtifact: [{ type: 'documentation', display: [title, source.version, source.section].filter(Boolean).join(', '), ...(source.url ? { url: source.url } : {}) }],
  };
}
