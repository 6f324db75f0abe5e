// Issue 15 item 1: the childcare framework (`kinderopvang`, the Protocol kindermishandeling en
// grensoverschrijdend gedrag voor de kinderopvang of BOinK, BK and BMK, 2018, amended June 2024),
// encoded from our fact note docs/sources/kinderopvang.md and the shared kinderopvang-facts.md:
// route 1 on the floor with its roles (the designated officer advises; the childminder decides),
// route 2 as the scope check's route for childcare (DESIGN §6.1), and what the sources do not settle
// (the five questions, examples, vignettes, route 3, who decides in a kindercentrum, consent) as open
// items. Each golden case names the fact of the note it rests on: the sources give no vignettes.
import { describe, expect, it } from 'vitest';
import { type CaseInput, evaluate, getFramework, listFrameworks, MeldcodeInputError } from '../src/index.js';
import { userRoles } from '../src/frameworks/framework.js';
import { kinderopvang } from '../src/frameworks/kinderopvang/index.js';
import { checkFramework } from '../src/testing/index.js';
import { sourceEntry } from '../src/sources/sources.js';
import { citationProblem, factNoteCitations } from './support/sources.js';
import { thrown } from './support/throws.js';

const DATE = { evaluationDate: '2026-11-23' };
const NOTE = 'docs/sources/kinderopvang.md';
const H = 'Childcare: the BOinK protocol (Protocol kindermishandeling en grensoverschrijdend gedrag voor de kinderopvang)';
const fw = getFramework('kinderopvang');
const withRole = (c: object, role?: string): CaseInput => ({ ...c, framework: 'kinderopvang', ...(role ? { professional: { role } } : {}) }) as CaseInput;
const run = (c: object, role?: string) => evaluate(withRole(c, role), DATE);
const ids = (d: { actions: { id: string }[] }) => d.actions.map((a) => a.id);
/** A child of four in day care, with a suspicion of abuse at home and acute unsafety (route 1). */
const acuteAtHome = { client: { age: 4 }, considerations: { suspicion: true, unsafety: { acute: true } } };

describe('kinderopvang: its sources', () => {
  it('every citation of the fact note holds in the note: heading path and quote (checked without ../shared/sources)', () => {
    const { count, problems } = factNoteCitations(fw, NOTE);
    expect(count).toBeGreaterThanOrEqual(15);
    expect(problems).toEqual([]);
  });

  it('a miscited heading or quote fails', () => {
    const good = fw.steps!.find((s) => s.step === 5)!.requirements![0]!.source;
    expect(citationProblem(good)).toBeUndefined();
    expect(citationProblem({ ...good, section: `${H} › Facts › Route 2: a staff member or the houder as suspect` })).toMatch(/quote not under/);
    expect(citationProblem({ ...good, section: `${H} › Facts › Who decides in a kindercentrum` })).toMatch(/heading "Who decides in a kindercentrum" not found/);
    expect(citationProblem({ ...good, quote: 'The houder decides on the report in a kindercentrum.' })).toMatch(/quote not found in docs\/sources\/kinderopvang\.md/);
  });

  it('the catalogue names the note by title; the framework reads as the published protocol (2018, amended 2024)', () => {
    expect(sourceEntry(NOTE)).toMatchObject({ kind: 'facts', publisher: 'meldcode-project', titleEn: H, basedOn: { publisher: 'BOinK', year: 2018 } });
    expect(fw.source).toMatchObject({ document: NOTE, title: "Protocol 'kindermishandeling en grensoverschrijdend gedrag' voor de kinderopvang", version: '2018, aangepast juni 2024' });
    expect(fw.publishers).toEqual(['BOinK', 'BK', 'BMK']);
  });
});

describe('kinderopvang: the framework', () => {
  it('is shipped: listed as encoded for the childcare cluster, the module exports the document the registry serves, and it keeps every floor invariant', () => {
    expect(listFrameworks().find((f) => f.id === 'kinderopvang')).toMatchObject({ status: 'encoded', role: 'helper', clusters: ['kinderopvang'] });
    expect(listFrameworks({ notYetEncoded: true }).filter((f) => f.id === 'kinderopvang').map((f) => f.status)).toEqual(['encoded']);
    expect(getFramework('kinderopvang')).toEqual(kinderopvang);
    const check = checkFramework('kinderopvang', { numRuns: 20, seed: 20261202 });
    expect(check.ok, check.ok ? '' : check.error).toBe(true);
  });

  it("has the floor with the Basisdocument's example lists, no rules of its own, and what the sources do not settle as open items", () => {
    expect(fw.indicators).toEqual(getFramework('basismodel').indicators);
    expect(fw.rules).toBeUndefined();
    // Not found: the protocol's consent and objection regime (note "Not found"), so the floor's, not basismodel's FAQ 004 regime.
    expect(fw.consent).toBeUndefined();
    expect(fw.objectionRegime).toBeUndefined();
    expect(fw.openItems!.map((o) => o.id)).toEqual(['protocol-tekst-vijf-vragen', 'wie-beslist-kindercentrum', 'route-2-medewerker-of-houder', 'route-3-tussen-kinderen', 'toestemming-en-bezwaar']);
    expect(fw.examples).toBeUndefined();
    expect(fw.guidingQuestions).toBeUndefined();
  });

  it('its user roles are the pedagogical employee (step 1), the childminder (step 5) and the designated officer; another role is refused', () => {
    expect(userRoles(fw).map((r) => r.id)).toEqual(['pedagogisch-medewerker', 'gastouder', 'aandachtsfunctionaris']);
    expect(fw.steps!.find((s) => s.step === 1)!.takenBy).toEqual(['pedagogisch-medewerker']);
    expect(fw.designatedOfficer).toMatchObject({ role: 'aandachtsfunctionaris', source: { section: `${H} › Facts › Route 1: the home situation` } });
    // Nobody is named as deciding for a whole kindercentrum: the sources name the childminder only (open item).
    expect(fw.steps!.some((s) => s.decidedBy)).toBe(false);
    const error = thrown(() => run({}, 'houder')) as MeldcodeInputError;
    expect(error).toBeInstanceOf(MeldcodeInputError);
    expect(error.issues[0]!.message.en).toMatch(/unknown role "houder".*pedagogisch-medewerker, gastouder, aandachtsfunctionaris/);
  });
});

describe('kinderopvang: golden cases from the fact note (no vignettes are public)', () => {
  it('route 1, acute unsafety at home: report under norm 1, for every role and with none (note › The protocol, facts 2 and 5; the floor, 001 Hoofdstuk 3 › Afweging 2)', () => {
    for (const role of [undefined, 'pedagogisch-medewerker', 'gastouder', 'aandachtsfunctionaris']) {
      const d = run(acuteAtHome, role);
      expect(d.outcome, role).toBe('report');
      expect(d.report, role).toMatchObject({ necessary: true, norms: [1] });
      expect(d.receipt.framework).toMatchObject({ id: 'kinderopvang', shipped: true });
    }
  });

  it('route 1, no parental consent is needed: the conversation with the parents is a notice, and the report stands whatever their objection (note › Route 1: the home situation, facts 7, 8 and 10; 004 "Wat als de cliënt bezwaren heeft?")', () => {
    const d = run({ ...acuteAtHome, objection: { raised: true } });
    expect(d.outcome).toBe('report');
    expect(d.report.necessary).toBe(true);
    expect(d.conversation).toMatchObject({ mode: 'notice', consentFrom: 'parents', alwaysReport: true, objection: { reportDespiteObjection: true } });
    expect(d.conversation!.conversationWith.find((p) => p.party === 'parents')).toMatchObject({ basis: 'required' });
    // The protocol's own objection regime was not found: the floor's weighing, marked as not settled.
    expect(d.conversation!.objectionRegime).toEqual({ regime: 'weighing', settled: false });
  });

  it('route 1, the childminder decides on the report (note › Who decides on the report, fact 11): told so as the childminder, shown for the role when no role is given, not told to others', () => {
    const step5 = (role?: string) => run(acuteAtHome, role).actions.filter((a) => a.id === 'step-5-gastouder-beslist-over-melding');
    expect(step5('gastouder').map((a) => a.text)).toEqual([expect.stringMatching(/^Voor uw rol \(Gastouder\): Als gastouder bent u eindverantwoordelijk/)]);
    expect(step5().map((a) => a.text)).toEqual([expect.stringMatching(/^Voor de rol Gastouder: /)]);
    for (const role of ['pedagogisch-medewerker', 'aandachtsfunctionaris']) expect(step5(role), role).toEqual([]);
    expect(step5('gastouder')[0]!.source).toMatchObject({ document: NOTE, section: `${H} › Facts › Who decides on the report` });
    // Only once the afwegingskader advises: not on a case still open.
    expect(ids(run({ considerations: { suspicion: true } }, 'gastouder'))).not.toContain('step-5-gastouder-beslist-over-melding');
  });

  it('route 1, an answer missing is never a no: a suspicion with unsafety unanswered asks afweging 2, never closes (DESIGN §4)', () => {
    const d = run({ client: { age: 4 }, considerations: { suspicion: true } }, 'pedagogisch-medewerker');
    expect(d.outcome).toBe('needs-input');
    expect(d.report.necessary).toBeNull();
    expect(d.nextQuestions.map((q) => q.id)).toEqual(expect.arrayContaining(['considerations.unsafety.acute', 'considerations.unsafety.structural']));
  });

  const professional = { perpetratorIsProfessional: true, perpetratorOrganisation: 'own', perpetratorIsRelative: false };

  it("route 2, an employee or the houder suspected of a violent or sexual offence against a child: the scope check's childcare route, out of the meldcode, to the houder and the vertrouwensinspecteur (note › Route 2: a staff member or the houder as suspect, facts 13-15; kinderopvang-facts.md; DESIGN §6.1)", () => {
    const d = run({ scope: { ...professional, setting: 'childcare' }, considerations: { suspicion: true, unsafety: { acute: true } } });
    expect(d.outcome).toBe('out-of-scope');
    expect(d.report.necessary).toBeNull();
    expect(d.scope.status).toBe('out-of-scope');
    expect(ids(d)).toContain('childcare-inform-houder');
    expect(d.actions.find((a) => a.id === 'childcare-inform-houder')!.text).toMatch(/vertrouwensinspecteur.*Is de houder zelf de verdachte, dan doet de medewerker aangifte/);
    // The framework does not decide it: the same case under basismodel routes the same way.
    expect(evaluate({ ...withRole({ scope: { ...professional, setting: 'childcare' } }), framework: 'basismodel' } as CaseInput, DATE).outcome).toBe('out-of-scope');
  });

  it('route 2 with the sector unanswered: out of the meldcode, and the setting is asked for its route, never assumed to be childcare (the scope check; the framework cannot set it)', () => {
    const d = run({ scope: professional, considerations: { suspicion: true } });
    expect(d.scope.status).toBe('out-of-scope');
    expect([...d.nextQuestions, ...d.scope.nextQuestions].map((q) => q.id)).toContain('scope.setting');
    expect(ids(d)).not.toContain('childcare-inform-houder');
  });

  it("route 3, behaviour between children: the scope check's route for violence between clients (000 Bijlage 1b › Signalen van geweld tussen cliënten of tussen leerlingen); the protocol's own steps are an open item (note › Route 3: between children, fact 16)", () => {
    const d = run({ scope: { betweenClients: true, clientsArePartners: false, clientsAreFamily: false }, considerations: { suspicion: true } });
    expect(d.outcome).toBe('out-of-scope');
    expect(d.scope.route).toBe('between-clients');
    expect(ids(d)).toContain('report-to-manager-board-inspectorate');
    expect(fw.openItems!.find((o) => o.id === 'route-3-tussen-kinderen')!.source).toMatchObject({ document: NOTE, section: `${H} › Not found (so not encoded)` });
  });
});
