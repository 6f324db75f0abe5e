// The CDS Hooks service over real HTTP: node:http on 127.0.0.1, port 0, called with fetch.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CdsFeedback, cdsHooksFetchHandler, createCdsHooksServer } from '../src/cds-hooks/index.js';
import { questionnaireUrl, toCdsHooksCard, toQuestionnaire } from '../src/fhir/index.js';
import { evaluate } from '../src/index.js';
import { cardProblems, fillQuestionnaire } from './fhir-r4.js';

const today = () => '2026-11-23';
const recorded: { feedback: CdsFeedback[]; serviceId: string }[] = [];
let server: Server;
let guarded: Server;
let base: string;
let guardedBase: string;

async function listen(s: Server): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  server = createCdsHooksServer({ today, onFeedback: (feedback, context) => void recorded.push({ feedback, ...context }) });
  // A second service: bearer tokens checked, small bodies, no feedback recorder.
  guarded = createCdsHooksServer({ today, maxBodyBytes: 2000, authorize: ({ authorization }) => authorization === 'Bearer good' });
  [base, guardedBase] = await Promise.all([listen(server), listen(guarded)]);
});
afterAll(async () => {
  await Promise.all([server, guarded].map((s) => new Promise((resolve) => s.close(resolve))));
});

const patientId = 'p1';
const patient = (birthDate = '1990-05-01') => ({ resourceType: 'Patient', id: patientId, birthDate });
const bundle = (...resources: object[]) => ({ resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) });
const condition = (id: string, system: string, code: string, extra: object = {}) => ({
  resourceType: 'Condition',
  id,
  subject: { reference: `Patient/${patientId}` },
  code: { coding: [{ system, code }] },
  ...extra,
});
const child = (id: string, birthDate: string) => ({
  resourceType: 'RelatedPerson',
  id,
  patient: { reference: `Patient/${patientId}` },
  birthDate,
  relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'DAU' }] }],
});
const ICPC_NL = 'http://hl7.org/fhir/sid/icpc-1-nl';

function hookBody(prefetch: Record<string, unknown>, extra: object = {}) {
  return { hook: 'patient-view', hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea', context: { userId: 'Practitioner/7', patientId }, prefetch, ...extra };
}
const kindcheckPrefetch = (over: Record<string, unknown> = {}) => ({
  patient: patient(),
  conditions: bundle(),
  relatedPersons: bundle(),
  questionnaireResponses: bundle(),
  ...over,
});

async function post(path: string, body: unknown, root = base, headers: Record<string, string> = {}) {
  const res = await fetch(`${root}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}
const issueCodes = (outcome: { resourceType: string; issue: { code: string }[] }) => {
  expect(outcome.resourceType).toBe('OperationOutcome');
  return outcome.issue.map((i) => i.code);
};

/** A QuestionnaireResponse of the patient to a generated Questionnaire, answered with `answers`. */
function response(answers: object, id = 'qr1', authored = '2026-11-20T10:00:00+01:00', modules?: string[]) {
  const q = toQuestionnaire('basismodel', modules ? { modules } : {});
  return { ...fillQuestionnaire(q, answers), id, authored, subject: { reference: `Patient/${patientId}` } };
}

describe('discovery', () => {
  it('GET /cds-services lists the services with their hook and prefetch templates, with CORS', async () => {
    const res = await fetch(`${base}/cds-services`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const { services } = (await res.json()) as { services: { id: string; hook: string; prefetch: Record<string, string> }[] };
    expect(services.map((s) => [s.id, s.hook])).toEqual([
      ['meldcode-kindcheck', 'patient-view'],
      ['meldcode-kindcheck-discharge', 'encounter-discharge'],
      ['meldcode-afwegingskader', 'patient-view'],
    ]);
    expect(services[0]?.prefetch).toEqual({
      patient: 'Patient/{{context.patientId}}',
      conditions: 'Condition?patient={{context.patientId}}',
      relatedPersons: 'RelatedPerson?patient={{context.patientId}}',
      questionnaireResponses: 'QuestionnaireResponse?subject=Patient/{{context.patientId}}&_sort=-authored',
    });
  });

  it('discovery is public, even where the services need a token', async () => {
    expect((await fetch(`${guardedBase}/cds-services`)).status).toBe(200);
  });
});

describe('the kindcheck service (patient-view)', () => {
  it('a coded parent problem prompts the kindcheck: the card asks question 1, it does not answer it', async () => {
    const prefetch = kindcheckPrefetch({
      conditions: bundle(condition('c1', ICPC_NL, 'P15', { clinicalStatus: { coding: [{ code: 'active' }] } })),
      relatedPersons: bundle(child('r1', '2019-03-04')),
    });
    const { status, json } = await post('/cds-services/meldcode-kindcheck', hookBody(prefetch));
    expect(status).toBe(200);
    expect(json.cards).toHaveLength(1);
    const [card] = json.cards;
    expect(cardProblems(card)).toEqual([]);
    expect(card.indicator).toBe('info');
    expect(card.summary).toBe('Kindcheck: het dossier vermeldt Chronisch alcoholmisbruik. Doe de kindcheck.');
    expect(card.detail).toContain('Chronisch alcoholmisbruik \\[P15\\] (status: active)');
    expect(card.detail).toContain('een kind van de cliënt (7 jaar)');
    // Question 1 is still asked: a code is a reason to ask, never a yes.
    expect(card.detail).toContain('Zijn er signalen van ouderproblematiek');
    expect(card.source.label).toContain('Veelgestelde vragen');
    expect(card.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(card.overrideReasons.map((r: { code: string }) => r.code)).toContain('decides-otherwise');
  });

  it('SNOMED CT, ICPC-2 and the ICPC-1 NL OID with a subcode prompt it too', async () => {
    for (const [system, code] of [
      ['http://snomed.info/sct', '706893006'],
      ['http://hl7.org/fhir/sid/icpc-2', 'P19'],
      ['urn:oid:2.16.840.1.113883.2.4.4.31.1', 'P72.01'],
    ] as const) {
      const { json } = await post('/cds-services/meldcode-kindcheck', hookBody(kindcheckPrefetch({ conditions: bundle(condition('c', system, code)) })));
      expect(json.cards).toHaveLength(1);
    }
  });

  it('no card without a reason: another problem, a refuted one, or only a child in the family', async () => {
    for (const over of [
      { conditions: bundle(condition('c1', 'http://snomed.info/sct', '44054006')) },
      { conditions: bundle(condition('c1', ICPC_NL, 'P15', { verificationStatus: { coding: [{ code: 'refuted' }] } })) },
      { relatedPersons: bundle(child('r1', '2019-03-04')) },
      { conditions: null, relatedPersons: null, questionnaireResponses: null },
    ]) {
      const { status, json } = await post('/cds-services/meldcode-kindcheck', hookBody(kindcheckPrefetch(over)));
      expect([status, json.cards]).toEqual([200, []]);
    }
  });

  it('takes the professional\'s answers in: the kindcheck\'s own outcome, as a warning', async () => {
    const qr = response({ kindcheck: { parentSignals: true }, client: { caresForMinor: true }, contact: { oneOff: false } }, 'qr1', undefined, ['kindcheck']);
    const { json } = await post('/cds-services/meldcode-kindcheck', hookBody(kindcheckPrefetch({ conditions: bundle(condition('c1', ICPC_NL, 'P15')), questionnaireResponses: bundle(qr) })));
    const [card] = json.cards;
    expect(card.indicator).toBe('warning');
    expect(card.summary).toBe('Kindcheck: Vraag 3 heeft u met NEE beantwoord. Volg de stappen van de meldcode.');
  });

  it('a kindcheck the professional completed shows no card, whatever the codes', async () => {
    const qr = response({ kindcheck: { parentSignals: false } }, 'qr1', undefined, ['kindcheck']);
    const { json } = await post('/cds-services/meldcode-kindcheck', hookBody(kindcheckPrefetch({ conditions: bundle(condition('c1', ICPC_NL, 'P15')), questionnaireResponses: bundle(qr) })));
    expect(json.cards).toEqual([]);
  });

  it('reads the birth date as the fact it is: for a minor client a pregnancy asks whether she is pregnant', async () => {
    const minor = { patient: patient('2011-02-03') };
    // A minor: the kindcheck is for adults, unless the client is pregnant or cares for a child.
    const problem = await post('/cds-services/meldcode-kindcheck', hookBody(kindcheckPrefetch({ ...minor, conditions: bundle(condition('c1', ICPC_NL, 'P19')) })));
    expect(problem.json.cards).toEqual([]);
    const pregnant = await post('/cds-services/meldcode-kindcheck', hookBody(kindcheckPrefetch({ ...minor, conditions: bundle(condition('c1', 'http://snomed.info/sct', '77386006')) })));
    expect(pregnant.json.cards[0].detail).toContain('Is uw cliënte (mogelijk) zwanger?');
    // A birth date of only a year and month leaves the age unknown: the adult route is not assumed either.
    const partial = await post('/cds-services/meldcode-kindcheck', hookBody(kindcheckPrefetch({ patient: { resourceType: 'Patient', id: patientId, birthDate: '2011-02' }, conditions: bundle(condition('c1', ICPC_NL, 'P19')) })));
    expect(partial.json.cards).toHaveLength(1);
  });
});

describe('the afwegingskader service (patient-view)', () => {
  it('evaluates the latest meldcode QuestionnaireResponse into the card of toCdsHooksCard', async () => {
    const older = response({ considerations: { suspicion: false } }, 'old', '2026-10-01T09:00:00+01:00');
    const latest = response({ considerations: { suspicion: true, unsafety: { acute: true } } }, 'new', '2026-11-20T09:00:00+01:00');
    const { status, json } = await post('/cds-services/meldcode-afwegingskader', hookBody({ patient: patient(), questionnaireResponses: bundle(older, latest) }));
    expect(status).toBe(200);
    const [card] = json.cards;
    const expected = toCdsHooksCard(evaluate({ framework: 'basismodel', client: { birthDate: '1990-05-01' }, considerations: { suspicion: true, unsafety: { acute: true } } }, { evaluationDate: today() }));
    expect({ ...card, uuid: undefined }).toEqual({ ...expected, uuid: undefined });
    expect(card.indicator).toBe('critical');
  });

  it('the latest is a point in time, across time zones; a kindcheck-only response is no afwegingskader answer', async () => {
    // 08:30 UTC is later than 09:00 in Amsterdam (08:00 UTC), though it sorts first as text.
    const later = response({ considerations: { suspicion: true, unsafety: { acute: true } } }, 'later', '2026-11-20T08:30:00Z');
    const earlier = response({ considerations: { suspicion: false } }, 'earlier', '2026-11-20T09:00:00+01:00');
    const kindcheckOnly = response({ kindcheck: { parentSignals: true } }, 'kc', '2026-11-21T09:00:00+01:00', ['kindcheck']);
    const { json } = await post('/cds-services/meldcode-afwegingskader', hookBody({ patient: patient(), questionnaireResponses: bundle(earlier, kindcheckOnly, later) }));
    expect(json.cards[0].indicator).toBe('critical');
  });

  it('no card without a meldcode response; a response to another Questionnaire is not ours to read', async () => {
    const foreign = { ...response({ considerations: { suspicion: true } }), questionnaire: 'https://ehr.example.org/Questionnaire/intake' };
    for (const responses of [bundle(), null, bundle(foreign)]) {
      const { json } = await post('/cds-services/meldcode-afwegingskader', hookBody({ patient: patient(), questionnaireResponses: responses }));
      expect(json.cards).toEqual([]);
    }
  });

  it('a meldcode response that is no valid answer is refused with 422 and the issues', async () => {
    const broken = { ...response({}), item: [{ linkId: 'considerations.nope', answer: [{ valueBoolean: true }] }] };
    const { status, json } = await post('/cds-services/meldcode-afwegingskader', hookBody({ patient: patient(), questionnaireResponses: bundle(broken) }));
    expect(status).toBe(422);
    expect(json.issue[0].expression).toEqual(['QuestionnaireResponse.item.0.linkId']);
  });
});

describe('bad requests are answered with an OperationOutcome', () => {
  it('a missing prefetch key: 412, naming it; the service does not guess or fetch', async () => {
    const { relatedPersons: _, ...prefetch } = kindcheckPrefetch();
    const { status, json } = await post('/cds-services/meldcode-kindcheck', hookBody(prefetch));
    expect(status).toBe(412);
    expect(issueCodes(json)).toEqual(['required']);
    expect(json.issue[0].expression).toEqual(['prefetch.relatedPersons']);
    // An OperationOutcome in place of the data (the client could not fetch it) is missing too.
    const failed = await post('/cds-services/meldcode-kindcheck', hookBody(kindcheckPrefetch({ conditions: { resourceType: 'OperationOutcome', issue: [] } })));
    expect([failed.status, failed.json.issue[0].expression]).toEqual([412, ['prefetch.conditions']]);
    const none = await post('/cds-services/meldcode-kindcheck', hookBody({}, { prefetch: undefined }));
    expect(none.status).toBe(412);
  });

  it('prefetch data of another patient: 400, never advice', async () => {
    const other = await post('/cds-services/meldcode-kindcheck', hookBody(kindcheckPrefetch({ patient: { ...patient(), id: 'p2' } })));
    expect([other.status, other.json.issue[0].expression]).toEqual([400, ['prefetch.patient']]);
    const foreignCondition = { ...condition('c1', ICPC_NL, 'P15'), subject: { reference: 'Patient/p2' } };
    expect((await post('/cds-services/meldcode-kindcheck', hookBody(kindcheckPrefetch({ conditions: bundle(foreignCondition) })))).status).toBe(400);
    expect((await post('/cds-services/meldcode-kindcheck', hookBody(kindcheckPrefetch({ conditions: { resourceType: 'Patient' } })))).status).toBe(400);
  });

  it('malformed bodies: not JSON, not an object, the wrong hook, no patient', async () => {
    const notJson = await post('/cds-services/meldcode-kindcheck', '{"hook":');
    expect([notJson.status, issueCodes(notJson.json)]).toEqual([400, ['structure']]);
    expect((await post('/cds-services/meldcode-kindcheck', '[]')).status).toBe(400);
    const wrong = await post('/cds-services/meldcode-kindcheck', { ...hookBody(kindcheckPrefetch()), hook: 'order-sign', context: {} });
    expect(wrong.status).toBe(400);
    expect(wrong.json.issue.map((i: { expression: string[] }) => i.expression[0])).toEqual(['hook', 'context.patientId']);
  });

  it('unknown endpoints and methods: 404 and 405', async () => {
    expect((await post('/cds-services/nope', {})).status).toBe(404);
    const get = await fetch(`${base}/cds-services/meldcode-kindcheck`);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST, OPTIONS']);
  });

  it('a bearer token the host refuses: 401 with WWW-Authenticate; the right one passes', async () => {
    const body = hookBody(kindcheckPrefetch());
    const none = await post('/cds-services/meldcode-kindcheck', body, guardedBase);
    expect([none.status, none.headers.get('www-authenticate'), issueCodes(none.json)]).toEqual([401, 'Bearer', ['login']]);
    expect((await post('/cds-services/meldcode-kindcheck', body, guardedBase, { authorization: 'Bearer bad' })).status).toBe(401);
    expect((await post('/cds-services/meldcode-kindcheck', body, guardedBase, { authorization: 'Bearer good' })).status).toBe(200);
  });

  it('a body over the limit: 413', async () => {
    const big = hookBody(kindcheckPrefetch({ conditions: bundle(...Array.from({ length: 40 }, (_, i) => condition(`c${i}`, ICPC_NL, 'P15'))) }));
    const res = await post('/cds-services/meldcode-kindcheck', big, guardedBase, { authorization: 'Bearer good' });
    expect([res.status, issueCodes(res.json)]).toEqual([413, ['too-costly']]);
  });
});

describe('feedback', () => {
  const entry = { card: '7c3f2a10-0000-4000-8000-000000000001', outcome: 'overridden', overrideReason: { reason: { code: 'decides-otherwise' }, userComment: 'besproken met collega' }, outcomeTimestamp: '2026-11-23T10:15:00+01:00' };

  it('accepted and overridden (with the reason picked) reach the host\'s recorder', async () => {
    recorded.length = 0;
    const accepted = { card: '7c3f2a10-0000-4000-8000-000000000002', outcome: 'accepted', outcomeTimestamp: '2026-11-23T10:16:00Z' };
    const res = await post('/cds-services/meldcode-kindcheck/feedback', { feedback: [entry, accepted] });
    expect(res.status).toBe(200);
    expect(recorded).toEqual([{ serviceId: 'meldcode-kindcheck', feedback: [entry, accepted] }]);
  });

  it('malformed feedback is refused, and nothing is recorded', async () => {
    recorded.length = 0;
    for (const feedback of [[], [{ ...entry, outcome: 'ignored' }], [{ ...entry, card: 'x' }], [{ ...entry, outcome: 'accepted' }], [{ ...entry, outcomeTimestamp: 'today' }]]) {
      expect((await post('/cds-services/meldcode-kindcheck/feedback', { feedback })).status).toBe(400);
    }
    expect(recorded).toEqual([]);
  });

  it('without a recorder the endpoint says so (501) instead of dropping the feedback', async () => {
    const res = await post('/cds-services/meldcode-kindcheck/feedback', { feedback: [entry] }, guardedBase, { authorization: 'Bearer good' });
    expect([res.status, issueCodes(res.json)]).toEqual([501, ['not-supported']]);
  });
});

describe('SDC $next-question over HTTP', () => {
  const start = { resourceType: 'QuestionnaireResponse', status: 'in-progress', questionnaire: questionnaireUrl('basismodel') };

  it('a response in, the next step out: bare or in a Parameters', async () => {
    const bare = await post('/Questionnaire/$next-question', start);
    expect(bare.status).toBe(200);
    expect([bare.json.status, bare.json.questionnaire, bare.json.contained[0].resourceType]).toEqual(['in-progress', '#next', 'Questionnaire']);
    const wrapped = await post('/Questionnaire/$next-question', { resourceType: 'Parameters', parameter: [{ name: 'questionnaireResponse', resource: start }] });
    expect(wrapped.json).toEqual(bare.json);
  });

  it('refuses what it cannot read (422, 400), other methods (405) and a refused token (401)', async () => {
    const foreign = await post('/Questionnaire/$next-question', { ...start, questionnaire: 'https://ehr.example.org/Questionnaire/x' });
    expect([foreign.status, foreign.json.issue[0].expression]).toEqual([422, ['QuestionnaireResponse.questionnaire']]);
    expect((await post('/Questionnaire/$next-question', { resourceType: 'Patient' })).status).toBe(400);
    expect((await fetch(`${base}/Questionnaire/$next-question`)).status).toBe(405);
    expect((await post('/Questionnaire/$next-question', start, guardedBase)).status).toBe(401);
  });
});

describe('the same service as a web-standard fetch handler', () => {
  it('answers a Request with a Response', async () => {
    const handle = cdsHooksFetchHandler({ today });
    const discovery = await handle(new Request('https://cds.example.org/cds-services'));
    expect(((await discovery.json()) as { services: unknown[] }).services).toHaveLength(3);
    const call = await handle(
      new Request('https://cds.example.org/cds-services/meldcode-kindcheck', {
        method: 'POST',
        body: JSON.stringify(hookBody(kindcheckPrefetch({ conditions: bundle(condition('c1', ICPC_NL, 'P15')) }))),
      }),
    );
    expect(call.status).toBe(200);
    expect(((await call.json()) as { cards: unknown[] }).cards).toHaveLength(1);
  });
});
