// Issue 15 item 1: the paramedics' framework (`paramedici`, the Algemeen Paramedisch Afwegingskader of
// KNGF, VvOCM, NVH, EN, NVLF and NVD, 2018), encoded from our fact note docs/sources/paramedici.md:
// the floor with the Basisdocument's examples, Veilig Thuis advice compulsory in step 2 (fact 6),
// not for the speech therapist in independent practice (NVLF, facts 7 and 8); what the sources do
// not settle is an open item. Golden cases cite the fact note: the sources give no vignettes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CaseInput, evaluate, getFramework, listFrameworks, MeldcodeInputError } from '../src/index.js';
import { userRoles } from '../src/frameworks/framework.js';
import { paramedici } from '../src/frameworks/paramedici/index.js';
import { checkFramework } from '../src/testing/index.js';
import { sourceEntry } from '../src/sources/sources.js';
import { citationProblem, citationProblemIn, factNoteCitations } from './support/sources.js';
import { thrown } from './support/throws.js';

const DATE = { evaluationDate: '2026-11-23' };
const NOTE = 'docs/sources/paramedici.md';
const fw = getFramework('paramedici');
const withRole = (c: CaseInput, role?: string): CaseInput => ({ ...c, framework: 'paramedici', ...(role ? { professional: { role } } : {}) }) as CaseInput;
const open = (c: CaseInput, role?: string) => evaluate(withRole(c, role), DATE).steps!.open;

describe('a fact note of this repository is citable (docs/sources/<name>.md)', () => {
  it("every citation of the framework's own holds in the note: heading path and quote (checked without ../shared/sources)", () => {
    const { count, problems } = factNoteCitations(fw, NOTE);
    expect(count).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
  });

  it('a miscited heading or quote in the note fails', () => {
    const good = fw.steps![0]!.requirements![0]!.source;
    expect(citationProblem(good)).toBeUndefined();
    expect(citationProblem({ ...good, section: good.section.replace('Step 2: Veilig Thuis advice', 'Step 3') })).toMatch(/heading "Step 3" not found/);
    // A quote that stands in the note, but under another heading.
    expect(citationProblem({ ...good, quote: 'it does not make consulting Veilig Thuis in step 2 compulsory.' })).toMatch(/not under/);
    expect(citationProblem({ ...good, quote: 'Veilig Thuis advice is never needed.' })).toMatch(/quote not found in docs\/sources\/paramedici\.md/);
    // The note is Markdown: a list line is no heading.
    const raw = readFileSync(join(process.cwd(), NOTE), 'utf8');
    expect(citationProblemIn(raw, { document: NOTE, section: 'NVLF page of fact 6.' })).toMatch(/heading/);
    expect(citationProblem({ document: 'docs/sources/no-such-note.md', section: 'Facts' })).toMatch(/not found in docs\/sources/);
  });

  it('the catalogue names it by title; a source line reads the published document (APA, 2018)', () => {
    expect(sourceEntry(NOTE)).toMatchObject({ kind: 'facts', publisher: 'meldcode-project', basedOn: { title: 'Algemeen Paramedisch Afwegingskader', year: 2018 } });
    expect(fw.source).toMatchObject({ document: NOTE, title: 'Algemeen Paramedisch Afwegingskader', version: '2018' });
  });
});

describe('paramedici: the framework', () => {
  it('is shipped: listed with its cluster, the module exports the document the registry serves, and it keeps every floor invariant', () => {
    expect(listFrameworks().find((f) => f.id === 'paramedici')).toMatchObject({ status: 'encoded', role: 'helper', clusters: ['paramedici'] });
    expect(getFramework('paramedici')).toEqual(paramedici);
    expect(fw.publishers).toEqual(['KNGF', 'VvOCM', 'NVH', 'EN', 'NVLF', 'NVD']);
    const check = checkFramework('paramedici', { numRuns: 20, seed: 20261201 });
    expect(check.ok, check.ok ? '' : check.error).toBe(true);
  });

  it("has the floor with the Basisdocument's example lists, no rules of its own, and what the sources do not settle as open items", () => {
    expect(fw.indicators).toEqual(getFramework('basismodel').indicators);
    expect(fw.rules).toBeUndefined();
    // Not found: the APA's own consent and objection regime, so the floor's (not basismodel's FAQ 004 regime).
    expect(fw.consent).toBeUndefined();
    expect(fw.objectionRegime).toBeUndefined();
    expect(fw.openItems!.map((o) => o.id)).toEqual(['apa-tekst-voorbeeldlijsten', 'uitzonderingen-advies-stap-2', 'toestemming-en-bezwaar', 'rollen-aandachtsfunctionaris']);
  });

  it('its user roles are the paramedic and the speech therapist in independent practice; another role is refused', () => {
    expect(userRoles(fw).map((r) => r.id)).toEqual(['paramedicus', 'logopedist-zelfstandig']);
    const error = thrown(() => evaluate(withRole({}, 'arts'), DATE)) as MeldcodeInputError;
    expect(error).toBeInstanceOf(MeldcodeInputError);
    expect(error.issues[0]!.message.en).toMatch(/unknown role "arts".*paramedicus, logopedist-zelfstandig/);
  });

  it('step 2: Veilig Thuis advice required for the paramedic (fact 6), the floor\'s "where needed" left for the NVLF\'s speech therapist (facts 7, 8)', () => {
    const r = fw.steps!.find((s) => s.step === 2)!.requirements!.find((x) => x.id === 'advies-veilig-thuis')!;
    expect(r).toMatchObject({ level: 'required', roles: ['paramedicus'] });
    expect(r.source).toMatchObject({ document: NOTE, section: expect.stringMatching(/› Step 2: Veilig Thuis advice$/) });
  });
});

describe('paramedici: golden cases from the fact note (no vignettes are public)', () => {
  const consulted = { steps: { colleagueConsulted: true } } as CaseInput;
  const advised = { steps: { colleagueConsulted: true, veiligThuisAdviceAsked: true } } as CaseInput;

  it('acute unsafety: report (the professional norm since 2019, fact 4; the floor, norm 1)', () => {
    for (const role of [undefined, 'paramedicus', 'logopedist-zelfstandig']) {
      const d = evaluate(withRole({ considerations: { suspicion: true, unsafety: { acute: true } } } as CaseInput, role), DATE);
      expect(d.outcome, role).toBe('report');
      expect(d.report.norms, role).toEqual([1]);
    }
  });

  it('step 2 stays open after the colleague consultation until Veilig Thuis is asked: for the paramedic, and when no role is given (unknown never weakens)', () => {
    for (const role of [undefined, 'paramedicus']) {
      expect(open(consulted, role), role).toEqual([1, 2, 3, 4]);
      expect(evaluate(withRole(consulted, role), DATE).actions.map((a) => a.id), role).toContain('framework-requires-veilig-thuis-advice');
      expect(open(advised, role), role).toEqual([1, 3, 4]);
      expect(open({ steps: { colleagueConsulted: true, veiligThuisAdviceAsked: false } } as CaseInput, role), role).toEqual([1, 2, 3, 4]);
    }
  });

  it('the speech therapist in independent practice (NVLF): the consultation is enough, as under the floor', () => {
    expect(open(consulted, 'logopedist-zelfstandig')).toEqual([1, 3, 4]);
    expect(evaluate(withRole(consulted, 'logopedist-zelfstandig'), DATE).actions.map((a) => a.id)).not.toContain('framework-requires-veilig-thuis-advice');
    expect(evaluate({ ...consulted, framework: 'basismodel' } as CaseInput, DATE).steps!.open).toEqual([1, 3, 4]);
  });

  it("the physicians' requirement names no role and still binds every role (artsen unchanged)", () => {
    for (const role of [undefined, 'arts', 'tandarts']) {
      const c = { ...consulted, framework: 'artsen', ...(role ? { professional: { role } } : {}) } as CaseInput;
      expect(evaluate(c, DATE).steps!.open, role).toEqual([1, 2, 3, 4]);
    }
  });
});
