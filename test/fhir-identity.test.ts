// Identity of what meldcode/fhir writes: one canonical per framework, language and module set,
// under a configurable http(s) base; a response is read only with the Questionnaire it names.
import { describe, expect, it } from 'vitest';
import { evaluate, getFramework, listFrameworks, MeldcodeInputError } from '../src/index.js';
import { DEFAULT_CANONICAL_BASE, fromQuestionnaireResponse, questionnaireUrl, toQuestionnaire } from '../src/fhir/index.js';
import type { QuestionnaireResponse } from '../src/fhir/index.js';

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MeldcodeInputError);
    return (error as MeldcodeInputError).issues;
  }
  throw new Error('expected a MeldcodeInputError');
}

const response = (questionnaire: string | undefined, linkId = 'considerations.suspicion'): QuestionnaireResponse => ({
  resourceType: 'QuestionnaireResponse',
  status: 'completed',
  ...(questionnaire === undefined ? {} : { questionnaire }),
  item: [{ linkId, answer: [{ valueBoolean: true }] }],
});

describe('canonicals', () => {
  it('every shipped Questionnaire has its own id, url and name: per framework, per language, per module set', () => {
    const all = listFrameworks().flatMap((f) =>
      (['nl', 'en'] as const).flatMap((locale) => [toQuestionnaire(f.id, { locale }), toQuestionnaire(f.id, { locale, modules: ['kindcheck'] })]),
    );
    for (const key of ['id', 'url', 'name'] as const) expect(new Set(all.map((q) => q[key])).size).toBe(all.length);
    for (const q of all) {
      expect(q.url).toBe(`${DEFAULT_CANONICAL_BASE}/Questionnaire/${q.id}`);
      expect(q.url?.startsWith('https://')).toBe(true);
    }
    expect(toQuestionnaire('artsen', { locale: 'en', modules: ['kindcheck'] }).url).toBe('https://meldcode.example/fhir/Questionnaire/meldcode.artsen.kindcheck.en');
  });

  it('the version is the framework\'s version', () => {
    for (const f of listFrameworks()) expect(toQuestionnaire(f.id).version).toBe(getFramework(f.id).version);
  });

  it('questionnaireUrl gives the url toQuestionnaire writes', () => {
    const options = { locale: 'en' as const, modules: ['kindcheck'], canonicalBase: 'https://fhir.example.org/r4' };
    expect(questionnaireUrl('onderwijs', options)).toBe(toQuestionnaire('onderwijs', options).url);
    expect(questionnaireUrl('onderwijs')).toBe(toQuestionnaire('onderwijs').url);
  });

  it('a canonical base of one\'s own puts every canonical under it; a base that is no http(s) URL is refused', () => {
    const q = toQuestionnaire('basismodel', { canonicalBase: 'https://fhir.example.org' });
    const json = JSON.stringify(q);
    expect(json).not.toContain(DEFAULT_CANONICAL_BASE);
    expect(json).not.toContain('urn:meldcode');
    expect(q.url).toBe('https://fhir.example.org/Questionnaire/meldcode.basismodel.nl');
    for (const base of ['urn:meldcode', 'https://fhir.example.org/', 'ftp://x.org', 'https://x.org/a?b', '']) {
      expect(issuesOf(() => toQuestionnaire('basismodel', { canonicalBase: base }))[0]?.code).toBe('invalid-canonical-base');
    }
  });
});

describe('fromQuestionnaireResponse checks the Questionnaire it answers', () => {
  it('reads the framework from the canonical, in either language, and the case names it', () => {
    for (const locale of ['nl', 'en'] as const) {
      const q = toQuestionnaire('artsen', { locale });
      const kase = fromQuestionnaireResponse(response(q.url));
      expect(kase).toEqual({ framework: 'artsen', considerations: { suspicion: true } });
      expect(evaluate(kase).receipt.framework.id).toBe('artsen');
    }
  });

  it('accepts the framework\'s own version and refuses another one', () => {
    const q = toQuestionnaire('onderwijs');
    expect(fromQuestionnaireResponse(response(`${q.url}|${q.version}`)).framework).toBe('onderwijs');
    const issues = issuesOf(() => fromQuestionnaireResponse(response(`${q.url}|0.0.1`)));
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([['questionnaire', 'questionnaire-version-mismatch']]);
    expect(issues[0]?.message.en).toContain('0.0.1');
  });

  it('refuses a canonical that is not one of ours, instead of reading it as basismodel', () => {
    const republished = 'https://ehr.example.org/fhir/Questionnaire/meldcode-artsen';
    const issues = issuesOf(() => fromQuestionnaireResponse(response(republished)));
    expect(issues.map((i) => i.code)).toEqual(['unknown-questionnaire']);
    expect(issues[0]?.message.en).toContain('framework');
    // Named by the caller, it is read with that framework, and the case says so.
    expect(fromQuestionnaireResponse(response(republished), { framework: 'artsen' }).framework).toBe('artsen');
    // Our own url under another base is foreign too, unless that base is passed.
    const elsewhere = toQuestionnaire('artsen', { canonicalBase: 'https://ehr.example.org/fhir' }).url as string;
    expect(issuesOf(() => fromQuestionnaireResponse(response(elsewhere)))[0]?.code).toBe('unknown-questionnaire');
    expect(fromQuestionnaireResponse(response(elsewhere), { canonicalBase: 'https://ehr.example.org/fhir' }).framework).toBe('artsen');
  });

  it('refuses what only looks like one of ours: another language, a broken id, a non-string', () => {
    for (const url of [`${DEFAULT_CANONICAL_BASE}/Questionnaire/meldcode.artsen.de`, `${DEFAULT_CANONICAL_BASE}/Questionnaire/meldcode..nl`, `${DEFAULT_CANONICAL_BASE}/Questionnaire/artsen.nl`]) {
      expect(issuesOf(() => fromQuestionnaireResponse(response(url)))[0]?.code).toBe('unknown-questionnaire');
    }
    expect(issuesOf(() => fromQuestionnaireResponse({ ...response(undefined), questionnaire: 42 } as never))[0]?.code).toBe('invalid_type');
  });

  it('refuses a Questionnaire of one framework read with another', () => {
    const url = toQuestionnaire('artsen').url as string;
    expect(issuesOf(() => fromQuestionnaireResponse(response(url), { framework: 'onderwijs' })).map((i) => i.code)).toEqual(['questionnaire-framework-mismatch']);
  });

  it('a kindcheck-only Questionnaire is read like the whole one', () => {
    const q = toQuestionnaire('sociaal-domein', { modules: ['kindcheck'] });
    expect(fromQuestionnaireResponse(response(q.url, 'kindcheck.parentSignals'))).toEqual({ framework: 'sociaal-domein', kindcheck: { parentSignals: true } });
  });

  it('still reads the canonicals of 0.1 (urn:meldcode:questionnaire:<framework>)', () => {
    expect(fromQuestionnaireResponse(response('urn:meldcode:questionnaire:artsen')).framework).toBe('artsen');
  });

  it('a response that names no Questionnaire is read as a case without a framework (evaluate\'s default)', () => {
    expect(fromQuestionnaireResponse(response(undefined))).toEqual({ considerations: { suspicion: true } });
  });
});
