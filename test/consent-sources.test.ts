// Every consent rule, question, conflict-of-duties question and checklist item cites a document
// in shared/sources, a heading in it and words that stand there; the precedence is in the rules.
// Without ../shared/sources the checks that read the texts are skipped by name, never passed.
import { describe, expect, it } from 'vitest';
import { consentQuestionCatalogue, consentRuleFile, objectionPrecedence } from '../src/consent/index.js';
import { getCompiledConsentRules } from '../src/consent/consent.js';
import questionsJson from '../src/consent/consent.questions.json';
import { citationProblem, needsSources, noSources } from './support/sources.js';

describe('consent citations', () => {
  it('every rule quotes its source', () => {
    const rules = consentRuleFile().rules;
    expect(rules.length).toBeGreaterThan(40);
    for (const r of rules) expect(r.source.quote, r.id).toBeTruthy();
  });

  it.skipIf(noSources)(needsSources('every rule cites a source that exists, with its heading and quote'), () => {
    const problems = consentRuleFile().rules.map((r) => [r.id, citationProblem(r.source)]).filter(([, p]) => p);
    expect(problems).toEqual([]);
  });

  it.skipIf(noSources)(needsSources('every question, conflict-of-duties question and checklist item cites its source'), () => {
    const texts = [...consentQuestionCatalogue(), ...questionsJson.conflictOfDuties, ...questionsJson.reviewerChecklist];
    const problems = texts.map((t) => [t.id, citationProblem(t.source)]).filter(([, p]) => p);
    expect(problems).toEqual([]);
  });

  it('the five conflict-of-duties questions are quoted verbatim from 000 §3.3', () => {
    for (const q of questionsJson.conflictOfDuties) expect(q.source.quote).toBe(q.text.nl);
  });

  it('every rule explains itself in Dutch and English', () => {
    for (const r of consentRuleFile().rules) {
      expect(r.explanation.nl.length, r.id).toBeGreaterThan(10);
      expect(r.explanation.en.length, r.id).toBeGreaterThan(10);
    }
  });

  // The plan's nextQuestions are drawn from this catalogue alone (consentResultFromTrail): a
  // question a rule asks that is not in it is silently never asked, and an open status is left
  // with nothing to answer. So a question of another module's file does not count here.
  it('every question a rule can ask is in the catalogue', () => {
    const catalogue = new Set(consentQuestionCatalogue().map((q) => q.id));
    for (const r of consentRuleFile().rules) {
      const e = r.event;
      const asked = e.type === 'needs-input' ? e.params.questions : e.type === 'objection' ? (e.params.questions ?? []) : [];
      for (const id of asked) expect(catalogue.has(id), `${r.id} asks ${id}`).toBe(true);
    }
  });
});

describe('consent precedence is stated in the rules', () => {
  it('the objection rules are exactly the precedence list, with priorities that never rise along it', () => {
    const rules = consentRuleFile().rules.filter((r) => r.event.type === 'objection');
    expect(rules.map((r) => r.id).sort()).toEqual([...objectionPrecedence].sort());
    const priority = new Map(rules.map((r) => [r.id, r.priority ?? 1]));
    const ordered = objectionPrecedence.map((id) => priority.get(id)!);
    for (let i = 1; i < ordered.length; i++) expect(ordered[i]!).toBeLessThanOrEqual(ordered[i - 1]!);
    expect(priority.get('objection-always-report')).toBe(Math.max(...ordered));
  });

  it('the rules that protect a report are floor rules', () => {
    const floor = new Set(consentRuleFile().rules.filter((r) => r.floor).map((r) => r.id));
    for (const id of ['objection-always-report', 'considered-objection-serious-danger', 'faq-004-exception-not-met', 'conversation-notice']) {
      expect(floor.has(id), id).toBe(true);
    }
  });

  it('compiles once and is reused', () => {
    expect(getCompiledConsentRules()).toBe(getCompiledConsentRules());
  });
});
