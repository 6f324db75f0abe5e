// The reference web app's logic without a browser (examples/web/src): the flowchart read from
// toMermaid for every shipped framework, the path a decision takes through it, and the session
// model: one question at a time, "don't know", changed answers, export and import. The same app
// runs in Chromium in test/browser/web-app.test.ts.
import { describe, expect, it } from 'vitest';
import { considerationAnswers, parseMermaid, pathTaken } from '../examples/web/src/chart';
import * as model from '../examples/web/src/model';
import { evaluate, getFramework, listFrameworks, parseCase, toMermaid } from '../src/index.js';
import { loadExamples } from '../scripts/load-examples.js';
import { leafPaths, valueAt, VIGNETTE_FRAMEWORK, vignettes } from './support/vignettes';

const DATE = '2026-12-01';
const nlWords = { yes: 'Ja', no: 'Nee', unknown: 'onbekend' };
const enWords = { yes: 'Yes', no: 'No', unknown: 'unknown' };

describe('the flowchart from toMermaid', () => {
  for (const { id } of listFrameworks()) {
    for (const lang of ['nl', 'en'] as const) {
      it(`reads every line of ${id} (${lang})`, () => {
        const text = toMermaid(getFramework(id), { lang });
        const chart = parseMermaid(text);
        const nodeLines = text.split('\n').filter((l) => /^\s+\w+(\(\[|\[\[|\[\/|\[|\{|>)"/.test(l));
        expect(chart.nodes).toHaveLength(nodeLines.length);
        expect(chart.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['S1', 'S4', 'S5', 'A1', 'A5', 'CLOSE', 'R1', 'R2', 'R3', 'R4', 'HELP', 'DONE', 'OPEN']));
        expect(chart.nodes.find((n) => n.id === 'R1')!.classes).toEqual(['report']);
        expect(chart.nodes.find((n) => n.id === 'A2')!.shape).toBe('decision');
        expect(chart.nodes.flatMap((n) => n.lines).join(' ')).not.toMatch(/#quot;|#lt;|#gt;|<br\/>/);
        const yes = lang === 'nl' ? 'Ja' : 'Yes';
        expect(chart.edges).toContainEqual({ from: 'A1', to: 'A2', label: yes, dotted: false });
      });
    }
  }

  it('refuses a line it does not know, so a change in toMermaid cannot pass unseen', () => {
    expect(() => parseMermaid('flowchart TD\n  A1((circle))\n')).toThrow(/unknown line/);
    expect(() => parseMermaid('graph LR\n')).toThrow(/flowchart TD/);
  });
});

describe('the path a decision takes', () => {
  const chart = parseMermaid(toMermaid(getFramework('basismodel'), { lang: 'nl' }));
  for (const example of loadExamples()) {
    it(`${example.id}: every exit the decision's rules take is on the path, and no other`, () => {
      const d = evaluate(parseCase(example.case), { evaluationDate: DATE });
      const { edges, nodes } = pathTaken(chart, d, nlWords);
      const fired = new Set(d.trail.filter((e) => e.outcome).map((e) => e.ruleId));
      // Each exit of the chart names the floor rule that takes it (toMermaid).
      for (const exit of chart.nodes.filter((n) => /^afweging-\d-/.test(n.lines.at(-1)!))) {
        const rule = exit.lines.at(-1)!;
        const into = chart.edges.filter((e) => e.to === exit.id).map((e) => `${e.from}>${e.to}`);
        if (fired.has(rule)) {
          expect(into.some((e) => edges.has(e)), `${rule} fired: ${exit.id} on the path`).toBe(true);
          expect(nodes).toContain(exit.id);
        } else expect(into.filter((e) => edges.has(e)), `${rule} did not fire`).toEqual([]);
      }
      if (fired.has('afweging-4-ja')) expect(edges).toContain('HELP>A5');
    });
  }

  it('an unanswered consideration leads to the "not yet answered" node', () => {
    const d = evaluate({ considerations: { suspicion: true } }, { evaluationDate: DATE });
    expect(considerationAnswers(d)).toMatchObject({ 1: 'yes', 2: 'open' });
    expect(pathTaken(chart, d, nlWords).edges).toEqual(new Set(['A1>A2', 'A2>OPEN']));
    const en = parseMermaid(toMermaid(getFramework('basismodel'), { lang: 'en' }));
    expect(pathTaken(en, d, enWords).edges).toEqual(new Set(['A1>A2', 'A2>OPEN']));
  });
});

/** Answers a session one question at a time from a case: its value, or "don't know". */
function walk(kase: unknown, framework = VIGNETTE_FRAMEWORK) {
  let session = model.newSession(framework, DATE);
  const asked: string[] = [];
  for (let i = 0; i < 200; i++) {
    const q = model.view(session, 'nl').open[0];
    if (!q) break;
    asked.push(q.id);
    const value = valueAt(kase, q.id);
    if (value === undefined) session = model.dontKnow(session, q.id);
    else {
      const r = model.answer(session, q.id, value as model.Answer);
      if (!r.ok) throw new Error(`refused ${q.id}: ${JSON.stringify(r.issues)}`);
      session = r.session;
    }
  }
  return { session, asked };
}

describe('the session: the vignettes one question at a time', () => {
  for (const v of vignettes()) {
    it(`${v.id}: the same decision as evaluate on the same answers`, () => {
      let { session, asked } = walk(v.case);
      // The facts the step-by-step questions did not ask (a separate signal, considerations 3-5
      // answered together with Veilig Thuis) are answered under "all questions".
      for (const path of leafPaths(v.case).filter((p) => !asked.includes(p))) {
        const r = model.answer(session, path, valueAt(v.case, path) as model.Answer, false);
        if (!r.ok) throw new Error(`refused ${path}`);
        session = r.session;
      }
      const view = model.view(session, 'en');
      expect(view.setAside).toEqual([]);
      expect(view.case).toEqual({ ...(v.case as object), framework: VIGNETTE_FRAMEWORK, evaluationDate: DATE });
      const expected = evaluate(parseCase({ ...(v.case as object), framework: VIGNETTE_FRAMEWORK }, { framework: VIGNETTE_FRAMEWORK }), { evaluationDate: DATE, lang: 'en', framework: VIGNETTE_FRAMEWORK });
      // Byte for byte, receipt included (the evaluation date counts the same in the case or as an option).
      expect(JSON.stringify(view.decision)).toBe(JSON.stringify(expected));
      expect(JSON.stringify(view.decision)).toBe(JSON.stringify(evaluate(parseCase(view.case), { lang: 'en' })));
      expect({ outcome: view.decision!.outcome, necessary: view.decision!.report.necessary, norms: view.decision!.report.norms }).toEqual(v.expect);
    });
  }
});

describe('the session: answers', () => {
  it('"don\'t know" leaves the question unknown, never no, and it is not asked again', () => {
    const r = model.answer(model.newSession('basismodel', DATE), 'considerations.suspicion', true);
    if (!r.ok) throw new Error('refused');
    const first = model.view(r.session, 'nl').open.find((q) => q.id.startsWith('considerations.'))!.id;
    expect(first).toBe('considerations.unsafety.acute');
    const s = model.dontKnow(r.session, first);
    const v = model.view(s, 'nl');
    expect(v.case).toEqual({ framework: 'basismodel', evaluationDate: DATE, considerations: { suspicion: true } });
    expect([...s.dontKnow]).toEqual([first]);
    expect(v.open.map((q) => q.id)).not.toContain(first);
    expect(v.decision!.outcome).toBe('needs-input');
  });

  it('changing an answer sets aside the answers it hides, and brings them back when it is changed back', () => {
    const ok = (c: model.Change) => {
      if (!c.ok) throw new Error(JSON.stringify(c.issues));
      return c.session;
    };
    let s = model.newSession('basismodel', DATE);
    s = ok(model.answer(s, 'considerations.suspicion', true));
    s = ok(model.answer(s, 'considerations.unsafety.acute', true));
    expect(model.view(s, 'nl').decision!.outcome).toBe('report');
    s = ok(model.answer(s, 'considerations.suspicion', false));
    let v = model.view(s, 'nl');
    expect(v.setAside).toEqual(['considerations.unsafety.acute']);
    expect(v.case).toEqual({ framework: 'basismodel', evaluationDate: DATE, considerations: { suspicion: false } });
    expect(v.decision!.outcome).toBe('close-and-record');
    s = ok(model.answer(s, 'considerations.suspicion', true));
    v = model.view(s, 'nl');
    expect(v.setAside).toEqual([]);
    expect(v.decision!.outcome).toBe('report');
  });

  it('an answer that does not fit is refused with every problem, and the session stays as it was', () => {
    const s = model.newSession('sociaal-domein', DATE);
    const r = model.answer(s, 'client.birthDate', '2030-01-01');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path.join('.'))).toContain('client.birthDate');
    expect(s.answers.size).toBe(0);
  });

  it('an exported case opens again to the same decision; a bad one is refused with its problems', () => {
    const { session } = walk(vignettes().at(-1)!.case);
    const v = model.view(session, 'nl');
    const exported = JSON.parse(model.exportJson(v));
    expect(exported.decision).toEqual(JSON.parse(JSON.stringify(v.decision)));
    const opened = model.sessionFromJson(exported, { framework: 'basismodel', evaluationDate: '2020-01-01' });
    if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
    expect(opened.session.framework).toBe(VIGNETTE_FRAMEWORK);
    expect(JSON.stringify(model.view(opened.session, 'nl').decision)).toBe(JSON.stringify(v.decision));
    const bad = model.sessionFromJson({ case: { considerations: { suspicion: 'maybe' } } }, { framework: 'basismodel', evaluationDate: DATE });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.path).toEqual(['considerations', 'suspicion']);
    expect(model.sessionFromJson([1, 2], { framework: 'basismodel', evaluationDate: DATE }).ok).toBe(false);
  });

  it('progress counts the answers against the questions open now', () => {
    let s = model.newSession('basismodel', DATE);
    let v = model.view(s, 'nl');
    expect(v.open.map((q) => q.id)).toContain('considerations.suspicion');
    expect(model.progress(v)).toEqual({ answered: 0, open: v.open.length, fraction: 0 });
    const r = model.answer(s, 'considerations.suspicion', false);
    if (!r.ok) throw new Error('refused');
    s = r.session;
    v = model.view(s, 'nl');
    expect(model.progress(v)).toEqual({ answered: 1, open: v.open.length, fraction: 1 / (1 + v.open.length) });
  });
});
