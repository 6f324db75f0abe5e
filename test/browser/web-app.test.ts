// The reference web app (examples/web) in Debian's chromium, as a professional uses it: every
// sociaal-domein vignette answered one question at a time through the page and its decision compared
// with `evaluate` on the same answers; back and change; the language switch; keyboard only; the
// dossier note in print; accessibility with axe-core; and no CSP violation on the way.
// The app is built here from dist/ (run `npm run build` first; CI does) and served with its CSP;
// `evaluate` for the comparison is the same built package's, in Node.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, contentSecurityPolicy, root, serveApp } from '../../scripts/web-app';
import { pathToFileURL } from 'node:url';
import { listQuestions } from '../../src/index.js';
import { leafPaths, valueAt, VIGNETTE_FRAMEWORK, vignettes } from '../support/vignettes';
import { browserAvailable, launchChromium } from './chromium';

const outDir = join(root, 'node_modules', '.cache', 'meldcode-web-app-test');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// evaluate as the page has it: the built package the app bundles (dist/), in Node.
type Api = typeof import('../../src/index.js');
let evaluate: Api['evaluate'];
let parseCase: Api['parseCase'];
let server: Server;
let url: string;
let browser: Browser;

/** Problems a page reported: CSP violations, uncaught errors, console errors. */
interface Watch {
  problems: string[];
}

async function open(query = '', watch: Watch = { problems: [] }): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => watch.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watch.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const response = await page.goto(`${url}${query}`);
  expect(response?.headers()['content-security-policy']).toBe(`${contentSecurityPolicy()}; frame-ancestors 'none'`);
  await page.waitForSelector('body[data-ready="yes"]');
  return { page, watch };
}

const currentQuestion = (page: Page) => page.locator('#q-form').getAttribute('data-question', { timeout: 2000 }).catch(() => null);

/** Answers the question on screen: a yes/no or a choice by its radio, a number, list or date by its field. */
async function answerOnScreen(page: Page, value: unknown): Promise<void> {
  if (typeof value === 'boolean' || (typeof value === 'string' && (await page.locator(`#q-form input[type=radio][value="${value}"]`).count()) > 0)) {
    await page.locator(`#q-form input[type=radio][value="${String(value)}"]`).check();
  } else {
    await page.locator('#q-answer').fill(Array.isArray(value) ? value.join(', ') : String(value));
  }
  await page.locator('#q-next').click();
}

/** "Don't know" to each question before `id` (the scope questions come first), so `id` is on screen. */
async function skipTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 10 && (await currentQuestion(page)) !== id; i++) {
    const before = await currentQuestion(page);
    await page.locator('#q-dont-know').click();
    await expect.poll(() => currentQuestion(page)).not.toBe(before);
  }
  expect(await currentQuestion(page)).toBe(id);
}

/** Goes through the questions one at a time: the value from `kase`, else "don't know". Returns the questions asked. */
async function walk(page: Page, kase: unknown): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 0; i < 100; i++) {
    const id = await currentQuestion(page);
    if (!id) break;
    if (asked.includes(id)) throw new Error(`asked twice: ${id}`);
    asked.push(id);
    const value = valueAt(kase, id);
    if (value === undefined) await page.locator('#q-dont-know').click();
    else await answerOnScreen(page, value);
    await expect.poll(() => currentQuestion(page)).not.toBe(id);
  }
  return asked;
}

/** Answers a question under "all questions" (those the step-by-step flow does not ask). */
async function answerUnderAll(page: Page, id: string, value: unknown): Promise<void> {
  const details = page.locator('#all-details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  const field = page.locator(`[id="all-${id}"]`);
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(String(value));
  else await field.fill(Array.isArray(value) ? value.join(', ') : String(value));
  await field.dispatchEvent('change');
}

async function exported(page: Page): Promise<{ case: Record<string, unknown>; decision: ReturnType<Api['evaluate']> }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

/** Where two JSON texts first differ, with some context; `null` when they are equal. */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(Math.max(0, i - 120), i + 80)}… vs …${b.slice(Math.max(0, i - 120), i + 80)}…`;
}

async function axe(page: Page): Promise<string[]> {
  // page.evaluate runs through the DevTools protocol, outside the page's CSP (the app itself has no inline script).
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

describe.runIf(browserAvailable())('the web app in chromium', () => {
  beforeAll(async () => {
    await buildApp(outDir);
    ({ evaluate, parseCase } = (await import(pathToFileURL(join(root, 'dist', 'index.js')).href)) as Api);
    ({ server, url } = await serveApp(outDir, 0));
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  describe('every sociaal-domein vignette, answered through the page, gets the decision evaluate gives', () => {
    for (const v of vignettes()) {
      it(v.id, async () => {
        const { page, watch } = await open(`?framework=${VIGNETTE_FRAMEWORK}&lang=en`);
        try {
          const asked = await walk(page, v.case);
          expect(asked).toContain('considerations.suspicion');
          // What the one-at-a-time questions did not ask (a separate signal; considerations 3-5,
          // answered together with Veilig Thuis after a norm-1 report) is answered under "all questions".
          for (const path of leafPaths(v.case).filter((p) => !asked.includes(p))) await answerUnderAll(page, path, valueAt(v.case, path));

          const out = await exported(page);
          const date = out.decision.receipt.evaluationDate;
          expect(out.case).toEqual({ ...(v.case as object), framework: VIGNETTE_FRAMEWORK, evaluationDate: date });
          // evaluate on the same answers: the vignette's case, with the framework and the date.
          const expected = evaluate(parseCase({ ...(v.case as object), framework: VIGNETTE_FRAMEWORK, evaluationDate: date }), { lang: 'en' });
          // The same decision, trail and receipt, byte for byte.
          expect(firstDifference(JSON.stringify(out.decision), JSON.stringify(expected))).toBeNull();
          expect({ outcome: expected.outcome, necessary: expected.report.necessary, norms: expected.report.norms }).toEqual(v.expect);

          // On screen: the outcome, decision 1, the receipt, and each deciding rule with its source text.
          await expect.poll(() => page.locator('#outcome').getAttribute('data-outcome')).toBe(expected.outcome);
          expect(await page.locator('#report-necessary').getAttribute('data-value')).toBe('true');
          const receipt = await page.locator('#receipt').innerText();
          expect(receipt).toContain(expected.receipt.caseSha256);
          expect(receipt).toContain(expected.receipt.framework.sha256);
          for (const ruleId of expected.report.rules) {
            const entry = expected.trail.find((e) => e.ruleId === ruleId && e.outcome)!;
            const reason = page.locator(`#advice section:has(#d1-heading) details[data-rule="${ruleId}"]`);
            await reason.locator('summary').click();
            const text = await reason.innerText();
            expect(text).toContain(entry.explanation);
            expect(text).toContain(entry.source.section);
            if (entry.source.quote) expect(text).toContain(entry.source.quote);
          }
          // The path through the flowchart ends in the report exit of each norm.
          const chartPath = await page.locator('#chart-path').innerText();
          if (expected.report.norms.includes(1)) expect(await page.locator('svg.chart [data-node="R1"]').getAttribute('class')).toContain('on-path');
          if (expected.report.norms.includes(3)) expect(await page.locator('svg.chart [data-node="R3"]').getAttribute('class')).toContain('on-path');
          expect(chartPath).toContain('Report to Veilig Thuis (norm 1)');
          expect(watch.problems).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  });

  it('goes back and changes an answer: the decision follows, and the answers it hides are set aside', async () => {
    const { page, watch } = await open('?framework=basismodel');
    try {
      await skipTo(page, 'considerations.suspicion');
      await answerOnScreen(page, true);
      await skipTo(page, 'considerations.unsafety.acute');
      await answerOnScreen(page, true);
      await expect.poll(() => page.locator('#outcome').getAttribute('data-outcome')).toBe('report');

      // Back: to the previous question, with its answer; change it.
      for (let i = 0; i < 5 && (await currentQuestion(page)) !== 'considerations.unsafety.acute'; i++) await page.locator('#q-back').click();
      expect(await currentQuestion(page)).toBe('considerations.unsafety.acute');
      expect(await page.locator('#q-form input[value="true"]').isChecked()).toBe(true);
      await answerOnScreen(page, false);
      await expect.poll(() => page.locator('#outcome').getAttribute('data-outcome')).toBe('needs-input');
      expect(await currentQuestion(page)).not.toBe('considerations.unsafety.acute');

      // Change the first answer from the list of answers: no suspicion closes the meldcode.
      await page.locator('[id="change-considerations.suspicion"]').click();
      expect(await currentQuestion(page)).toBe('considerations.suspicion');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('q-heading');
      await answerOnScreen(page, false);
      await expect.poll(() => page.locator('#outcome').getAttribute('data-outcome')).toBe('close-and-record');
      const setAside = await page.locator('#answers .set-aside').innerText();
      expect(setAside).toContain('acute');
      const out = await exported(page);
      expect(out.case).toEqual({ framework: 'basismodel', evaluationDate: out.decision.receipt.evaluationDate, considerations: { suspicion: false } });
      expect(firstDifference(JSON.stringify(out.decision), JSON.stringify(evaluate(parseCase(out.case))))).toBeNull();
      // The path: consideration 1, no → close.
      expect(await page.locator('svg.chart [data-edge="A1>CLOSE"]').getAttribute('class')).toContain('on-path');

      // And back to yes: the set-aside answer returns.
      await page.locator('[id="change-considerations.suspicion"]').click();
      await answerOnScreen(page, true);
      await expect.poll(() => page.locator('#answers .set-aside').count()).toBe(0);
      expect(watch.problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('switches language: the questions, the advice and the chart in the other language, the answers kept', async () => {
    const { page, watch } = await open('?framework=sociaal-domein');
    try {
      const catalogue = new Map(listQuestions('sociaal-domein').map((q) => [q.id, q]));
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
      expect(await page.locator('#q-text').innerText()).toBe(catalogue.get((await currentQuestion(page))!)!.text.nl);
      await skipTo(page, 'considerations.suspicion');
      await answerOnScreen(page, true);
      const id = (await currentQuestion(page))!;
      await page.locator('#lang-en').click();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('#lang-en').getAttribute('aria-pressed')).toBe('true');
      expect(await currentQuestion(page)).toBe(id);
      expect(await page.locator('#q-text').innerText()).toBe(catalogue.get(id)!.text.en);
      expect(await page.locator('#privacy').innerText()).toMatch(/nothing is sent/);
      expect(await page.locator('#answers').innerText()).toContain(catalogue.get('considerations.suspicion')!.text.en);
      expect(await page.locator('svg.chart title').textContent()).toBe("The framework's flowchart");
      const a1 = await page.locator('svg.chart [data-node="A1"] tspan').allTextContents();
      expect(a1.join(' ')).toBe('1. Suspicion of domestic violence or child abuse?');
      const advice = await page.locator('#advice').innerText();
      expect(advice).toContain('Decision 1: is reporting to Veilig Thuis necessary?');
      await page.locator('#lang-nl').click();
      expect(await page.locator('#q-text').innerText()).toBe(catalogue.get(id)!.text.nl);
      // Another framework keeps the answers it has questions for, and says which it left out.
      await answerUnderAll(page, 'considerations.indicators.structural-financial-exploitation', true);
      await page.locator('#framework').selectOption('basismodel');
      await expect.poll(() => page.locator('#notice').innerText()).toMatch(/^1 antwoord hoort niet bij dit afwegingskader/);
      expect(await page.locator('#answers').innerText()).toContain(catalogue.get('considerations.suspicion')!.text.nl);
      expect(watch.problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('works with the keyboard alone, in a sensible focus order', async () => {
    const { page, watch } = await open('?framework=basismodel');
    try {
      const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');
      const order: string[] = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        order.push(await focused());
      }
      // Skip link first, then the language, the case settings, then the question.
      expect(order[0]).toBe('skip-link');
      expect(order.indexOf('lang-nl')).toBeLessThan(order.indexOf('framework'));
      expect(order.indexOf('framework')).toBeLessThan(order.indexOf('evaluation-date'));
      expect(order.indexOf('q-answer-0')).toBeGreaterThan(order.indexOf('new-case'));

      // From the top: the skip link takes focus to the question; answer two questions by keys alone.
      await page.reload();
      await page.waitForSelector('body[data-ready="yes"]');
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('skip-link');
      await page.keyboard.press('Enter');
      expect(await focused()).toBe('q-heading');
      // The scope questions come first: "don't know" to each, by keys (Tab to the button, Enter).
      while ((await currentQuestion(page)) !== 'considerations.suspicion') {
        const before = await currentQuestion(page);
        while ((await focused()) !== 'q-dont-know') await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await expect.poll(() => currentQuestion(page)).not.toBe(before);
        await expect.poll(focused).toBe('q-heading');
      }
      for (let n = 0; n < 2; n++) {
        await page.keyboard.press('Tab'); // the first option: yes
        expect(await focused()).toBe('q-answer-0');
        await page.keyboard.press('Space');
        await page.keyboard.press('Enter'); // submits the question's form
        await expect.poll(focused).toBe('q-heading');
      }
      await expect.poll(() => page.locator('#outcome').getAttribute('data-outcome')).toBe('report');
      // Don't know, by keyboard: Tab to the button and press it.
      const id = await currentQuestion(page);
      await page.locator('#q-dont-know').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => currentQuestion(page)).not.toBe(id);
      // A reason opens with the keyboard.
      await page.locator('#advice details[data-rule="afweging-2-ja-norm-1"] summary').first().focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('#advice details[data-rule="afweging-2-ja-norm-1"]').first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      // Every control can take focus and shows it.
      const outline = await page.locator('#q-next').evaluate((b) => {
        b.focus();
        return getComputedStyle(b).outlineStyle;
      });
      expect(outline).not.toBe('none');
      expect(watch.problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('passes axe-core (WCAG 2.2 AA: labels, contrast, focus, landmarks) in each key state', async () => {
    const { page, watch } = await open('?framework=sociaal-domein');
    try {
      expect(await axe(page), 'the first question').toEqual([]);
      await skipTo(page, 'considerations.suspicion');
      await answerOnScreen(page, true);
      await skipTo(page, 'considerations.unsafety.acute');
      await answerOnScreen(page, true);
      await page.locator('#practice').selectOption('vignette-boy-3-childcare');
      // Every reason and section open, and all questions.
      await page.locator('#all-details summary').click();
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(await axe(page), 'a decision, everything open').toEqual([]);
      await page.locator('#lang-en').click();
      expect(await axe(page), 'in English').toEqual([]);
      // A refused answer, with its message.
      await page.locator('#framework').selectOption('basismodel');
      await page.locator('#q-next').click();
      expect(await page.locator('#q-error').innerText()).toMatch(/Choose or enter an answer/);
      expect(await axe(page), 'an error').toEqual([]);
      expect(watch.problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('prints a dossier note with the decision, its sources, the answers and the receipt', async () => {
    const { page, watch } = await open('?framework=sociaal-domein&lang=en');
    try {
      await skipTo(page, 'considerations.suspicion');
      await answerOnScreen(page, true);
      await skipTo(page, 'considerations.unsafety.acute');
      await answerOnScreen(page, true);
      const out = await exported(page);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#dossier').isVisible()).toBe(true);
      expect(await page.locator('main').isVisible()).toBe(false);
      const note = await page.locator('#dossier').innerText();
      expect(note).toContain('Dossier note');
      expect(note).toContain('Reporting to Veilig Thuis is the professional norm');
      expect(note).toContain(out.decision.receipt.caseSha256);
      for (const item of out.decision.recordKeeping.items) expect(note).toContain(item.text);
      expect(note).toContain('Name and role');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(watch.problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('opens an exported case again, and refuses a broken one with its problems', async () => {
    const { page, watch } = await open('?framework=sociaal-domein&lang=en');
    try {
      await skipTo(page, 'considerations.suspicion');
      await answerOnScreen(page, true);
      await skipTo(page, 'considerations.unsafety.acute');
      await answerOnScreen(page, true);
      const out = await exported(page);
      await page.locator('#new-case').click();
      await page.locator('#confirm-new').click();
      expect(await page.locator('#answer-list').count()).toBe(0);
      await page.locator('#open-file').setInputFiles({ name: 'case.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(out)) });
      await expect.poll(() => page.locator('#outcome').getAttribute('data-outcome')).toBe(out.decision.outcome);
      expect(await page.locator('#receipt').innerText()).toContain(out.decision.receipt.caseSha256);
      await page.locator('#open-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"considerations":{"suspicion":"maybe"}}') });
      await expect.poll(() => page.locator('#notice').innerText()).toContain('considerations.suspicion');
      expect(await page.locator('#receipt').innerText()).toContain(out.decision.receipt.caseSha256);
      expect(watch.problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
