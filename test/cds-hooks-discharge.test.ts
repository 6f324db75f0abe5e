// The second hook: the kindcheck at discharge (CDS Hooks `encounter-discharge`), over real HTTP.
// An emergency encounter prompts kindcheck question 3 (fleeting contact); it never answers it.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdsServices, createCdsHooksServer } from '../src/cds-hooks/index.js';
import { toQuestionnaire } from '../src/fhir/index.js';
import { fillQuestionnaire } from './fhir-r4.js';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createCdsHooksServer({ today: () => '2026-11-23' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const patientId = 'p1';
const bundle = (...resources: object[]) => ({ resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) });
const alcohol = { resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icpc-1-nl', code: 'P15' }] } };
const encounter = (code: string, extra: object = {}) => ({
  resourceType: 'Encounter',
  id: 'e1',
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code },
  subject: { reference: 'Patient/p1' },
  ...extra,
});
const answered = (answers: object) => ({
  ...fillQuestionnaire(toQuestionnaire('basismodel', { modules: ['kindcheck'] }), answers),
  id: 'qr1',
  authored: '2026-11-20T10:00:00+01:00',
  subject: { reference: 'Patient/p1' },
});
const prefetch = (over: Record<string, unknown> = {}) => ({
  patient: { resourceType: 'Patient', id: patientId, birthDate: '1990-05-01' },
  encounter: encounter('EMER'),
  conditions: bundle(alcohol),
  relatedPersons: bundle(),
  questionnaireResponses: bundle(),
  ...over,
});
const body = (p: Record<string, unknown>, context: Record<string, unknown> = { userId: 'Practitioner/7', patientId, encounterId: 'e1' }) => ({
  hook: 'encounter-discharge',
  hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
  context,
  prefetch: p,
});
async function post(json: unknown) {
  const res = await fetch(`${base}/cds-services/meldcode-kindcheck-discharge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
  return { status: res.status, json: (await res.json()) as { cards?: { summary: string; detail: string; indicator: string }[]; issue?: { code: string; expression?: string[] }[] } };
}

describe('meldcode-kindcheck-discharge (encounter-discharge)', () => {
  it('is in discovery on encounter-discharge, with the encounter among its prefetch', async () => {
    const { services } = (await (await fetch(`${base}/cds-services`)).json()) as { services: typeof cdsServices };
    const service = services.find((s) => s.id === 'meldcode-kindcheck-discharge');
    expect(service?.hook).toBe('encounter-discharge');
    expect(service?.prefetch.encounter).toBe('Encounter/{{context.encounterId}}');
  });

  it('names an emergency encounter as a reason to ask question 3, beside the coded problem', async () => {
    const { status, json } = await post(body(prefetch()));
    expect(status).toBe(200);
    expect(json.cards).toHaveLength(1);
    expect(json.cards?.[0]?.detail).toContain('spoedeisende hulp');
    expect(json.cards?.[0]?.detail).toContain('Chronisch alcoholmisbruik');
    // The summary names the problem that opened the kindcheck, not the encounter.
    expect(json.cards?.[0]?.summary).toContain('Chronisch alcoholmisbruik');
  });

  it('never answers question 3: with questions 1 and 2 answered yes the card still asks it (info), not ask-Veilig-Thuis (warning)', async () => {
    const { json } = await post(body(prefetch({ questionnaireResponses: bundle(answered({ kindcheck: { parentSignals: true }, client: { caresForMinor: true } })) })));
    const card = json.cards?.[0];
    expect(card?.indicator).toBe('info');
    expect(card?.detail).toContain('Hebt u vluchtig of eenmalig contact met uw cliënt?');
    // The professional's own answer decides: yes is ask Veilig Thuis.
    const yes = await post(body(prefetch({ questionnaireResponses: bundle(answered({ kindcheck: { parentSignals: true }, client: { caresForMinor: true }, contact: { oneOff: true } })) })));
    expect(yes.json.cards?.[0]?.indicator).toBe('warning');
  });

  it('an ambulatory encounter prompts nothing, and an emergency one alone does not open the kindcheck', async () => {
    const ambulatory = await post(body(prefetch({ encounter: encounter('AMB') })));
    expect(ambulatory.json.cards?.[0]?.detail).not.toContain('spoedeisende hulp');
    const alone = await post(body(prefetch({ conditions: bundle() })));
    expect(alone.status).toBe(200);
    expect(alone.json.cards).toEqual([]);
  });

  it('refuses a call without context.encounterId (400), without the encounter prefetch (412), with another encounter or another patient’s (400)', async () => {
    const noId = await post(body(prefetch(), { userId: 'Practitioner/7', patientId }));
    expect(noId.status).toBe(400);
    expect(noId.json.issue?.[0]?.expression).toEqual(['context.encounterId']);
    const { encounter: _, ...withoutEncounter } = prefetch();
    const missing = await post(body(withoutEncounter));
    expect(missing.status).toBe(412);
    expect(missing.json.issue?.[0]?.expression).toEqual(['prefetch.encounter']);
    expect((await post(body(prefetch({ encounter: encounter('EMER', { id: 'e2' }) })))).status).toBe(400);
    expect((await post(body(prefetch({ encounter: encounter('EMER', { subject: { reference: 'Patient/p2' } }) })))).status).toBe(400);
    expect((await post(body(prefetch({ encounter: { resourceType: 'Patient', id: 'e1' } })))).status).toBe(400);
  });

  it('is not called on patient-view: the hook must be encounter-discharge', async () => {
    expect((await post({ ...body(prefetch()), hook: 'patient-view' })).status).toBe(400);
  });
});
