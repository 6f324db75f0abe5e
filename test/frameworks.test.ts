// The shipped frameworks: registry, metadata, the demo cases, and the documented examples
// (the sociaal-domein vignettes) as golden tests.
import { describe, expect, it } from 'vitest';
import { evaluate, getFramework, listFrameworks, MeldcodeInputError } from '../src/index.js';
import { type Framework, getFloor } from '../src/frameworks/framework.js';
import { questionCatalogue } from '../src/questions/questions.js';
import { artsen } from '../src/frameworks/artsen/index.js';
import { basismodel } from '../src/frameworks/basismodel/index.js';
import { kinderopvang } from '../src/frameworks/kinderopvang/index.js';
import { onderwijs } from '../src/frameworks/onderwijs/index.js';
import { paramedici } from '../src/frameworks/paramedici/index.js';
import { sociaalDomein } from '../src/frameworks/sociaal-domein/index.js';
import { loadExamples } from '../scripts/load-examples.js';
import { expectedOf } from './support/examples.js';
import { citationProblem, needsSources, noSources } from './support/sources.js';
import { thrown } from './support/throws.js';

const DATE = { evaluationDate: '2026-11-23' };
const ids = ['artsen', 'basismodel', 'kinderopvang', 'onderwijs', 'paramedici', 'sociaal-domein'] as const;

describe('registry', () => {
  it('lists every shipped framework with id, version, date, names and role', () => {
    expect(listFrameworks().map((f) => f.id)).toEqual(ids);
    for (const f of listFrameworks()) {
      expect(f.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(f.validFrom).toBe('2019-01-01');
      expect(f.name.nl.length).toBeGreaterThan(5);
      expect(f.name.en.length).toBeGreaterThan(5);
    }
    expect(listFrameworks().find((f) => f.id === 'onderwijs')!.role).toBe('signaller');
    expect(listFrameworks().find((f) => f.id === 'artsen')!.role).toBe('helper');
  });

  it('says which profession clusters of the Meldcode App each shipped framework serves (issue 15)', () => {
    const served = Object.fromEntries(listFrameworks().map((f) => [f.id, f.clusters]));
    expect(served).toEqual({ artsen: ['artsen'] as const, basismodel: [], kinderopvang: ['kinderopvang'] as const, onderwijs: ['onderwijs'] as const, paramedici: ['paramedici'] as const, 'sociaal-domein': ['sociaal-domein', 'psychologen-pedagogen'] as const });
    expect(listFrameworks().every((f) => f.status === 'encoded')).toBe(true);
  });

  it('with notYetEncoded, lists every cluster of the Meldcode App: encoded, or not yet with reason, facts, where to look and what to use meanwhile', () => {
    const all = listFrameworks({ notYetEncoded: true });
    // The shipped frameworks and the alias of sociaal-domein first (test/framework-alias.test.ts).
    expect(all.slice(0, ids.length + 1).map((f) => f.id)).toEqual([...ids.slice(0, 5), 'psychologen-pedagogen', ...ids.slice(5)]);
    const later = all.filter((f) => f.status === 'not-yet-encoded');
    const appClusters = new Set([...all.flatMap((f) => (f.status === 'encoded' ? f.clusters : [])), ...later.filter((f) => f.meldcodeAppCluster).map((f) => f.id)]);
    expect(appClusters.size).toBe(11);
    expect(later.map((f) => f.id)).toEqual(expect.arrayContaining(['verloskundigen', 'verpleegkundigen-verzorgenden', 'dji', 'reclassering', 'halt']));
    for (const f of later) {
      // Youth health care defers to the KNMG framework for youth doctors (docs/sources/jeugdgezondheidszorg.md).
      expect(f.suggest).toBe(f.id === 'jeugdgezondheidszorg' ? 'artsen' : 'basismodel');
      expect(f.reason.nl.length * f.reason.en.length * f.known.nl.length).toBeGreaterThan(0);
      expect(f.whereToLook.length).toBeGreaterThan(0);
    }
  });

  it('a cluster not yet encoded is a typed error that says so and suggests basismodel, never a silent fallback', () => {
    // @ts-expect-error a misspelt or unshipped id does not compile; at run time it is refused with a typed error
    for (const run of [() => getFramework('verloskundigen'), () => evaluate({ framework: 'verloskundigen', considerations: { suspicion: true } }, DATE)]) {
      const error = thrown(run) as MeldcodeInputError;
      expect(error).toBeInstanceOf(MeldcodeInputError);
      expect(error.issues[0]).toMatchObject({ path: ['framework'], code: 'framework-not-yet-encoded' });
      expect(error.issues[0]!.message.en).toMatch(/not encoded yet: .*Meanwhile use "basismodel"/);
      expect(error.issues[0]!.message.nl).toMatch(/nog niet gecodeerd: .*Gebruik intussen "basismodel"/);
    }
  });

  it('an unknown id is a typed error that lists the known ones', () => {
    const error = (() => {
      try {
        // @ts-expect-error a misspelt or unshipped id does not compile; at run time it is refused with a typed error
        getFramework('tandartsen');
      } catch (e) {
        return e;
      }
    })() as MeldcodeInputError;
    expect(error).toBeInstanceOf(MeldcodeInputError);
    expect(error.issues[0]!.code).toBe('unknown-framework');
    for (const id of ids) expect(error.issues[0]!.message.en).toContain(id);
  });

  it('each framework module exports the same document the registry serves', () => {
    const modules: Record<string, unknown> = { artsen, basismodel, kinderopvang, onderwijs, paramedici, 'sociaal-domein': sociaalDomein };
    for (const id of ids) expect(getFramework(id)).toEqual(modules[id]);
  });
});

describe.each(ids)('framework %s', (id) => {
  const fw = getFramework(id);

  it('names its publishers, source, version, valid-from date and role', () => {
    expect(fw.publishers.length).toBeGreaterThan(0);
    expect(fw.source.document && fw.source.section).toBeTruthy();
    expect(['signaller', 'helper']).toContain(fw.role);
  });

  it.skipIf(noSources)(needsSources('its source is found: document, heading and quote'), () => {
    expect(citationProblem(fw.source)).toBeUndefined();
  });

  /** Every source it cites elsewhere: roles, steps, labels, guiding questions, examples, open items. */
  const cited = () => [
    ...(fw.sources ?? []),
    ...(fw.consent ? [fw.consent.source] : []),
    ...(fw.roles ?? []).flatMap((r) => (r.source ? [r.source] : [])),
    ...(fw.steps ?? []).flatMap((s) => [...(s.source ? [s.source] : []), ...(s.requirements ?? []).map((r) => r.source)]),
    ...(fw.designatedOfficer ? [fw.designatedOfficer.source] : []),
    ...(fw.questionLabels ?? []).map((l) => l.source),
    ...(fw.guidingQuestions ?? []).map((q) => q.source),
    ...(fw.examples ?? []).map((e) => e.source),
    ...(fw.openItems ?? []).flatMap((o) => (o.source ? [o.source] : [])),
    ...(fw.superseded ?? []).map((s) => s.source),
    ...fw.indicators.map((i) => i.source),
  ];

  it.skipIf(noSources)(needsSources('every source it cites elsewhere exists (roles, steps, labels, guiding questions, examples, open items)'), () => {
    expect(cited().map(citationProblem).filter(Boolean)).toEqual([]);
  });

  it('a source outside shared/sources is cited by URL, title and publisher, through its facts sheet', () => {
    // A source outside shared/sources (a KNMG or sector page) is cited by its public URL, with
    // title and publisher, through the facts sheet in shared/sources that lists it, or the
    // repository's own fact note (docs/sources/<name>.md, issue 15).
    for (const s of cited().filter((s) => s.url)) {
      expect(s.document).toMatch(/-facts\.md$|^docs\/sources\/[a-z0-9-]+\.md$/);
      expect(s.title && s.publisher).toBeTruthy();
    }
  });

  // The demo cases are written for basismodel: an indicator code the framework lacks is
  // replaced by the framework's first indicator of the same kind, so the case means the same.
  it.each(loadExamples().map((e) => [e.id, e] as const))('evaluates demo case %s to its outcome', (_, example) => {
    const c = structuredClone(example.case) as { framework?: string; considerations?: { indicators?: Record<string, boolean> } };
    delete c.framework;
    const base = getFramework('basismodel');
    const indicators = c.considerations?.indicators;
    if (indicators) {
      for (const code of Object.keys(indicators)) {
        const kind = base.indicators.find((i) => i.code === code)?.kind;
        if (!kind || fw.indicators.some((i) => i.code === code)) continue;
        const replacement = fw.indicators.find((i) => i.kind === kind)!.code;
        indicators[replacement] = indicators[code]!;
        delete indicators[code];
      }
    }
    const d = evaluate(c, { ...DATE, framework: id });
    const expected = example.expectPerFramework?.[id] ?? expectedOf(example);
    expect(d.outcome).toBe(expected.outcome);
    expect(d.report.necessary).toBe(expected.necessary);
    expect(d.report.norms).toEqual(expected.norms);
    expect(d.receipt.framework.id).toBe(id);
  });

  it('evaluates each of its documented examples to the outcome it documents', () => {
    for (const example of fw.examples ?? []) {
      const d = evaluate(example.case, { ...DATE, framework: id });
      expect({ id: example.id, outcome: d.outcome, norms: d.report.norms, necessary: d.report.necessary }).toEqual({
        id: example.id,
        outcome: example.expect.outcome,
        norms: example.expect.norms,
        necessary: example.expect.necessary,
      });
    }
  });

  it('answers a yes to any of its unsafety indicators with a report under norm 1, citing the indicator', () => {
    for (const indicator of fw.indicators) {
      const d = evaluate({ considerations: { suspicion: true, indicators: { [indicator.code]: true } } }, { ...DATE, framework: id });
      expect(d.report.norms, indicator.code).toEqual([1]);
      expect(d.trail.find((e) => e.ruleId === `indicator-${indicator.code}`)?.source).toEqual(indicator.source);
    }
  });
});

describe('sociaal-domein (000 Bijlage 2)', () => {
  const fw: Framework = getFramework('sociaal-domein');
  const kind = (k: string) => fw.indicators.filter((i) => i.kind === k);
  const guiding = (n: number) => (fw.guidingQuestions ?? []).filter((q) => q.consideration === n);

  const floorCodes = new Set(getFloor().examples.map((e) => e.code));
  const own = (k: string) => kind(k).filter((i) => !floorCodes.has(i.code));
  const helping = (k: string) => guiding(2).filter((q) => q.kind === k);

  it('ruling C: of its 10 acute, 4 disclosure and 15 structural questions, only direct danger and the statement are indicators; the rest are helping questions of afweging 2, with their Dutch texts quoted', () => {
    expect(own('acute').map((i) => i.code)).toEqual(['acute-direct-danger']);
    expect(own('disclosure').map((i) => i.code)).toEqual(['disclosure-statement']);
    expect(own('structural')).toEqual([]);
    expect(helping('acute')).toHaveLength(9);
    expect(helping('disclosure')).toHaveLength(2);
    expect(helping('structural')).toHaveLength(15);
    for (const q of guiding(2)) {
      expect(q.source.quote).toBe(q.text.nl);
      expect(q.concern).toBe('yes');
    }
    for (const i of own('acute')) expect(i.source.quote).toBe(i.text.nl);
  });

  it('ruling C: lists every floor example as the floor has it', () => {
    for (const e of getFloor().examples) expect(fw.indicators.find((i) => i.code === e.code)).toEqual(e);
  });

  it('ruling C: five helping questions state the same fact as a floor example and are linked to it', () => {
    expect(Object.fromEntries(guiding(2).filter((q) => q.sameAs).map((q) => [q.code, q.sameAs]))).toEqual({
      'serious-injury-suspected-inflicted': 'acute-inflicted-injury',
      'acute-threat-to-self-and-close-one': 'acute-threat-to-kill-or-harm',
      'acute-physical-neglect': 'acute-withholding-care',
      'acute-parent-suicide-attempt-no-other-carer': 'acute-care-falls-away',
      'structural-sexual-abuse-of-minors': 'acute-sexual-abuse',
    });
  });

  it('the disclosure question whose yes means "safe now" is asked as considerations.disclosurePastAndSafeNow, not as a helping question', () => {
    expect(guiding(2).map((q) => q.code)).not.toContain('disclosure-past-or-current');
    const q = questionCatalogue(fw).get('considerations.disclosurePastAndSafeNow')!;
    expect(q.source.quote).toContain('Is het kind of de zorgafhankelijke volwassene nu veilig?');
  });

  it('has the help (5), cooperation (6) and lasting-safety (5) questions as helping questions of considerations 3-5, each with its polarity', () => {
    expect(guiding(3)).toHaveLength(5);
    expect(guiding(4)).toHaveLength(6);
    expect(guiding(5)).toHaveLength(5);
    expect(guiding(3).map((q) => q.relatesTo)).toContain('considerations.help.history');
    for (const q of guiding(4)) expect(q.relatesTo).toBe('considerations.helpAccepted');
    for (const q of guiding(5)) expect(q.relatesTo).toBe('considerations.helpReachesSafety');
    // "Is er voldoende zicht …?": no is the concern; "Stopt het geweld niet …?": yes is.
    for (const q of [...guiding(3), ...guiding(4)]) expect(q.concern, q.code).toBe('no');
    for (const q of guiding(5)) expect(q.concern, q.code).toBe('yes');
  });

  it('helping questions are case facts of their own; a code the framework does not know is still an input error', () => {
    expect(() => evaluate({ considerations: { suspicion: true, indicators: { 'help-view-of-past': false } } }, { ...DATE, framework: 'sociaal-domein' })).not.toThrow();
    const error = thrown(() => evaluate(
      { considerations: { suspicion: true, indicators: { 'help-view-of-past': false } } },
      { ...DATE, framework: 'basismodel' },
    ));
    expect(error).toBeInstanceOf(MeldcodeInputError);
  });

  it('documents the eight vignettes, each a situation where reporting is the norm', () => {
    expect(fw.examples).toHaveLength(8);
    for (const e of fw.examples!) {
      expect(e.expect.outcome).toBe('report');
      expect(e.expect.necessary).toBe(true);
      expect(e.source.quote).toBe(e.text.nl);
    }
  });

  it('lists the fifteen associations that published it', () => {
    expect(fw.publishers).toHaveLength(15);
    expect(fw.publishers).toEqual(expect.arrayContaining(['NVO', 'NIP', 'BPSW', 'BCMB', 'Present 24x7']));
  });
});

describe('onderwijs (003 with the 2019 framework)', () => {
  const fw = getFramework('onderwijs');
  const step = (n: number) => fw.steps!.find((s) => s.step === n)!;

  it('is a signaller: teachers take step 1, the IB-er and director the following steps and the decision, parents are informed', () => {
    expect(fw.role).toBe('signaller');
    expect(step(1).takenBy).toEqual(['leerkracht']);
    for (const n of [2, 4, 5]) expect(step(n).takenBy).toEqual(['intern-begeleider', 'directeur']);
    expect(step(5).decidedBy).toEqual(['intern-begeleider', 'directeur']);
    expect(step(5).informed).toContain('ouders');
  });

  it('says which parts of 003 are superseded and why', () => {
    expect(fw.superseded!.map((s) => s.part.nl).join(' ')).toMatch(/óf melden/);
    for (const s of fw.superseded!) expect(s.source.document).toBe('003_d5d906c5fb01322a.txt');
  });

  it('in doubt about unsafety: the school is pointed to reporting, without a guessed decision', () => {
    const d = evaluate({ considerations: { suspicion: true } }, { ...DATE, framework: 'onderwijs' });
    expect(d.outcome).toBe('needs-input');
    expect(d.actions.map((a) => a.id)).toContain('report-when-in-doubt-about-unsafety');
    const basis = evaluate({ considerations: { suspicion: true } }, DATE);
    expect(basis.actions.map((a) => a.id)).not.toContain('report-when-in-doubt-about-unsafety');
  });
});

describe('artsen (KNMG)', () => {
  const fw = getFramework('artsen');
  const requirement = (id: string) => fw.steps!.flatMap((s) => (s.requirements ?? []).map((r) => ({ ...r, step: s.step }))).find((r) => r.id === id)!;

  it('requires Veilig Thuis advice in step 2, and excludes the Verwijsindex for dentists', () => {
    expect(requirement('advies-veilig-thuis')).toMatchObject({ step: 2, level: 'required' });
    expect(requirement('verwijsindex')).toMatchObject({ step: 3, level: 'not-applicable', appliesTo: { en: 'dentists and dental specialists' } });
  });

  it("uses the KNMG's labels for the five questions and lists what physicians record at step 5", () => {
    expect(fw.questionLabels!.map((l) => l.label.nl)).toEqual(['Vermoeden', 'Veiligheid', 'Hulp', 'Acceptatie', 'Resultaat']);
    expect(requirement('vastleggen-in-dossier').step).toBe(5);
    expect(requirement('redelijke-inspanning-bereiken').text.nl).toMatch(/enkele pogingen/);
  });

  it("keeps the KNMG's own example lists as an open item, not as invented rules", () => {
    expect(fw.openItems!.map((o) => o.id)).toContain('knmg-voorbeeldlijsten');
    expect(fw.rules).toBeUndefined();
    expect(fw.indicators.map((i) => i.code)).toEqual(getFramework('basismodel').indicators.map((i) => i.code));
  });

  it('uses the Jeugdwet/WGBO consent regime, as the social domain does (issue 14 finding 7); schools use privacy law', () => {
    expect(fw.consent!.regime).toBe('jeugdwet-wgbo-12');
    expect(getFramework('sociaal-domein').consent!.regime).toBe('jeugdwet-wgbo-12');
    expect(getFramework('onderwijs').consent!.regime).toBe('privacy-16');
  });
});
