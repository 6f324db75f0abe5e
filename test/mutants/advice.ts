// Hand-written golden cases for the mutation analysis (`npm run mutate`), each from its source; the
// readable tests of the same behaviour are in test/mutants-advice.test.ts. Pinned cases that the
// analysis generated are in golden.json (ids `pin/…`).
import type { CaseInput, Framework } from '../../src/index.js';
import type { GoldenCase } from '../../src/testing/index.js';
import { loadExamples } from '../../scripts/load-examples.js';

/** examples/20: a considered and free objection of an adult victim, every condition of the FAQ 004 exception answered. */
export const exceptionCase = loadExamples().find((e) => e.id.startsWith('20-'))!.case as CaseInput;

export function edited(path: string, change: (parent: Record<string, unknown>, key: string) => void): CaseInput {
  const c = structuredClone(exceptionCase) as Record<string, unknown>;
  const keys = path.split('.');
  let node = c;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  change(node, keys.at(-1)!);
  return c as CaseInput;
}

const open = { outcome: 'needs-input', 'report.necessary': null, 'report.norms': [1], 'report.objection': 'awaits-answers' };
const reports = { outcome: 'report', 'report.necessary': true };
/**
 * DESIGN §6.5 (FAQ 004): the exception sets the report aside only when every condition is
 * answered; serious danger unknown reports; another condition unknown asks for it. Answered the
 * other way, a condition of the always-report group or of the exception reports; honour-based
 * violence, forced marriage, FGM or dependence on the suspect need a recorded reason first.
 */
const unanswered: [string, Record<string, unknown>][] = [
  ['client.age', open], ['client.caresForMinor', open], ['client.pregnant', open], ['client.caresForCareDependentAdult', open],
  ['client.lacksCapacity', open], ['forms.honourBasedViolence', open], ['forms.forcedMarriage', open], ['forms.fgm', open],
  ['steps.colleagueConsulted', open], ['steps.veiligThuisAdviceAsked', open], ['objection.domesticViolenceAdultVictim', open],
  ['objection.minorInvolved', open], ['objection.othersAtRisk', open], ['objection.consideredAndFree', open],
  ['objection.drivenByDependencyOrFear', open], ['objection.dependsOnSuspectForCare', open], ['objection.seriousDanger', reports],
];
const needsReason = { outcome: 'needs-input', 'report.necessary': null };
const otherWay: [string, Record<string, unknown>][] = [
  ['client.caresForMinor', reports], ['client.pregnant', reports], ['client.caresForCareDependentAdult', reports], ['client.lacksCapacity', reports],
  ['forms.honourBasedViolence', needsReason], ['forms.forcedMarriage', needsReason], ['forms.fgm', needsReason],
  ['steps.colleagueConsulted', reports], ['steps.veiligThuisAdviceAsked', reports], ['objection.domesticViolenceAdultVictim', reports],
  ['objection.minorInvolved', reports], ['objection.othersAtRisk', reports], ['objection.consideredAndFree', reports],
  ['objection.drivenByDependencyOrFear', reports], ['objection.dependsOnSuspectForCare', needsReason], ['objection.seriousDanger', reports],
];

const noForms = { fgm: false, honourBasedViolence: false, forcedMarriage: false, sexualAbuse: false, elderAbuse: false, partnerStalking: false };
const consultExperts = (forms: Record<string, boolean>, held?: boolean): CaseInput =>
  ({ considerations: { suspicion: true }, forms, ...(held ? { steps: { conversationHeld: true } } : {}) }) as CaseInput;

/** The golden cases, for basismodel (the FAQ 004 regime). */
export const adviceGolden: GoldenCase[] = [
  { id: 'advice/faq-004-exception-met', case: exceptionCase, expect: { outcome: 'help', 'report.necessary': false, 'report.norms': [1] } },
  ...unanswered.map(([path, expect]): GoldenCase => ({ id: `advice/faq-004-unanswered/${path}`, case: edited(path, (n, k) => delete n[k]), expect })),
  ...otherWay.map(([path, expect]): GoldenCase => ({ id: `advice/faq-004-other-way/${path}`, case: edited(path, (n, k) => (n[k] = !n[k])), expect })),
  // FAQ 004 reads "minderjarig": the exception holds for a victim of 18, not of 17 (a minor always reports; age bands are exact, DESIGN §7).
  { id: 'advice/faq-004-age-18', case: edited('client.age', (n, k) => (n[k] = 18)), expect: { outcome: 'help', 'report.necessary': false } },
  { id: 'advice/faq-004-age-17', case: edited('client.age', (n, k) => (n[k] = 17)), expect: { outcome: 'report', 'report.necessary': true } },
  // 000 §Stap 3: consult experts before the conversation for these three forms, until it is held.
  { id: 'advice/experts/none', case: consultExperts(noForms), evaluationDate: '2026-11-23', expect: { actions: ['ask-veilig-thuis-advice', 'step-4-doubt-ask-veilig-thuis'] } },
  ...['honourBasedViolence', 'forcedMarriage', 'fgm'].flatMap((form): GoldenCase[] => [
    {
      id: `advice/experts/${form}`,
      case: consultExperts({ ...noForms, [form]: true, inHouseExpertise: false }),
      evaluationDate: '2026-11-23',
      expect: { actions: ['ask-veilig-thuis-advice', 'specific-form-ask-veilig-thuis-first', 'consult-experts-before-conversation', 'step-4-doubt-ask-veilig-thuis'] },
    },
    {
      id: `advice/experts/${form}-held`,
      case: consultExperts({ ...noForms, [form]: true, inHouseExpertise: false }, true),
      evaluationDate: '2026-11-23',
      expect: { actions: ['ask-veilig-thuis-advice', 'specific-form-ask-veilig-thuis-first', 'step-4-doubt-ask-veilig-thuis'] },
    },
  ]),
];

/**
 * One case per indicator of a shipped framework, pinning its kind (DESIGN §6.3, 000 Bijlage 2):
 * an acute example reports under norm 1 even beside a disclosure about the past with the victim
 * safe now; a disclosure indicator about the past, the victim safe now, leaves afweging 2 to the
 * professional; a structural indicator answered yes beside a direct "no" to structural unsafety is
 * a contradiction the professional must reconcile.
 */
export function indicatorGolden(framework: Framework): GoldenCase[] {
  return framework.indicators.flatMap((i): GoldenCase[] => {
    const id = `advice/indicator-kind/${framework.id}/${i.code}`;
    const past = { suspicion: true, disclosurePastAndSafeNow: true, indicators: { [i.code]: true } };
    if (i.kind === 'acute') return [{ id, case: { considerations: past } as CaseInput, expect: { 'report.necessary': true, 'report.norms': [1] } }];
    if (i.kind === 'disclosure') return [{ id, case: { considerations: past } as CaseInput, expect: { outcome: 'needs-input', 'report.necessary': null } }];
    if (i.kind === 'structural') {
      const c = { considerations: { suspicion: true, unsafety: { structural: false }, indicators: { [i.code]: true } } } as CaseInput;
      return [{ id, case: c, expect: { inputErrors: [`considerations.indicators.${i.code} contradiction`] } }];
    }
    return [];
  });
}

const adult = { age: 35, caresForMinor: false, pregnant: false, caresForCareDependentAdult: false, lacksCapacity: false };
const noUnsafety = { suspicion: true, unsafety: { acute: false, structural: false, disclosure: false } };
const acuteUnsafety = { suspicion: true, unsafety: { acute: true } };
const objection = (rest: Record<string, unknown>) => ({ raised: true, canBeMet: false, ...rest });

/**
 * The weighing of an objection, for a framework whose objection regime is not FAQ 004's exception
 * (`sociaal-domein`: 000 §3.3 Conflict van plichten; `artsen` and `onderwijs`: their sources do not
 * settle it, so the weighing applies, marked as not settled). An adult client outside the
 * always-report group (FAQ 004 "Moet ik altijd melden?"):
 * - an objection that can be met is met first (004 "Wat als de cliënt bezwaren heeft?");
 * - one that cannot is weighed against the need to protect (same heading): afweging 2 no and
 *   protection not prevailing leaves the objection standing; protection prevailing reports (000
 *   Bijlage 1b Stap 5, "Melden en bespreken met de cliënt"); the weighing unanswered asks it;
 * - with acute or structural unsafety the conversation is a notice (004 "Bespreek ik dat ik ga
 *   melden met de cliënt?"); the professional who weighs the objection heavier there is told to
 *   ask Veilig Thuis (004 "Toepassen"); afweging 2 unanswered asks it first;
 * - a minor with acute unsafety always reports, whatever the objection (FAQ 004).
 * The actions are not pinned here (other modules add theirs); the consent trail of each case is, in
 * test/mutants/trails.json, and test/mutants-weighing.test.ts checks the Veilig Thuis advice.
 */
export function weighingGolden(framework: string): GoldenCase[] {
  const g = (id: string, c: Record<string, unknown>, expect: Record<string, unknown>): GoldenCase => ({ id: `advice/weighing/${framework}/${id}`, case: c as CaseInput, evaluationDate: '2026-11-23', expect });
  return [
    g('met', { client: adult, considerations: noUnsafety, objection: { raised: true, canBeMet: true, protectionPrevails: false } }, { 'conversation.objection': 'objection-met' }),
    g('prevails', { client: adult, considerations: noUnsafety, objection: objection({ protectionPrevails: false }) }, { 'conversation.objection': 'objection-prevails' }),
    g('protection-prevails', { client: adult, considerations: noUnsafety, objection: objection({ protectionPrevails: true }) }, { 'conversation.objection': 'protection-prevails' }),
    g('weighing-open', { client: adult, considerations: noUnsafety, objection: objection({}) }, { 'conversation.objection': 'open' }),
    g('norm-1-weighed', { client: adult, considerations: acuteUnsafety, objection: objection({ protectionPrevails: false }) }, { outcome: 'report', 'report.necessary': true, 'conversation.objection': 'notice-norm-1' }),
    g('norm-1', { client: adult, considerations: acuteUnsafety, objection: objection({}) }, { outcome: 'report', 'report.necessary': true, 'conversation.objection': 'notice-norm-1' }),
    g('unsafety-open', { client: adult, considerations: { suspicion: true }, objection: objection({ protectionPrevails: false }) }, { 'conversation.objection': 'open' }),
    g('minor-always-reports', { client: { ...adult, age: 15 }, considerations: acuteUnsafety, objection: objection({ protectionPrevails: false }) }, { outcome: 'report', 'report.necessary': true, 'conversation.objection': 'always-report' }),
    g('no-objection', { client: adult, considerations: noUnsafety, objection: { raised: false, protectionPrevails: false } }, { 'conversation.objection': 'no-objection' }),
    // The objection's status comes from one rule only: one that can be met, or none raised, is never weighed, not even with norm 1.
    g('met-norm-1', { client: adult, considerations: acuteUnsafety, objection: { raised: true, canBeMet: true, protectionPrevails: false } }, { 'conversation.objection': 'objection-met' }),
    g('no-objection-norm-1', { client: adult, considerations: acuteUnsafety, objection: { raised: false, protectionPrevails: false } }, { 'conversation.objection': 'no-objection' }),
    g('minor-no-unsafety', { client: { ...adult, age: 15 }, considerations: noUnsafety, objection: objection({ protectionPrevails: false }) }, {}),
  ];
}

/**
 * Under FAQ 004's regime (basismodel) the weighing's answer decides nothing: an objection that
 * cannot be met sets a report aside only through the exception, whose questions are asked
 * (FAQ 004 "Wat als de cliënt bezwaren heeft?", DESIGN §6.5); so these stay open.
 */
export const faq004WeighingGolden: GoldenCase[] = weighingGolden('basismodel')
  .filter((g) => ['prevails', 'protection-prevails', 'norm-1-weighed', 'norm-1'].some((k) => g.id.endsWith(`/${k}`)))
  .map((g) => ({ ...g, id: g.id.replace('/weighing/', '/faq-004-not-weighing/'), expect: { 'conversation.objection': 'open' } }));

const ownStaff = (rest: Record<string, unknown>) => ({ perpetratorIsProfessional: true, perpetratorOrganisation: 'own', perpetratorIsRelative: false, ...rest });
const outOfScope = (route: string, actions: string[], nextQuestions: string[] = []) => ({ outcome: 'out-of-scope', 'scope.status': 'out-of-scope', 'scope.route': route, actions, nextQuestions });
const inScope = (route: string | null) => ({ 'scope.status': 'in-scope', 'scope.route': route });
const scopeOpen = { 'scope.status': 'open', 'scope.route': null };

/**
 * Who the violence is by, and between whom (the scope module; one set for every framework).
 * - Violence by a professional of one's own organisation, not a relative, is not for the meldcode:
 *   tell the manager or board (000 "Geweld in een zorg- of onderwijsrelatie", Bijlage 1b), and the
 *   setting's own duty follows: long-term care reports to the inspectorate, youth care has its
 *   reporting duty (same heading), a school reports to the vertrouwensinspecteur (000 "Cliënt als
 *   slachtoffer, getuige of pleger"), and for a sexual offence against a pupil under 18 the school
 *   board is told at once and consults the vertrouwensinspecteur (onderwijs-facts.md "A staff member
 *   suspected of a sexual offence against a pupil"), childcare tells the houder
 *   (kinderopvang-facts.md). What is unknown is asked.
 * - A professional who is a relative, or of another organisation, is in scope (000 "Niet de
 *   locatie maar de relatie is bepalend").
 * - Between clients who are not partners or family it is not for the meldcode: report to the
 *   manager, board or inspectorate (Bijlage 1b), pupils also to the vertrouwensinspecteur; partners
 *   or family who are both clients are in scope.
 */
export const scopeGolden: GoldenCase[] = (
  [
    ['long-term-care', { scope: ownStaff({ setting: 'long-term-care' }) }, outOfScope('professional-perpetrator', ['inform-manager-or-board', 'care-provider-reports-to-inspectorate'])],
    ['youth-care', { scope: ownStaff({ setting: 'youth-care' }) }, outOfScope('professional-perpetrator', ['inform-manager-or-board', 'youth-care-reporting-duty'])],
    ['care', { scope: ownStaff({ setting: 'care' }) }, outOfScope('professional-perpetrator', ['inform-manager-or-board'])],
    ['childcare', { scope: ownStaff({ setting: 'childcare' }) }, outOfScope('professional-perpetrator', ['inform-manager-or-board', 'childcare-inform-houder'])],
    ['school', { scope: ownStaff({ setting: 'education', sexualOffence: false }) }, outOfScope('professional-perpetrator', ['inform-manager-or-board', 'school-report-to-vertrouwensinspecteur'])],
    ['school-sexual-offence-pupil-15', { scope: ownStaff({ setting: 'education', sexualOffence: true }), client: { age: 15 } }, outOfScope('professional-perpetrator', ['inform-manager-or-board', 'school-report-to-vertrouwensinspecteur', 'school-inform-board-at-once', 'school-board-consults-vertrouwensinspecteur'])],
    ['school-sexual-offence-pupil-17', { scope: ownStaff({ setting: 'education', sexualOffence: true }), client: { age: 17 } }, outOfScope('professional-perpetrator', ['inform-manager-or-board', 'school-report-to-vertrouwensinspecteur', 'school-inform-board-at-once', 'school-board-consults-vertrouwensinspecteur'])],
    ['school-sexual-offence-pupil-18', { scope: ownStaff({ setting: 'education', sexualOffence: true }), client: { age: 18 } }, outOfScope('professional-perpetrator', ['inform-manager-or-board', 'school-report-to-vertrouwensinspecteur'])],
    ['school-sexual-offence-age-open', { scope: ownStaff({ setting: 'education', sexualOffence: true }) }, outOfScope('professional-perpetrator', ['inform-manager-or-board', 'school-report-to-vertrouwensinspecteur'], ['client.birthDate'])],
    ['school-sexual-offence-open', { scope: ownStaff({ setting: 'education' }) }, outOfScope('professional-perpetrator', ['inform-manager-or-board', 'school-report-to-vertrouwensinspecteur'], ['scope.sexualOffence'])],
    ['setting-open', { scope: ownStaff({}) }, outOfScope('professional-perpetrator', ['inform-manager-or-board'], ['scope.setting'])],
    ['professional-is-relative', { scope: { perpetratorIsProfessional: true, perpetratorIsRelative: true } }, inScope('professional-is-relative')],
    ['professional-is-relative-own-organisation', { scope: { perpetratorIsProfessional: true, perpetratorOrganisation: 'own', perpetratorIsRelative: true, setting: 'education' } }, inScope('professional-is-relative')],
    ['professional-other-organisation', { scope: { perpetratorIsProfessional: true, perpetratorOrganisation: 'other', perpetratorIsRelative: false } }, inScope('professional-other-organisation')],
    ['professional-organisation-open', { scope: { perpetratorIsProfessional: true } }, scopeOpen],
    ['professional-relative-open', { scope: { perpetratorIsProfessional: true, perpetratorOrganisation: 'own' } }, scopeOpen],
    ['not-a-professional', { scope: { perpetratorIsProfessional: false, perpetratorOrganisation: 'own', perpetratorIsRelative: false, setting: 'education', betweenClients: false } }, inScope(null)],
    ['between-clients', { scope: { perpetratorIsProfessional: false, betweenClients: true, clientsArePartners: false, clientsAreFamily: false } }, outOfScope('between-clients', ['report-to-manager-board-inspectorate'])],
    ['between-pupils', { scope: { perpetratorIsProfessional: false, betweenClients: true, clientsArePartners: false, clientsAreFamily: false, setting: 'education' } }, outOfScope('between-clients', ['report-to-manager-board-inspectorate', 'school-vertrouwensinspecteur-advice'])],
    ['between-clients-family', { scope: { perpetratorIsProfessional: false, betweenClients: true, clientsArePartners: false, clientsAreFamily: true } }, inScope('family-both-clients')],
    ['between-clients-partners', { scope: { perpetratorIsProfessional: false, betweenClients: true, clientsArePartners: true, clientsAreFamily: true } }, inScope('partners-both-clients')],
    ['between-clients-partners-open', { scope: { perpetratorIsProfessional: false, betweenClients: true } }, scopeOpen],
    ['between-clients-family-open', { scope: { perpetratorIsProfessional: false, betweenClients: true, clientsArePartners: false } }, scopeOpen],
    ['neither', { scope: { perpetratorIsProfessional: false, betweenClients: false } }, inScope(null)],
  ] as const
).map(([id, c, expect]): GoldenCase => ({ id: `advice/scope/${id}`, case: c as CaseInput, evaluationDate: '2026-11-23', expect }));

/**
 * The scope module's own trail (the scope rules that hold, in order) on cases that answer part of
 * the scope questions, each settled by its source:
 * - a route is named only when the question it rests on is answered: "Geweld gepleegd door een
 *   professional ten opzichte van een cliënt of een leerling valt buiten het bereik van de meldcode"
 *   (000 "Geweld in een zorg- of onderwijsrelatie") needs "is the suspect a professional?" answered
 *   yes, and "Signalen over mogelijk geweld gepleegd tussen cliënten ... vallen niet onder het
 *   stappenplan" (000 "Signalen van geweld tussen cliënten of tussen leerlingen") needs "between
 *   clients?" answered yes; until then the question is asked (DESIGN §4 "Unknown is never treated
 *   as 'no'", §6.1 "Unanswered scope questions are asked first"). So an organisation, a setting or a
 *   relation answered without those questions names no route and no duty of the setting;
 * - the setting's duty follows the setting named: "In de jeugdzorg en de kinderopvang geldt een
 *   meldplicht", "Het onderwijs kent een meldplicht in geval van een vermoeden van een zedenmisdrijf
 *   gericht tegen een minderjarige leerling" (same heading; onderwijs-facts.md): a school's sexual
 *   offence route only with the setting education, the offence answered yes and the pupil under 18;
 *   an unknown setting, offence or age is asked, and a known one is not asked again;
 * - "één uitzondering: ... tussen partners die beiden cliënt zijn" (000 "Signalen van geweld tussen
 *   cliënten"): partners who are both clients are the partners' route, and family is asked only of
 *   clients who are not partners; a relative who is a professional is in scope through the relation
 *   (000 "Niet de locatie maar de relatie is bepalend"), whatever the organisation, and the
 *   organisation's questions are not asked of it;
 * - the note that every role of the client stays in the meldcode (000 "Cliënt als slachtoffer,
 *   getuige of pleger") is not given where the case is outside it.
 * Recorded from the rules and reviewed against those headings.
 */
export const scopeTrailGolden: GoldenCase[] = (
  [
    ["professional-unanswered-other-organisation", {"scope":{"perpetratorOrganisation":"other"}}, {"outcome":"needs-input","scope.status":"open","scope.route":null,"trail.scope":["scope-vraag-geweld-door-professional","scope-vraag-geweld-tussen-clienten"]}],
    ["professional-unanswered-relative", {"scope":{"perpetratorIsRelative":true}}, {"outcome":"needs-input","scope.status":"open","scope.route":null,"trail.scope":["scope-vraag-geweld-door-professional","scope-vraag-geweld-tussen-clienten"]}],
    ["professional-unanswered-own-organisation", {"scope":{"perpetratorOrganisation":"own"}}, {"outcome":"needs-input","scope.status":"open","scope.route":null,"trail.scope":["scope-vraag-geweld-door-professional","scope-vraag-geweld-tussen-clienten"]}],
    ["professional-unanswered-youth-care", {"scope":{"setting":"youth-care"}}, {"outcome":"needs-input","scope.status":"open","scope.route":null,"trail.scope":["scope-vraag-geweld-door-professional","scope-vraag-geweld-tussen-clienten"]}],
    ["professional-unanswered-long-term-care", {"scope":{"setting":"long-term-care"}}, {"outcome":"needs-input","scope.status":"open","scope.route":null,"trail.scope":["scope-vraag-geweld-door-professional","scope-vraag-geweld-tussen-clienten"]}],
    ["professional-unanswered-school-sexual-offence", {"scope":{"setting":"education","sexualOffence":true}}, {"outcome":"needs-input","scope.status":"open","scope.route":null,"trail.scope":["scope-vraag-geweld-door-professional","scope-vraag-geweld-tussen-clienten"]}],
    ["professional-unanswered-school-sexual-offence-15", {"scope":{"setting":"education","sexualOffence":true},"client":{"age":15}}, {"outcome":"needs-input","scope.status":"open","scope.route":null,"trail.scope":["scope-vraag-geweld-door-professional","scope-vraag-geweld-tussen-clienten"]}],
    ["between-clients-unanswered-not-related", {"scope":{"clientsArePartners":false,"clientsAreFamily":false}}, {"outcome":"needs-input","scope.status":"open","scope.route":null,"trail.scope":["scope-vraag-geweld-door-professional","scope-vraag-geweld-tussen-clienten"]}],
    ["between-clients-unanswered-family", {"scope":{"clientsAreFamily":true}}, {"outcome":"needs-input","scope.status":"open","scope.route":null,"trail.scope":["scope-vraag-geweld-door-professional","scope-vraag-geweld-tussen-clienten"]}],
    ["between-clients-partners-unanswered", {"scope":{"betweenClients":true,"clientsAreFamily":false}}, {"outcome":"needs-input","scope.status":"open","scope.route":null,"trail.scope":["scope-partners-open"]}],
    ["between-clients-partners-and-family", {"scope":{"betweenClients":true,"clientsArePartners":true,"clientsAreFamily":true}}, {"outcome":"needs-input","scope.status":"in-scope","scope.route":"partners-both-clients","trail.scope":["scope-partners-beiden-client"]}],
    ["between-clients-family-by-a-professional", {"scope":{"betweenClients":true,"clientsAreFamily":true,"perpetratorIsProfessional":true}}, {"outcome":"needs-input","scope.status":"open","scope.route":null,"trail.scope":["scope-professional-organisatie-open"]}],
    ["between-clients-family", {"scope":{"betweenClients":true,"clientsArePartners":false,"clientsAreFamily":true}}, {"outcome":"needs-input","scope.status":"in-scope","scope.route":"family-both-clients","trail.scope":["scope-familie-beiden-client"]}],
    ["professional-other-organisation-relative", {"scope":{"perpetratorIsProfessional":true,"perpetratorOrganisation":"other","perpetratorIsRelative":true}}, {"outcome":"needs-input","scope.status":"in-scope","scope.route":"professional-is-relative","trail.scope":["scope-professional-is-familie"]}],
    ["professional-own-organisation-relative", {"scope":{"perpetratorIsProfessional":true,"perpetratorOrganisation":"own","perpetratorIsRelative":true}}, {"outcome":"needs-input","scope.status":"in-scope","scope.route":"professional-is-relative","trail.scope":["scope-professional-is-familie"]}],
    ["professional-own-organisation-relative-open", {"scope":{"perpetratorIsProfessional":true,"perpetratorOrganisation":"own"}}, {"outcome":"needs-input","scope.status":"open","scope.route":null,"trail.scope":["scope-professional-familie-open"]}],
    ["professional-setting-open-sexual-offence-15", {"scope":{"perpetratorIsProfessional":true,"perpetratorOrganisation":"own","perpetratorIsRelative":false,"sexualOffence":true},"client":{"age":15}}, {"outcome":"out-of-scope","scope.status":"out-of-scope","scope.route":"professional-perpetrator","trail.scope":["scope-geweld-door-professional","scope-professional-meld-bij-leiding","scope-professional-setting-open"]}],
    ["professional-setting-open-sexual-offence-age-open", {"scope":{"perpetratorIsProfessional":true,"perpetratorOrganisation":"own","perpetratorIsRelative":false,"sexualOffence":true}}, {"outcome":"out-of-scope","scope.status":"out-of-scope","scope.route":"professional-perpetrator","trail.scope":["scope-geweld-door-professional","scope-professional-meld-bij-leiding","scope-professional-setting-open"]}],
    ["school-sexual-offence-age-open", {"scope":{"perpetratorIsProfessional":true,"perpetratorOrganisation":"own","perpetratorIsRelative":false,"setting":"education","sexualOffence":true}}, {"outcome":"out-of-scope","scope.status":"out-of-scope","scope.route":"professional-perpetrator","trail.scope":["scope-geweld-door-professional","scope-professional-meld-bij-leiding","scope-professional-onderwijs-vertrouwensinspecteur","scope-professional-onderwijs-leeftijd-open"]}],
    ["school-sexual-offence-15", {"scope":{"perpetratorIsProfessional":true,"perpetratorOrganisation":"own","perpetratorIsRelative":false,"setting":"education","sexualOffence":true},"client":{"age":15}}, {"outcome":"out-of-scope","scope.status":"out-of-scope","scope.route":"professional-perpetrator","trail.scope":["scope-geweld-door-professional","scope-professional-meld-bij-leiding","scope-professional-onderwijs-vertrouwensinspecteur","scope-professional-onderwijs-meldplicht-bestuur","scope-professional-onderwijs-vertrouwensinspecteur-aangifte"]}],
    ["school-sexual-offence-open-15", {"scope":{"perpetratorIsProfessional":true,"perpetratorOrganisation":"own","perpetratorIsRelative":false,"setting":"education"},"client":{"age":15}}, {"outcome":"out-of-scope","scope.status":"out-of-scope","scope.route":"professional-perpetrator","trail.scope":["scope-geweld-door-professional","scope-professional-meld-bij-leiding","scope-professional-onderwijs-vertrouwensinspecteur","scope-professional-onderwijs-zedendelict-open"]}],
    ["care", {"scope":{"perpetratorIsProfessional":true,"perpetratorOrganisation":"own","perpetratorIsRelative":false,"setting":"care"}}, {"outcome":"out-of-scope","scope.status":"out-of-scope","scope.route":"professional-perpetrator","trail.scope":["scope-geweld-door-professional","scope-professional-meld-bij-leiding"]}],
    ["care-client-victim", {"scope":{"perpetratorIsProfessional":true,"perpetratorOrganisation":"own","perpetratorIsRelative":false,"setting":"care"},"client":{"role":"victim"}}, {"outcome":"out-of-scope","scope.status":"out-of-scope","scope.route":"professional-perpetrator","trail.scope":["scope-geweld-door-professional","scope-professional-meld-bij-leiding"]}],
  ] as const
).map(([id, c, expect]): GoldenCase => ({ id: `advice/scope-trail/${id}`, case: c as CaseInput, evaluationDate: '2026-11-23', expect: { ...expect } }));

/**
 * The consent module's own trail (the consent rules that hold, in order), with the objection's
 * status and the outcome, on variations of examples/20 (a considered and free objection of an adult
 * victim, every condition of the FAQ 004 exception answered) and of a weighing case. Each is settled
 * by its source:
 * - FAQ 004 (004 "Wat als de cliënt bezwaren heeft?": "maakt het volwassen slachtoffer weloverwogen
 *   en in vrijheid bezwaar tegen het doen van een melding bij Veilig Thuis? Dan wordt alleen gemeld
 *   bij ernstig gevaar voor zwaar lichamelijk of psychisch letsel of de dood"; DESIGN §6.5): the
 *   exception's rules speak only of an objection that stands (raised, and it could not be met), so
 *   its answers given without one make no exception rule hold; a victim who is pregnant, cares for a
 *   minor or a care-dependent adult is outside the exception even without acute or structural
 *   unsafety (the exception not met: the report stands); serious danger unanswered reports and asks
 *   it ("Serious danger yes or unknown ⇒ report"); another condition unanswered asks for it;
 * - a recorded reason is needed only where it is asked: for dependence on the suspect,
 *   honour-based violence, forced marriage or FGM ("only with a recorded reason"), and for a "no" to
 *   serious danger next to an acute threat-to-life example ("is flagged and needs a reason"); such a
 *   reason answered no without them changes nothing, recorded it sets the report aside, unanswered
 *   it is asked;
 * - the weighing (`sociaal-domein`, 000 §3.3 "Conflict van plichten": "Hij dient de ernst van de
 *   situatie ... af te wegen tegen het gegeven dat de cliënt hem geen toestemming geeft"): FAQ 004's
 *   rules do not hold there, whatever its questions' answers; with acute or structural unsafety the
 *   conversation is a notice (004 "Bespreek ik dat ik ga melden met de cliënt?") and the weighing's
 *   rules do not hold; without an objection that stands no weighing rule holds.
 * The id names the framework. Recorded from the rules and reviewed against those headings.
 */
const consentTrailRows = [
    ["basismodel/threat-to-life-example-no-reason", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true},"indicators":{"acute-weapon-use":true}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false,"noSeriousDangerReasonRecorded":false}}, {"outcome":"report","report.necessary":true,"conversation.objection":"exception-not-met","trail.consent":["faq-004-exception-not-met","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/threat-to-life-example-reason-recorded", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true},"indicators":{"acute-weapon-use":true}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false,"noSeriousDangerReasonRecorded":true}}, {"outcome":"help","report.necessary":false,"conversation.objection":"considered-objection","trail.consent":["considered-objection-no-serious-danger","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/honour-based-violence-reason-recorded", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true}},"forms":{"honourBasedViolence":true,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false,"freedomReasonRecorded":true}}, {"outcome":"help","report.necessary":false,"conversation.objection":"considered-objection","trail.consent":["considered-objection-no-serious-danger","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/threat-to-life-example-reason-unanswered", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true},"indicators":{"acute-weapon-use":true}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false}}, {"outcome":"needs-input","report.necessary":null,"conversation.objection":"exception-open","trail.consent":["faq-004-exception-open","always-report-not-applicable","faq-004-threat-to-life-reason-open","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/honour-based-violence-reason-unanswered", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true}},"forms":{"honourBasedViolence":true,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false}}, {"outcome":"needs-input","report.necessary":null,"conversation.objection":"exception-open","trail.consent":["faq-004-exception-open","always-report-not-applicable","faq-004-freedom-reason-open","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/fgm-reason-unanswered", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":true},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false}}, {"outcome":"needs-input","report.necessary":null,"conversation.objection":"exception-open","trail.consent":["faq-004-exception-open","always-report-not-applicable","faq-004-freedom-reason-open","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/adult-victim-unanswered", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false}}, {"outcome":"needs-input","report.necessary":null,"conversation.objection":"exception-open","trail.consent":["faq-004-exception-open","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/serious-danger-unanswered", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false}}, {"outcome":"report","report.necessary":true,"conversation.objection":"open","trail.consent":["faq-004-serious-danger-open","always-report-not-applicable","serious-danger-open-ask-veilig-thuis","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["sociaal-domein/weighing-serious-danger-yes", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":true}}, {"outcome":"report","report.necessary":true,"conversation.objection":"notice-norm-1","trail.consent":["objection-notice-norm-1","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/faq-004-answers-without-objection", {"considerations":{"suspicion":true,"unsafety":{"structural":true}},"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"objection":{"seriousDanger":false}}, {"outcome":"report","report.necessary":true,"conversation.objection":"open","trail.consent":["objection-raised-open","always-report-not-applicable","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed"]}],
    ["sociaal-domein/weighing-exception-answers", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false}}, {"outcome":"report","report.necessary":true,"conversation.objection":"notice-norm-1","trail.consent":["objection-notice-norm-1","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/exception-met-unsafety-unanswered", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false}}, {"outcome":"needs-input","report.necessary":null,"conversation.objection":"considered-objection","trail.consent":["considered-objection-no-serious-danger","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-mode-open","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["sociaal-domein/weighing-depends-on-suspect", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":true,"seriousDanger":false}}, {"outcome":"report","report.necessary":true,"conversation.objection":"notice-norm-1","trail.consent":["objection-notice-norm-1","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/threat-to-life-answers-without-objection", {"considerations":{"suspicion":true,"unsafety":{"structural":true},"indicators":{"acute-weapon-use":true}},"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"objection":{"seriousDanger":false}}, {"outcome":"report","report.necessary":true,"conversation.objection":"open","trail.consent":["objection-raised-open","always-report-not-applicable","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed"]}],
    ["sociaal-domein/weighing-protection-prevails-norm-1", {"client":{"age":35,"caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true}},"objection":{"raised":true,"canBeMet":false,"protectionPrevails":true}}, {"outcome":"report","report.necessary":true,"conversation.objection":"notice-norm-1","trail.consent":["objection-notice-norm-1","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-interests-weighed"]}],
    ["sociaal-domein/weighing-unsafety-open", {"client":{"age":35,"caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{}},"objection":{"raised":true,"canBeMet":false}}, {"outcome":"needs-input","report.necessary":null,"conversation.objection":"open","trail.consent":["objection-weighing-open","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-mode-open","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed"]}],
    ["basismodel/pregnant-no-unsafety", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":true,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"acute":false,"structural":false,"disclosure":false}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false}}, {"outcome":"needs-input","report.necessary":null,"conversation.objection":"exception-not-met","trail.consent":["faq-004-exception-not-met","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-consent-request","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/cares-for-minor-no-unsafety", {"client":{"age":35,"role":"victim","caresForMinor":true,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"acute":false,"structural":false,"disclosure":false}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false}}, {"outcome":"needs-input","report.necessary":null,"conversation.objection":"exception-not-met","trail.consent":["faq-004-exception-not-met","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-consent-request","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/cares-for-dependent-adult-no-unsafety", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":true,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"acute":false,"structural":false,"disclosure":false}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false}}, {"outcome":"needs-input","report.necessary":null,"conversation.objection":"exception-not-met","trail.consent":["faq-004-exception-not-met","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-consent-request","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/freedom-reason-no-without-special-circumstance", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false,"freedomReasonRecorded":false}}, {"outcome":"help","report.necessary":false,"conversation.objection":"considered-objection","trail.consent":["considered-objection-no-serious-danger","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/serious-danger-reason-no-without-threat-example", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false,"noSeriousDangerReasonRecorded":false}}, {"outcome":"help","report.necessary":false,"conversation.objection":"considered-objection","trail.consent":["considered-objection-no-serious-danger","always-report-not-applicable","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["basismodel/pregnant-threat-to-life-example", {"client":{"age":35,"role":"victim","caresForMinor":false,"pregnant":true,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{"structural":true},"indicators":{"acute-weapon-use":true}},"forms":{"honourBasedViolence":false,"forcedMarriage":false,"fgm":false},"steps":{"colleagueConsulted":true,"veiligThuisAdviceAsked":true},"objection":{"raised":true,"canBeMet":false,"domesticViolenceAdultVictim":true,"minorInvolved":false,"othersAtRisk":false,"consideredAndFree":true,"drivenByDependencyOrFear":false,"dependsOnSuspectForCare":false,"seriousDanger":false}}, {"outcome":"report","report.necessary":true,"conversation.objection":"always-report","trail.consent":["objection-always-report","right-to-report-without-consent","conflict-of-duties","conversation-notice","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-colleague-consulted","checklist-veilig-thuis-consulted"]}],
    ["sociaal-domein/weighing-no-objection-protection-prevails", {"client":{"age":35,"caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{}},"objection":{"raised":false,"protectionPrevails":true}}, {"outcome":"needs-input","report.necessary":null,"conversation.objection":"no-objection","trail.consent":["objection-none","always-report-not-applicable","conversation-mode-open","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-interests-weighed"]}],
    ["sociaal-domein/weighing-no-objection-protection-not-prevailing", {"client":{"age":35,"caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{}},"objection":{"raised":false,"protectionPrevails":false}}, {"outcome":"needs-input","report.necessary":null,"conversation.objection":"no-objection","trail.consent":["objection-none","always-report-not-applicable","conversation-mode-open","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed","checklist-interests-weighed"]}],
    ["sociaal-domein/weighing-no-objection", {"client":{"age":35,"caresForMinor":false,"pregnant":false,"caresForCareDependentAdult":false,"lacksCapacity":false},"considerations":{"suspicion":true,"unsafety":{}},"objection":{"raised":false}}, {"outcome":"needs-input","report.necessary":null,"conversation.objection":"no-objection","trail.consent":["objection-none","always-report-not-applicable","conversation-mode-open","talk-client-16-plus","consent-client-16-plus","not-without-knowledge","reporter-identity-disclosed"]}],
] as const;
export function consentTrailGolden(framework: string): GoldenCase[] {
  return consentTrailRows
    .filter(([id]) => id.startsWith(`${framework}/`))
    .map(([id, c, expect]): GoldenCase => ({ id: `advice/consent-trail/${id}`, case: c as unknown as CaseInput, evaluationDate: '2026-11-23', expect: { ...expect } }));
}

/**
 * The floor's, the steps' and the kindcheck's trails (the rules that hold, in order), the outcome,
 * the norms and the actions, on cases that answer part of the questions; the id names the
 * framework. Each is settled by its source:
 * - "oudersignalen" count for the children only when the client has children who depend on them:
 *   "kunnen alleen worden opgepakt als de sociaal werker weet dat zijn volwassen cliënt kinderen
 *   heeft die van hem afhankelijk zijn" (000 "Kindcheck"): a parent factor with a child cared for
 *   or a pregnancy is unsafety (norm 1), with neither it is not, and with either unanswered it is
 *   asked (DESIGN §4 "Unknown is never treated as 'no'") and afweging 2 stays open, also with the
 *   three forms of unsafety answered no; not asked before afweging 1 or beside norm 1 already given;
 * - afweging 2 is answered after afweging 1 ("Vijf afwegingen", 001 Hoofdstuk 3): acute unsafety
 *   with the suspicion unanswered gives no emergency action yet; a disclosure about the past with
 *   the victim safe now is not acute unsafety (001 Afweging 2), answered is afweging 2 no,
 *   unanswered keeps afweging 2 open; a disclosure indicator asks whether it is past or current;
 * - help unanswered asks Veilig Thuis ("zo nodig ... raadplegen van Veilig Thuis", 000 Stap 2);
 *   help offered and accepted, whether it reaches safety is answered after a term (afweging 5);
 * - "Ook als een cliënt nog jong is, is het van belang dat de sociaal werker het gesprek met hem
 *   aangaat" (000 "Stap 3: Gesprek met de cliënt › Gesprek met kinderen"): for a client under 18
 *   while step 3 is open and afweging 1 is not no, not at 18 nor once the conversation is held;
 *   "Als er opgroeiende kinderen zijn zorgt de professional ervoor dat naar hun visie gevraagd wordt"
 *   (000 Bijlage 2 › Uitgangspunten): with a suspicion, for a minor client or a client caring for one;
 * - the kindcheck is "bij bepaalde volwassen cliënten" (000 "Kindcheck"): not for a minor client;
 * - the Verwijsindex risicojongeren is for young people up to 23 (000 Bijlage 1b › Melding in de
 *   verwijsindex risicojongeren), or a client caring for one; not for dentists: "dentists are not
 *   authorised to report to the VIR" (knmg-artsen-facts.md);
 * - one-off contact with Veilig Thuis advised lets step 5 be decided only while a step is open
 *   (004 Kind Check › Vraag 3); with every step taken the ordinary basis stands;
 * - onderwijs: "bij twijfel over de veiligheid van de leerling melden" (onderwijs-facts.md, "The
 *   2019 framework for education"), only while afweging 2 is open.
 * Recorded from the rules and reviewed against those headings.
 */
const floorStepsRows = [
    ["basismodel/parent-factor-cares-for-minor-open", {"considerations":{"suspicion":true,"indicators":{"parent-partner-violence-acute-care":true}},"client":{"pregnant":false}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","ouderfactor-zorg-voor-kinderen-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/parent-factor-pregnant-open", {"considerations":{"suspicion":true,"indicators":{"parent-partner-violence-acute-care":true}},"client":{"caresForMinor":false}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","ouderfactor-zorg-voor-kinderen-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/parent-factor-pregnant", {"considerations":{"suspicion":true,"indicators":{"parent-partner-violence-acute-care":true}},"client":{"caresForMinor":false,"pregnant":true}}, {"outcome":"report","report.norms":[1],"actions":["keep-following","report-even-if-others-involved","restart-on-new-signals","take-open-steps-first","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-ja-norm-1","afwegingen-3-tot-5-met-veilig-thuis","blijf-volgen-na-melding","ook-melden-als-hulp-al-betrokken-is","nieuwe-signalen-opnieuw-bij-stap-1"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/parent-factor-no-children", {"considerations":{"suspicion":true,"unsafety":{"acute":false,"structural":false,"disclosure":false},"indicators":{"parent-partner-violence-acute-care":true}},"client":{"caresForMinor":false,"pregnant":false}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","check-help-against-four-conditions","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-nee","afweging-3-open","advies-veilig-thuis-bij-twijfel","vier-voorwaarden-effectieve-hulp"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-2-nee"]}],
    ["basismodel/parent-factor-children-unsafety-no", {"considerations":{"suspicion":true,"unsafety":{"acute":false,"structural":false,"disclosure":false},"indicators":{"parent-partner-violence-acute-care":true}},"client":{"caresForMinor":true}}, {"outcome":"report","report.norms":[1],"actions":["keep-following","report-even-if-others-involved","restart-on-new-signals","take-open-steps-first","step-4-doubt-ask-veilig-thuis","children-view-weighed-and-informed"],"trail.afwegingskader":["afweging-1-ja","afweging-2-ja-norm-1","afwegingen-3-tot-5-met-veilig-thuis","blijf-volgen-na-melding","ook-melden-als-hulp-al-betrokken-is","nieuwe-signalen-opnieuw-bij-stap-1"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet","kinderen-visie-mening-informatie"],"trail.kindcheck":["kindcheck-vraag-1-open","kindcheck-kinderen-vastleggen"]}],
    ["basismodel/parent-factor-structural-children-open", {"considerations":{"suspicion":true,"unsafety":{"structural":true},"indicators":{"parent-partner-violence-acute-care":true}},"client":{"caresForMinor":false}}, {"outcome":"report","report.norms":[1],"actions":["keep-following","report-even-if-others-involved","restart-on-new-signals","take-open-steps-first","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-ja-norm-1","afwegingen-3-tot-5-met-veilig-thuis","blijf-volgen-na-melding","ook-melden-als-hulp-al-betrokken-is","nieuwe-signalen-opnieuw-bij-stap-1"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/parent-factor-suspicion-open", {"considerations":{"indicators":{"parent-partner-violence-acute-care":true}},"client":{"pregnant":false}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/past-and-safe-disclosure-unanswered", {"considerations":{"suspicion":true,"unsafety":{"acute":false,"structural":false},"disclosurePastAndSafeNow":true}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/past-and-safe-disclosure", {"considerations":{"suspicion":true,"unsafety":{"acute":false,"structural":false,"disclosure":true},"disclosurePastAndSafeNow":true}}, {"outcome":"needs-input","report.norms":[],"actions":["coordinate-disclosure","ask-veilig-thuis-advice","check-help-against-four-conditions","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-nee","afweging-3-open","disclosure-afstemmen-met-veilig-thuis-en-slachtoffer","advies-veilig-thuis-bij-twijfel","vier-voorwaarden-effectieve-hulp"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/acute-suspicion-open", {"considerations":{"unsafety":{"acute":true}}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/help-open", {"considerations":{"suspicion":true,"unsafety":{"acute":false,"structural":false,"disclosure":false},"help":{"canOffer":true}}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","check-help-against-four-conditions","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-nee","afweging-3-open","advies-veilig-thuis-bij-twijfel","vier-voorwaarden-effectieve-hulp"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/help-accepted-safety-open", {"considerations":{"suspicion":true,"unsafety":{"acute":false,"structural":false,"disclosure":false},"help":{"canOffer":true,"safetyPicture":true,"history":true,"fittingHelp":true},"helpAccepted":true}}, {"outcome":"help","report.norms":[],"actions":["answer-consideration-5-after-term","restart-on-new-signals","check-help-against-four-conditions","take-open-steps-first","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-nee","afweging-3-ja","afweging-4-ja","afweging-5-open","nieuwe-signalen-opnieuw-bij-stap-1","vier-voorwaarden-effectieve-hulp"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/kindcheck-minor-client", {"considerations":{"suspicion":true},"client":{"age":10}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis","talk-with-the-child","children-view-weighed-and-informed"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet","stap-3-gesprek-met-kind","kinderen-visie-mening-informatie"],"trail.kindcheck":["kindcheck-niet-voor-minderjarige-client"]}],
    ["basismodel/minor-17", {"considerations":{"suspicion":true},"client":{"age":17}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis","talk-with-the-child","children-view-weighed-and-informed"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet","stap-3-gesprek-met-kind","kinderen-visie-mening-informatie"],"trail.kindcheck":["kindcheck-niet-voor-minderjarige-client"]}],
    ["basismodel/adult-18", {"considerations":{"suspicion":true},"client":{"age":18}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/adult-caring-for-minor", {"considerations":{"suspicion":true},"client":{"age":30,"caresForMinor":true}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis","children-view-weighed-and-informed"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet","kinderen-visie-mening-informatie"],"trail.kindcheck":["kindcheck-vraag-1-open","kindcheck-kinderen-vastleggen"]}],
    ["basismodel/adult-not-caring-for-minor", {"considerations":{"suspicion":true},"client":{"age":30,"caresForMinor":false}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/minor-17-no-suspicion", {"considerations":{"suspicion":false},"client":{"age":17}}, {"outcome":"close-and-record","report.norms":[],"actions":["restart-on-new-signals","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-nee","nieuwe-signalen-opnieuw-bij-stap-1"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-niet-voor-minderjarige-client"]}],
    ["basismodel/minor-17-suspicion-open", {"client":{"age":17}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis","talk-with-the-child"],"trail.afwegingskader":["afweging-1-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet","stap-3-gesprek-met-kind"],"trail.kindcheck":["kindcheck-niet-voor-minderjarige-client"]}],
    ["basismodel/minor-17-conversation-held", {"considerations":{"suspicion":true},"client":{"age":17},"steps":{"conversationHeld":true}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis","children-view-weighed-and-informed"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-gesprek-gevoerd","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet","kinderen-visie-mening-informatie"],"trail.kindcheck":["kindcheck-niet-voor-minderjarige-client"]}],
    ["basismodel/verwijsindex-child", {"considerations":{"suspicion":true},"client":{"age":10},"steps":{"verwijsindexConnected":true}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","consider-verwijsindex","step-4-doubt-ask-veilig-thuis","talk-with-the-child","children-view-weighed-and-informed"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","verwijsindex-overwegen","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet","stap-3-gesprek-met-kind","kinderen-visie-mening-informatie"],"trail.kindcheck":["kindcheck-niet-voor-minderjarige-client"]}],
    ["basismodel/verwijsindex-22", {"considerations":{"suspicion":true},"client":{"age":22},"steps":{"verwijsindexConnected":true}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","consider-verwijsindex","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","verwijsindex-overwegen","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/verwijsindex-30", {"considerations":{"suspicion":true},"client":{"age":30,"caresForMinor":false},"steps":{"verwijsindexConnected":true}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/all-steps-one-off-advised", {"considerations":{"suspicion":true},"contact":{"oneOff":true},"steps":{"signalsRecorded":true,"colleagueConsulted":true,"veiligThuisAdviceAsked":true,"conversationHeld":true,"riskAssessed":true}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-gezet","stap-2-gezet","stap-3-gesprek-gevoerd","stap-4-gewogen","stap-5-alle-stappen-gezet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["onderwijs/unsafety-open", {"considerations":{"suspicion":true}}, {"outcome":"needs-input","report.norms":[],"actions":["report-when-in-doubt-about-unsafety","ask-veilig-thuis-advice","step-5-decided-by","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["onderwijs/unsafety-no", {"considerations":{"suspicion":true,"unsafety":{"acute":false,"structural":false,"disclosure":false}}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","check-help-against-four-conditions","step-5-decided-by","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-nee","afweging-3-open","advies-veilig-thuis-bij-twijfel","vier-voorwaarden-effectieve-hulp"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["basismodel/parent-factor-children-open-unsafety-no", {"considerations":{"suspicion":true,"unsafety":{"acute":false,"structural":false,"disclosure":false},"indicators":{"parent-partner-violence-acute-care":true}},"client":{"pregnant":false}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","ouderfactor-zorg-voor-kinderen-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["sociaal-domein/disclosure-indicator-past-open", {"considerations":{"suspicion":true,"indicators":{"disclosure-statement":true}}}, {"outcome":"report","report.norms":[1],"actions":["keep-following","report-even-if-others-involved","restart-on-new-signals","take-open-steps-first","step-4-doubt-ask-veilig-thuis"],"trail.afwegingskader":["afweging-1-ja","afweging-2-ja-norm-1","disclosure-verleden-of-actueel-open","afwegingen-3-tot-5-met-veilig-thuis","blijf-volgen-na-melding","ook-melden-als-hulp-al-betrokken-is","nieuwe-signalen-opnieuw-bij-stap-1"],"trail.steps":["stap-1-open","stap-2-open","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet"],"trail.kindcheck":["kindcheck-vraag-1-open"]}],
    ["artsen/verwijsindex-tandarts", {"considerations":{"suspicion":true},"client":{"age":10},"steps":{"verwijsindexConnected":true},"professional":{"role":"tandarts"}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","framework-requires-veilig-thuis-advice","step-4-doubt-ask-veilig-thuis","talk-with-the-child","children-view-weighed-and-informed"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-2-advies-veilig-thuis-vereist","stap-3-open","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet","stap-3-gesprek-met-kind","kinderen-visie-mening-informatie"],"trail.kindcheck":["kindcheck-niet-voor-minderjarige-client"]}],
    ["artsen/verwijsindex-arts", {"considerations":{"suspicion":true},"client":{"age":10},"steps":{"verwijsindexConnected":true},"professional":{"role":"arts"}}, {"outcome":"needs-input","report.norms":[],"actions":["ask-veilig-thuis-advice","framework-requires-veilig-thuis-advice","consider-verwijsindex","step-4-doubt-ask-veilig-thuis","talk-with-the-child","children-view-weighed-and-informed"],"trail.afwegingskader":["afweging-1-ja","afweging-2-open","advies-veilig-thuis-bij-twijfel"],"trail.steps":["stap-1-open","stap-2-open","stap-2-advies-veilig-thuis-vereist","stap-3-open","verwijsindex-overwegen","stap-4-open","stap-4-bij-twijfel-advies-veilig-thuis","stap-5-nog-niet","stap-3-gesprek-met-kind","kinderen-visie-mening-informatie"],"trail.kindcheck":["kindcheck-niet-voor-minderjarige-client"]}],
] as const;
export function floorStepsGolden(framework: string): GoldenCase[] {
  return floorStepsRows
    .filter(([id]) => id.startsWith(`${framework}/`))
    .map(([id, c, expect]): GoldenCase => ({ id: `advice/floor-steps/${id}`, case: c as unknown as CaseInput, evaluationDate: '2026-11-23', expect: { ...expect } }));
}

/**
 * The text of each step-5 requirement of a framework, given as an action once the afwegingskader
 * advises (a report here): the level the framework encodes from the requirement's own source is
 * `required`, so the text carries no "(zo nodig)" (src/frameworks/framework.ts adds it for
 * `where-needed`). artsen: inform those involved, reasonable efforts to reach them, record in the
 * patient file (knmg-artsen-facts.md); onderwijs: inform the parents, help not by the teacher (003
 * Stap 5); kinderopvang: "As the childminder you are ultimately responsible for the decision"
 * (docs/sources/kinderopvang.md), for the role named and with no role given. Recorded from the rules
 * and reviewed against those sources.
 */
const stepRequirementRows = [
    ["artsen/no-role", {"considerations": {"suspicion": true, "unsafety": {"acute": true}}}, {"action:step-5-betrokkenen-informeren": "Na de uitkomst 'melden': meld bij Veilig Thuis, informeer de betrokkenen en vraag waar mogelijk hun toestemming. De afwegingen 3 tot en met 5 doorloopt u dan samen met Veilig Thuis.", "action:step-5-redelijke-inspanning-bereiken": "Zijn de betrokkenen niet bereikbaar, doe dan een redelijke inspanning om hen te bereiken: ten minste enkele pogingen tot contact, tenzij zwaarwegende belangen van anderen daarvoor geen tijd laten.", "action:step-5-vastleggen-in-dossier": "Leg in het patiëntendossier vast: de gemaakte afweging en waarop die berust; de genomen acties; wie u over de melding hebt geïnformeerd, de reactie van de betrokkenen en of aan bezwaren tegemoet kon worden gekomen; als betrokkenen niet bereikbaar waren, welke pogingen u deed; de vervolgafspraken met Veilig Thuis en de betrokkenen."}],
    ["onderwijs/no-role", {"considerations": {"suspicion": true, "unsafety": {"acute": true}}}, {"action:step-5-ouders-informeren-over-melding": "De school stelt de ouders op de hoogte van de melding (bij acute of structurele onveiligheid is dat een mededeling, geen verzoek om toestemming), tenzij de veiligheid van het kind, de beroepskracht of een ander dat verbiedt.", "action:step-5-hulp-niet-door-leerkracht": "Voor de rol Leerkracht: Hulp, waar de school die biedt, komt van ondersteunend personeel onder het schoolbestuur (intern begeleider, zorgcoördinator), de leerplichtambtenaar of een samenwerkingspartner, niet van de leerkracht; de school stelt dan een termijn, wijst een casusregisseur aan en legt alles vast."}],
    ["kinderopvang/no-role", {"considerations": {"suspicion": true, "unsafety": {"acute": true}}}, {"action:step-5-gastouder-beslist-over-melding": "Voor de rol Gastouder: Als gastouder bent u eindverantwoordelijk voor de beslissing of u een melding doet bij Veilig Thuis (route 1 van het protocol, aangepast in juni 2024)."}],
    ["kinderopvang/gastouder", {"considerations": {"suspicion": true, "unsafety": {"acute": true}}, "professional": {"role": "gastouder"}}, {"action:step-5-gastouder-beslist-over-melding": "Voor uw rol (Gastouder): Als gastouder bent u eindverantwoordelijk voor de beslissing of u een melding doet bij Veilig Thuis (route 1 van het protocol, aangepast in juni 2024)."}],
] as const;
export function stepRequirementGolden(framework: string): GoldenCase[] {
  return stepRequirementRows
    .filter(([id]) => id.startsWith(`${framework}/`))
    .map(([id, c, expect]): GoldenCase => ({ id: `advice/step-requirement/${id}`, case: c as unknown as CaseInput, evaluationDate: '2026-11-23', expect: { ...expect } }));
}

/**
 * Whose consent is asked, by age (000 §3.2 "Inhoud en doel van het beroepsgeheim › Vragen van
 * toestemming"): the parents under 12; from 12 to 15 the client under the Jeugdwet and the Wgbo
 * (`jeugdwet-wgbo-12`: sociaal-domein, artsen), the parents under the privacy law's 16
 * (`privacy-16`: onderwijs); from 16 the client. A client of 12 to 15 who lacks capacity is not
 * asked under the Jeugdwet regime (the representative is; FAQ 004 "Wat als het slachtoffer
 * wilsonbekwaam is?"). A framework that names no regime (basismodel) leaves 12 to 15 open.
 */
export function consentAgeGolden(framework: Framework): GoldenCase[] {
  const regime = framework.consent?.regime;
  const holder = (age: number, lacks: boolean): string | null => {
    if (age < 12) return 'parents';
    if (age >= 16) return 'client';
    if (regime === 'jeugdwet-wgbo-12') return lacks ? null : 'client';
    if (regime === 'privacy-16') return 'parents';
    return null;
  };
  const k = { suspicion: true, unsafety: { acute: false, structural: false, disclosure: false } };
  const byAge = ([[11, false], [12, false], [15, false], [15, true], [16, false]] as const).map(([age, lacks]): GoldenCase => ({
    id: `advice/consent-age/${framework.id}/${age}${lacks ? '-lacks-capacity' : ''}`,
    case: { client: { age, ...(lacks ? { lacksCapacity: true } : {}) }, considerations: k } as CaseInput,
    evaluationDate: '2026-11-23',
    expect: { 'conversation.consentFrom': holder(age, lacks) },
  }));
  // A client who lacks capacity, under every regime and also from 12 to 15 (where onderwijs's privacy regime names the
  // parents): "Is het slachtoffer wilsonbekwaam, overleg dan met de wettelijk vertegenwoordiger ..., tenzij deze mogelijk
  // zelf de pleger is. In dat geval moet worden gezocht naar een andere geschikte vertegenwoordiger" (004 "Wat als het
  // slachtoffer wilsonbekwaam is?").
  const represented = ([[13, false, 'legal-representative'], [13, true, 'other-representative'], [17, false, 'legal-representative']] as const).map(([age, suspect, who]): GoldenCase => ({
    id: `advice/consent-age/${framework.id}/${age}-lacks-capacity-${suspect ? 'representative-suspect' : 'representative'}`,
    case: { client: { age, lacksCapacity: true, legalRepresentative: { present: true, possiblyPerpetrator: suspect } }, considerations: k } as CaseInput,
    evaluationDate: '2026-11-23',
    expect: { 'conversation.consentFrom': who },
  }));
  return [...byAge, ...represented];
}

/**
 * A framework that requires Veilig Thuis advice in step 2 (artsen: KNMG, knmg-artsen-facts.md)
 * keeps step 2 open after the colleague consultation until the advice is asked; asked, step 2 is
 * done. Without the requirement the consultation is enough (000 Stap 2, "zo nodig").
 */
export function stepTwoGolden(framework: Framework, adviceRequired: boolean): GoldenCase[] {
  const g = (id: string, steps: Record<string, unknown>, open: number[], role?: string): GoldenCase => ({
    id: `advice/step-2/${framework.id}/${id}`,
    case: { steps, ...(role ? { professional: { role } } : {}) } as CaseInput,
    evaluationDate: '2026-11-23',
    expect: { 'steps.open': open },
  });
  const cases = [
    g('consulted', { colleagueConsulted: true }, adviceRequired ? [1, 2, 3, 4] : [1, 3, 4]),
    g('consulted-and-advised', { colleagueConsulted: true, veiligThuisAdviceAsked: true }, [1, 3, 4]),
    g('consulted-not-advised', { colleagueConsulted: true, veiligThuisAdviceAsked: false }, adviceRequired ? [1, 2, 3, 4] : [1, 3, 4]),
  ];
  // paramedici (docs/sources/paramedici.md, "Step 2: Veilig Thuis advice", fact 6, and "Speech therapists
  // in independent practice (NVLF)", fact 8): the APA's paramedic is held to the advice, the speech
  // therapist in independent practice is not ("it does not make consulting Veilig Thuis in step 2 compulsory").
  if (framework.id === 'paramedici') {
    cases.push(
      g('paramedicus-consulted', { colleagueConsulted: true }, [1, 2, 3, 4], 'paramedicus'),
      g('paramedicus-consulted-and-advised', { colleagueConsulted: true, veiligThuisAdviceAsked: true }, [1, 3, 4], 'paramedicus'),
      g('logopedist-zelfstandig-consulted', { colleagueConsulted: true }, [1, 3, 4], 'logopedist-zelfstandig'),
    );
  }
  return cases;
}

/**
 * Whether a framework requires Veilig Thuis advice in step 2 for a case that names no role: the
 * KNMG for artsen (knmg-artsen-facts.md), the APA for paramedici (docs/sources/paramedici.md fact 6;
 * a case without a role gets the requirement, "What is encoded"); elsewhere the floor's "zo nodig".
 */
export const adviceRequiredInStepTwo = (id: string): boolean => id === 'artsen' || id === 'paramedici';

const noUnsafetyAtAll = { acute: false, structural: false, disclosure: false };
const helpAble = { canOffer: true, safetyPicture: true, history: true, fittingHelp: true };
const afterReport = ['blijf-volgen-na-melding', 'ook-melden-als-hulp-al-betrokken-is', 'nieuwe-signalen-opnieuw-bij-stap-1'];

/**
 * The five considerations' routes (001 Hoofdstuk 3 "Vijf afwegingen in het afwegingskader"; the
 * floor, the same under every framework), each with the floor rules that hold, in order:
 * - afweging 2 yes (norm 1): report, go through 3 to 5 with Veilig Thuis; acute unsafety also asks
 *   Veilig Thuis at once (000 §3.4 Noodsituaties); a disclosure is coordinated with Veilig Thuis and
 *   the victim (001 Afweging 2); help the professional can give goes alongside the report;
 * - afweging 3 no (norm 2): help cannot be given when any one of its conditions is answered no
 *   (can offer, a picture of safety, the history, fitting help);
 * - afweging 4 no: help refused, report; afweging 5 no (norm 3): help does not reach safety, report;
 *   afweging 5 yes: help, no report.
 * The trails were recorded from the rules and reviewed against those headings.
 */
export const floorGolden: GoldenCase[] = (
  [
    ['disclosure-actual', { suspicion: true, unsafety: { disclosure: true }, disclosurePastAndSafeNow: false }, 'report', [1], ['afweging-1-ja', 'afweging-2-ja-norm-1', 'afwegingen-3-tot-5-met-veilig-thuis', 'disclosure-afstemmen-met-veilig-thuis-en-slachtoffer', ...afterReport]],
    ['norm-1-acute', { suspicion: true, unsafety: { acute: true } }, 'report', [1], ['afweging-1-ja', 'afweging-2-ja-norm-1', 'afwegingen-3-tot-5-met-veilig-thuis', 'noodsituatie-direct-advies-en-melding', ...afterReport]],
    ['norm-1-help-alongside', { suspicion: true, unsafety: { structural: true }, help: helpAble, helpAccepted: true }, 'report-and-help', [1], ['afweging-1-ja', 'afweging-2-ja-norm-1', 'hulp-naast-melding', 'afwegingen-3-tot-5-met-veilig-thuis', ...afterReport]],
    ['norm-2-cannot-offer', { suspicion: true, unsafety: noUnsafetyAtAll, help: { canOffer: false } }, 'report', [2], ['afweging-1-ja', 'afweging-2-nee', 'afweging-3-nee-norm-2', ...afterReport]],
    ['norm-2-no-safety-picture', { suspicion: true, unsafety: noUnsafetyAtAll, help: { safetyPicture: false } }, 'report', [2], ['afweging-1-ja', 'afweging-2-nee', 'afweging-3-nee-norm-2', ...afterReport]],
    ['norm-2-no-fitting-help', { suspicion: true, unsafety: noUnsafetyAtAll, help: { fittingHelp: false } }, 'report', [2], ['afweging-1-ja', 'afweging-2-nee', 'afweging-3-nee-norm-2', ...afterReport]],
    ['help-refused', { suspicion: true, unsafety: noUnsafetyAtAll, help: helpAble, helpAccepted: false }, 'report', [], ['afweging-1-ja', 'afweging-2-nee', 'afweging-3-ja', 'afweging-4-nee', ...afterReport, 'vier-voorwaarden-effectieve-hulp']],
    ['norm-3', { suspicion: true, unsafety: noUnsafetyAtAll, help: helpAble, helpAccepted: true, helpReachesSafety: false }, 'report', [3], ['afweging-1-ja', 'afweging-2-nee', 'afweging-3-ja', 'afweging-4-ja', 'afweging-5-nee-norm-3', ...afterReport, 'vier-voorwaarden-effectieve-hulp']],
    ['help-reaches-safety', { suspicion: true, unsafety: noUnsafetyAtAll, help: helpAble, helpAccepted: true, helpReachesSafety: true }, 'help', [], ['afweging-1-ja', 'afweging-2-nee', 'afweging-3-ja', 'afweging-4-ja', 'afweging-5-ja', 'nieuwe-signalen-opnieuw-bij-stap-1', 'vier-voorwaarden-effectieve-hulp']],
  ] as const
).map(([id, considerations, outcome, norms, trail]): GoldenCase => ({
  id: `advice/floor/${id}`,
  case: { considerations } as CaseInput,
  evaluationDate: '2026-11-23',
  expect: { outcome, 'report.norms': [...norms], 'trail.afwegingskader': [...trail] },
}));
