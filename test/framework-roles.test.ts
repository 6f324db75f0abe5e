// Issue 14 finding 10: a framework's roles and its own step-5 requirements reach the decision as
// actions, each with its framework's source, and the user's role (`professional.role`) decides
// which of them are the user's: "you decide" or "put it to …" at step 5, a requirement for other
// roles left out, the Verwijsindex not offered to a dentist. Unknown, every role is named.
import { describe, expect, it } from 'vitest';
import { validateFramework } from '../src/authoring/index.js';
import { type CaseInput, evaluate, getFramework, listQuestions, MeldcodeInputError, nextQuestions, safeEvaluate } from '../src/index.js';
import { toQuestionnaire } from '../src/fhir/index.js';
import type { FrameworkId } from '../src/authoring/ids.js';

const DATE = { evaluationDate: '2026-11-23' };
const noUnsafety = { acute: false, structural: false, disclosure: false };
const ableToHelp = { canOffer: true, safetyPicture: true, history: true, fittingHelp: true };
const report: CaseInput = { considerations: { suspicion: true, unsafety: { acute: true } } };
const help: CaseInput = { considerations: { suspicion: true, unsafety: noUnsafety, help: ableToHelp, helpAccepted: true } };
const close: CaseInput = { considerations: { suspicion: false } };
const actions = (c: CaseInput, framework: FrameworkId) => evaluate(c, { ...DATE, framework }).actions;
const ids = (c: CaseInput, framework: FrameworkId) => actions(c, framework).map((a) => a.id);

describe('who decides at step 5 (onderwijs: 003 Stap 5 "altijd in overleg met IB-er en directeur van de school")', () => {
  it('a school’s decision names the intern begeleider and the director, citing the school meldcode', () => {
    const a = actions(report, 'onderwijs').find((x) => x.id === 'step-5-decided-by')!;
    expect(a.text).toContain('Intern begeleider (IB-er), Directeur');
    expect(a.source).toEqual(getFramework('onderwijs').steps!.find((s) => s.step === 5)!.source);
    expect(a.source.quote).toContain('IB-er en directeur');
    expect(ids(help, 'onderwijs')).toContain('step-5-decided-by');
  });

  it('not where the framework names nobody (basismodel, sociaal-domein: the organisation sets it, Bijlage 1c), and not on "no suspicion"', () => {
    expect(ids(report, 'basismodel')).not.toContain('step-5-decided-by');
    expect(ids(report, 'sociaal-domein')).not.toContain('step-5-decided-by');
    expect(ids(close, 'onderwijs')).not.toContain('step-5-decided-by');
  });
});

describe("a framework's own step-5 requirements", () => {
  it('onderwijs: the school informs the parents of the report; help comes from support staff, not the teacher (onderwijs-facts.md), naming the role', () => {
    expect(ids(report, 'onderwijs')).toEqual(expect.arrayContaining(['step-5-ouders-informeren-over-melding', 'step-5-hulp-niet-door-leerkracht']));
    const teacher = actions(help, 'onderwijs').find((a) => a.id === 'step-5-hulp-niet-door-leerkracht')!;
    expect(teacher.text).toMatch(/^Voor de rol Leerkracht: /);
    expect(teacher.source.document).toBe('onderwijs-facts.md');
  });

  it('artsen: inform those involved, make reasonable efforts to reach them, record in the patient file (knmg-artsen-facts.md)', () => {
    const list = actions(report, 'artsen');
    for (const id of ['step-5-betrokkenen-informeren', 'step-5-redelijke-inspanning-bereiken', 'step-5-vastleggen-in-dossier']) {
      expect(list.find((a) => a.id === id)?.source.document, id).toBe('knmg-artsen-facts.md');
    }
  });

  it('only once the afwegingskader advises (a report, or help offered): not while afweging 2 is open, not on a close', () => {
    expect(ids({ considerations: { suspicion: true } }, 'artsen').filter((id) => id.startsWith('step-5-'))).toEqual([]);
    expect(ids(close, 'artsen').filter((id) => id.startsWith('step-5-'))).toEqual([]);
  });

  it('the floor’s requirements are not repeated, and a requirement that does not apply is no action (artsen: the Verwijsindex for dentists)', () => {
    expect(ids(report, 'artsen')).not.toContain('step-5-advies-veilig-thuis');
    expect(ids(report, 'artsen').filter((id) => id.includes('verwijsindex'))).toEqual([]);
    const vir = getFramework('artsen').steps!.flatMap((s) => s.requirements ?? []).find((r) => r.id === 'verwijsindex')!;
    expect(vir).toMatchObject({ level: 'not-applicable', roles: ['tandarts'] });
  });
});

describe('the format: a requirement names the roles it applies to', () => {
  it('a role a requirement names must be declared under roles', () => {
    const base = structuredClone(getFramework('artsen')) as unknown as { id: string; steps: { requirements?: { roles?: string[] }[] }[] };
    base.id = 'artsen-anders';
    base.steps.find((s) => s.requirements?.some((r) => r.roles))!.requirements!.find((r) => r.roles)!.roles = ['mondhygienist'];
    const result = validateFramework(base);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.message.en).join()).toContain('unknown role "mondhygienist"');
  });
});

const as = (c: CaseInput, role: string): CaseInput => ({ ...c, professional: { role } });

describe('the user\u2019s role (professional.role, 000 Bijlage 1c)', () => {
  it('a school\u2019s IB-er or director is told they decide; a teacher to put it to them; unknown, both are named', () => {
    const decided = (role?: string) => actions(role ? as(report, role) : report, 'onderwijs').filter((a) => a.id === 'step-5-decided-by');
    for (const role of ['intern-begeleider', 'directeur']) {
      expect(decided(role).map((a) => a.text), role).toEqual([expect.stringMatching(/^U beslist over de melding \(stap 5\)/)]);
    }
    expect(decided('leerkracht').map((a) => a.text)).toEqual([expect.stringMatching(/^Over de melding \(stap 5\) beslist u niet zelf: leg uw afweging voor aan Intern begeleider \(IB-er\), Directeur/)]);
    expect(decided().map((a) => a.text)).toEqual([expect.stringMatching(/^Over de melding \(stap 5\) beslissen in dit afwegingskader/)]);
    // The rule that held is in the trail, with the role it read.
    const entry = evaluate(as(report, 'leerkracht'), { ...DATE, framework: 'onderwijs' }).trail.find((e) => e.ruleId === 'rol-stap-5-voorleggen')!;
    expect(entry.outcome).toBe(true);
    expect(entry.facts.filter((f) => f.fact === 'professional.role').map((f) => [f.operator, f.value])).toEqual([['known', 'leerkracht'], ['notIn', 'leerkracht']]);
  });

  it('a requirement for some roles: for the teacher "your role", for the others left out, unknown named', () => {
    const teacher = (c: CaseInput) => actions(c, 'onderwijs').filter((a) => a.id === 'step-5-hulp-niet-door-leerkracht');
    expect(teacher(as(help, 'leerkracht')).map((a) => a.text)).toEqual([expect.stringMatching(/^Voor uw rol \(Leerkracht\): /)]);
    expect(teacher(as(help, 'intern-begeleider'))).toEqual([]);
    expect(teacher(help).map((a) => a.text)).toEqual([expect.stringMatching(/^Voor de rol Leerkracht: /)]);
  });

  it('a dentist is not told to consider the Verwijsindex (KNMG: dentists may not report there); a physician is', () => {
    const connected: CaseInput = { ...report, client: { age: 9 }, steps: { verwijsindexConnected: true } };
    expect(ids(as(connected, 'arts'), 'artsen')).toContain('consider-verwijsindex');
    expect(ids(connected, 'artsen')).toContain('consider-verwijsindex');
    expect(ids(as(connected, 'tandarts'), 'artsen')).not.toContain('consider-verwijsindex');
  });

  it('the role never changes a norm, the outcome or the open questions', () => {
    const frameworks: [FrameworkId, string[]][] = [['onderwijs', ['leerkracht', 'intern-begeleider', 'directeur', 'aandachtsfunctionaris']], ['artsen', ['arts', 'tandarts']], ['sociaal-domein', ['beroepskracht', 'aandachtsfunctionaris']]];
    for (const [framework, roles] of frameworks) {
      for (const c of [report, help, close, { considerations: { suspicion: true } }] as CaseInput[]) {
        const without = evaluate(c, { ...DATE, framework });
        for (const role of roles) {
          const d = evaluate(as(c, role), { ...DATE, framework });
          expect([d.outcome, d.report, d.help, d.nextQuestions], `${framework} ${role}`).toEqual([without.outcome, without.report, without.help, without.nextQuestions]);
        }
      }
    }
  });

  it('a role the framework does not have is an input issue naming its roles (never silently ignored)', () => {
    const issues = (c: CaseInput, framework: FrameworkId) => {
      const r = safeEvaluate(c, { ...DATE, framework });
      return r.ok ? [] : r.error.issues.filter((i) => i.code === 'unknown-role');
    };
    expect(issues(as(report, 'tandarts'), 'onderwijs')).toEqual([expect.objectContaining({ path: ['professional', 'role'], message: expect.objectContaining({ en: expect.stringContaining('its roles: leerkracht, intern-begeleider, directeur, aandachtsfunctionaris') }) })]);
    // The parents are informed in the school's steps; they are no role of the user's.
    expect(issues(as(report, 'ouders'), 'onderwijs')).toHaveLength(1);
    expect(issues(as(report, 'leerkracht'), 'basismodel')[0]?.message.en).toContain('this framework names no roles');
    expect(() => evaluate(as(report, 'arts'), { ...DATE, framework: 'basismodel' })).toThrow(MeldcodeInputError);
  });

  it('is a question of the catalogue, with the framework\u2019s roles as options and their names as labels (not in basismodel)', () => {
    const q = listQuestions('onderwijs').find((x) => x.id === 'professional.role')!;
    expect(q).toMatchObject({ answer: 'choice', options: ['leerkracht', 'intern-begeleider', 'directeur', 'aandachtsfunctionaris'], module: 'afwegingskader' });
    expect(q.optionLabels?.['intern-begeleider']?.nl).toBe('Intern begeleider (IB-er)');
    expect(listQuestions('basismodel').some((x) => x.id === 'professional.role')).toBe(false);
    // Asked in a form, never an open question that holds up the decision.
    expect(nextQuestions(report, 'onderwijs').some((x) => x.id === 'professional.role')).toBe(false);
    const item = toQuestionnaire('artsen').item!.flatMap(function walk(i): { linkId: string; answerOption?: { valueCoding?: { code?: string; display?: string } }[] }[] {
      return [i, ...((i as { item?: typeof i[] }).item ?? []).flatMap(walk)];
    }).find((i) => i.linkId === 'professional.role')!;
    expect(item.answerOption!.map((o) => [o.valueCoding?.code, o.valueCoding?.display])).toEqual([['arts', 'Arts'], ['tandarts', 'Tandarts of tandarts-specialist']]);
  });
});
