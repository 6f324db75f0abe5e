// The consent module inside evaluate(): the conversation plan beside the step-5 decisions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseInput, evaluate } from '../src/index.js';
import { precedenceRules } from '../src/decision/precedence.js';
import { loadExamples } from '../scripts/load-examples.js';
import { thrown } from './support/throws.js';
import { fullCaseArbitrary, KIT_EVALUATION_DATE } from '../src/testing/index.js';

const DATE = { evaluationDate: '2026-11-23' };
const example = (id: string) => loadExamples().find((e) => e.id.startsWith(id))!.case as CaseInput;

describe('the conversation plan in evaluate()', () => {
  it('a 14-year-old at home: the client and/or the parents, and also the parents; a notice', () => {
    const d = evaluate(example('18-'), DATE);
    expect(d.conversation?.age).toMatchObject({ years: 14, band: '12-15' });
    expect(d.conversation?.conversationWith.map((p) => p.party)).toEqual(expect.arrayContaining(['client', 'parents']));
    expect(d.conversation?.mode).toBe('notice');
    expect(d.trail.some((e) => e.module === 'consent')).toBe(true);
  });

  it('a wilsonbekwaam victim whose representative may be the perpetrator: another suitable representative', () => {
    const d = evaluate(example('19-'), DATE);
    const parties = d.conversation?.conversationWith.map((p) => p.party);
    expect(parties).toContain('other-representative');
    expect(parties).not.toContain('legal-representative');
  });

  it('a considered objection without serious danger, every FAQ 004 condition answered: the report is set aside, help with monitoring', () => {
    const d = evaluate(example('20-'), DATE);
    expect(d.outcome).toBe('help');
    expect(d.report).toMatchObject({ necessary: false, norms: [1], objection: { regime: 'faq-004', effect: 'sets-report-aside' } });
    expect(d.conversation?.objection.reportDespiteObjection).toBe(false);
    const aside = precedenceRules.find((r) => r.id === 'objection-sets-report-aside')!;
    expect(d.actions.filter((a) => a.ruleId === aside.id).map((a) => a.id)).toEqual(['keep-offering-help', 'monitor-safety', 'record-objection-and-weighing']);
    // The same case under the weighing of sociaal-domein: norm 1 stands whatever the objection (DESIGN §7).
    const social = evaluate(example('20-'), { ...DATE, framework: 'sociaal-domein' });
    expect(social.outcome).toBe('report');
    expect(social.conversation?.objection.status).toBe('notice-norm-1');
  });

  // Issue 14 finding 4. 004 §Wat als het slachtoffer wilsonbekwaam is?: "Is het slachtoffer
  // wilsonbekwaam, overleg dan met de wettelijk vertegenwoordiger over de wens van de cliënt op dit
  // punt, tenzij deze mogelijk zelf de pleger is. In dat geval moet worden gezocht naar een andere
  // geschikte vertegenwoordiger."
  it('wilsonbekwaam: consent goes through the legal representative, or another suitable one, and a considered objection needs capacity', () => {
    expect(evaluate(example('19-'), DATE).conversation?.consentFrom).toBe('other-representative');
    const client = { age: 40, role: 'victim', lacksCapacity: true } as const;
    const c = (legalRepresentative: { present?: boolean; possiblyPerpetrator?: boolean }) =>
      evaluate({ client: { ...client, legalRepresentative }, considerations: { suspicion: true, unsafety: { structural: true } } }, DATE).conversation!;
    expect(c({ present: true, possiblyPerpetrator: false }).consentFrom).toBe('legal-representative');
    expect(c({ present: true, possiblyPerpetrator: true }).consentFrom).toBe('other-representative');
    const none = c({ present: false });
    expect(none.consentFrom).toBeNull();
    expect(none.consentFromOpen?.id).toBe('consent-no-representative');
    expect(c({}).consentFromOpen?.id).toBe('consent-representative-open');
    // With capacity, the client.
    expect(evaluate({ client: { age: 40, lacksCapacity: false }, considerations: { suspicion: true } }, DATE).conversation?.consentFrom).toBe('client');
  });

  it('the same objection with children at home: always report', () => {
    const d = evaluate(example('21-'), DATE);
    expect(d.conversation?.alwaysReport).toBe(true);
    expect(d.conversation?.objection.reportDespiteObjection).toBe(true);
    expect(d.outcome).toBe('report');
  });

  it('out of scope: no conversation plan', () => {
    const d = evaluate(example('12-'), DATE);
    expect(d.outcome).toBe('out-of-scope');
    expect(d.conversation).toBeNull();
  });

  it('property: with the always-report group and acute or structural unsafety, no objection stops the report', () => {
    const objection = fc.record(
      {
        raised: fc.boolean(),
        canBeMet: fc.boolean(),
        consideredAndFree: fc.boolean(),
        drivenByDependencyOrFear: fc.boolean(),
        seriousDanger: fc.boolean(),
        protectionPrevails: fc.boolean(),
        domesticViolenceAdultVictim: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    const group = fc.constantFrom<CaseInput['client']>(
      { age: 15 },
      { age: 30, pregnant: true },
      { age: 30, caresForMinor: true },
      { age: 40, caresForCareDependentAdult: true },
    );
    const unsafety = fc.constantFrom({ acute: true }, { structural: true }, { disclosure: true });
    fc.assert(
      fc.property(group, unsafety, objection, (client, u, obj) => {
        const d = evaluate({ client, considerations: { suspicion: true, unsafety: u }, objection: obj }, DATE);
        expect(d.outcome === 'report' || d.outcome === 'report-and-help').toBe(true);
        expect(d.conversation?.alwaysReport).toBe(true);
        expect(d.conversation?.objection.reportDespiteObjection).not.toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});

describe('evaluateWith: one framework, no registry', () => {
  it('evaluates with the framework given, and rejects a case naming another', async () => {
    const { evaluateWith, getFramework } = await import('../src/index.js');
    const artsen = getFramework('artsen');
    const d = evaluateWith(artsen, { considerations: { suspicion: false } }, DATE);
    expect(d.receipt.framework.id).toBe('artsen');
    const error = thrown(() => evaluateWith(artsen, { framework: 'basismodel' }));
    expect((error as { issues: { code: string }[] }).issues[0]!.code).toBe('framework-mismatch');
  });
});

describe('the consent regime is the framework’s', () => {
  // Issue 14 finding 7. 000 §3.2 NB 1: "De Jeugdwet en de Wet inzake de geneeskundige
  // behandelingsovereenkomst (Wgbo) geven een cliënt dit recht, zelfs al vanaf zijn 12e jaar."
  it('sociaal-domein (Jeugdwet and WGBO): a 14-year-old consents; onderwijs (privacy law): the parents; basismodel sets no regime and says so', () => {
    const c = { client: { age: 14 }, considerations: { suspicion: true, unsafety: { structural: true } } };
    const social = evaluate({ ...c, framework: 'sociaal-domein' }, DATE);
    expect(social.conversation?.regime).toBe('jeugdwet-wgbo-12');
    expect(social.conversation?.consentFrom).toBe('client');
    expect(social.conversation?.consentFromOpen).toBeNull();
    const school = evaluate({ ...c, framework: 'onderwijs' }, DATE);
    expect(school.conversation?.regime).toBe('privacy-16');
    expect(school.conversation?.consentFrom).toBe('parents');
    const basis = evaluate(c, DATE);
    expect(basis.conversation?.regime).toBeNull();
    expect(basis.conversation?.consentFrom).toBeNull();
    expect(basis.conversation?.consentFromOpen).toMatchObject({ id: 'consent-regime-open', source: { section: '3.2 Inhoud en doel van het beroepsgeheim › Vragen van toestemming' } });
    expect(basis.conversation?.consentFromOpen?.text).toMatch(/Jeugdwet\/WGBO/);
  });

  it('a consentFrom of null is always explained (property over every framework)', () => {
    for (const framework of ['basismodel', 'sociaal-domein', 'onderwijs', 'artsen'] as const) {
      const sample = fc.sample(fullCaseArbitrary(framework), { numRuns: 300, seed: 11 });
      for (const kase of sample) {
        const d = evaluate(kase, { framework, evaluationDate: KIT_EVALUATION_DATE });
        if (!d.conversation) continue;
        expect(d.conversation.consentFrom === null).toBe(d.conversation.consentFromOpen !== null);
      }
    }
  });
});
