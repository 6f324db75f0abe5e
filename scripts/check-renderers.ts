// npm run check:renderers: every shipped Questionnaire (each framework, nl and en, whole and
// kindcheck-only) rendered in real SDC renderers in headless Debian chromium, filled in through
// the renderer's own form controls, and its QuestionnaireResponse read back with
// fromQuestionnaireResponse to the same decision as the answers given. Also checked in each
// renderer: the flyover help text is shown, choice options carry the labels of the
// Questionnaire's language (never the raw codes), and a number beyond maxValue is refused.
//
// The renderers are served from 127.0.0.1; the page may load nothing else (any other request is
// blocked and fails the run), so nothing comes from a CDN. How each renderer gets here:
// - LHC-Forms: the npm package `lforms` holds only built files (its README: "The current lforms
//   npm package only contains built files"). Its package.json still lists Angular and 20 more
//   runtime dependencies, which the built files do not need, so it is not a devDependency: the
//   script fetches the tarball with `npm pack` (the registry's ordinary client) into
//   node_modules/.cache/renderers, checks its pinned sha512 integrity, and serves dist/lforms.
// - CSIRO Smart Forms: see scripts/check-renderers/ (a React library, bundled here with esbuild).
//
// Usage: tsx scripts/check-renderers.ts [--renderer lhc-forms|smart-forms] [--only <questionnaire id> | --controls | --ci]
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/browser/chromium.js';
import { evaluate } from '../src/decision/evaluate.js';
import { fromQuestionnaireResponse, toQuestionnaire } from '../src/fhir/index.js';
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse } from '../src/fhir/types.js';
import { listFrameworks } from '../src/frameworks/registry.js';
import { smartForms } from './check-renderers/smart-forms.js';

const root = resolve(import.meta.dirname, '..');
/** Async, so one renderer's install runs while the other renders. */
const run = promisify(execFile);
const cache = join(root, 'node_modules', '.cache', 'renderers');
const EVALUATION_DATE = '2026-11-23';

/** LHC-Forms, pinned: the version and the registry's sha512 integrity of its tarball. */
const LFORMS = { version: '40.1.3', integrity: 'sha512-WLruTm+BcVnafC0rSAQ3/cNqhxvclBUxyBG68aub/uha2NaK9H8ZZcEXTTuORuGzzCt0wa7fvhuieZtcDIdPzQ==' };

/** A renderer as the checks drive it: through its own controls, as a professional would. */
export interface Renderer {
  name: string;
  /** Files served under /<name>/ and the page at /<name>/index.html. */
  files: () => Promise<{ dir: string; page: string }>;
  /** Resolves once the page can render a Questionnaire. */
  ready: (page: Page) => Promise<void>;
  render: (page: Page, questionnaire: Questionnaire) => Promise<void>;
  /** The labels the renderer offers for a choice item, in its order. */
  optionLabels: (page: Page, linkId: string) => Promise<string[]>;
  choose: (page: Page, linkId: string, label: string) => Promise<void>;
  typeNumber: (page: Page, linkId: string, value: number) => Promise<void>;
  /** The renderer's error message for a number item, or undefined when it shows none. */
  numberError: (page: Page, linkId: string) => Promise<string | undefined>;
  /** Opens the item's help as the renderer offers it and returns the text shown. */
  help: (page: Page, linkId: string) => Promise<string | undefined>;
  response: (page: Page) => Promise<QuestionnaireResponse>;
}

const lhcForms: Renderer = {
  name: 'lhc-forms',
  async files() {
    const dir = join(cache, `lforms-${LFORMS.version}`);
    const dist = join(dir, 'package', 'dist', 'lforms');
    if (!existsSync(join(dist, 'webcomponent', 'main.js'))) {
      mkdirSync(dir, { recursive: true });
      const [packed] = JSON.parse((await run('npm', ['pack', `lforms@${LFORMS.version}`, '--json', '--pack-destination', dir], { encoding: 'utf8' })).stdout) as { filename: string; integrity: string }[];
      if (packed?.integrity !== LFORMS.integrity) throw new Error(`lforms@${LFORMS.version}: integrity ${packed?.integrity}, expected ${LFORMS.integrity}`);
      await run('tar', ['xzf', join(dir, packed.filename), '-C', dir]);
    }
    // The files the LHC-Forms README lists ("Using the LHC-Forms Web Component"), R4 support.
    const page = `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<link rel="stylesheet" href="webcomponent/styles.css">
<script src="webcomponent/assets/lib/zone.min.js"></script>
<script src="webcomponent/runtime.js" type="module"></script>
<script src="webcomponent/polyfills.js" type="module"></script>
<script src="webcomponent/main.js" type="module"></script>
<script src="fhir/R4/lformsFHIR.min.js" defer></script>
</head><body><div id="form"></div></body></html>`;
    return { dir: dist, page };
  },
  ready: async (page) => {
    await page.waitForFunction(() => {
      const util = (window as unknown as { LForms?: { Util?: Record<string, unknown> } }).LForms?.Util;
      return typeof util?.addFormToPage === 'function' && typeof util.getFormFHIRData === 'function';
    });
  },
  async render(page, questionnaire) {
    await page.evaluate(async (q) => {
      const util = (window as unknown as { LForms: { Util: { removeFormsFromPage?: (id: string) => void; addFormToPage: (q: unknown, id: string, o: unknown) => Promise<void> } } }).LForms.Util;
      util.removeFormsFromPage?.('form');
      await util.addFormToPage(q, 'form', { prepopulate: false });
    }, questionnaire as unknown as Record<string, unknown>);
    await page.waitForSelector('[id^="item-"]');
  },
  async optionLabels(page, linkId) {
    const input = `[id="${linkId}/1/1"]`;
    await page.click(input);
    await page.waitForSelector('#lhc-tools-searchResults li');
    const labels = await page.$$eval('#lhc-tools-searchResults li', (li) => li.map((l) => (l.textContent ?? '').replace(/^\s*\d+:\s*/, '').trim()));
    await page.keyboard.press('Escape');
    return labels;
  },
  async choose(page, linkId, label) {
    const input = `[id="${linkId}/1/1"]`;
    await page.waitForSelector(input);
    await page.click(input);
    await page.fill(input, '');
    await page.waitForSelector('#lhc-tools-searchResults li');
    const items = page.locator('#lhc-tools-searchResults li');
    const texts = await items.allTextContents();
    const index = texts.findIndex((t) => t.replace(/^\s*\d+:\s*/, '').trim() === label);
    if (index < 0) throw new Error(`${linkId}: no option "${label}" among ${texts.join(' | ')}`);
    await items.nth(index).click();
  },
  async typeNumber(page, linkId, value) {
    const input = `[id="${linkId}/1/1"]`;
    await page.waitForSelector(input);
    await page.fill(input, String(value));
    await page.press(input, 'Tab');
  },
  async numberError(page, linkId) {
    const messages = await page.$$eval(`[id="item-${linkId}/1/1"] .lhc-error-msg`, (els) => els.map((e) => e.textContent?.trim() ?? '').filter(Boolean));
    return messages.length > 0 ? messages.join(' ') : undefined;
  },
  async help(page, linkId) {
    await page.click(`[id="help-button-${linkId}/1/1"]`);
    const content = page.locator(`[id="help-content-${linkId}/1/1"]`);
    await content.waitFor();
    return (await content.textContent())?.trim();
  },
  response: (page) =>
    page.evaluate(() => {
      const util = (window as unknown as { LForms: { Util: { getFormFHIRData: (type: string, version: string, el: Element | null) => unknown } } }).LForms.Util;
      return util.getFormFHIRData('QuestionnaireResponse', 'R4', document.getElementById('form')) as QuestionnaireResponse;
    }),
};

const renderers: Renderer[] = [lhcForms, smartForms];

/**
 * Broken Questionnaires each check must catch, run in every renderer on every run: a check that
 * cannot fail proves nothing. `expect` is the start of the problem the check must report.
 */
const controls: { name: string; break: (q: Questionnaire) => void; expect: string; renderers?: string[] }[] = [
  {
    name: 'option labels left out (the renderer can only show the codes)',
    break: (q) => {
      for (const item of flatten(q.item)) for (const o of item.answerOption ?? []) if (o.valueCoding) delete o.valueCoding.display;
    },
    expect: 'kindcheck.parentSignals: options shown',
  },
  {
    name: 'yes/no of kindcheck question 1 under another code system (the round trip must refuse it)',
    break: (q) => {
      for (const o of flatten(q.item).find((i) => i.linkId === 'kindcheck.parentSignals')?.answerOption ?? []) if (o.valueCoding) o.valueCoding.system = 'http://example.org/yes-no';
    },
    expect: 'round trip',
  },
  {
    // The finding, seen here: Smart Forms draws `flyover` and drops `help`; LHC-Forms draws both.
    name: "help texts with the item control 'help' instead of 'flyover'",
    break: (q) => {
      for (const item of flatten(q.item)) for (const e of item.extension ?? []) for (const c of e.valueCodeableConcept?.coding ?? []) if (c.code === 'flyover') c.code = 'help';
    },
    expect: 'client.caresForMinor',
    renderers: ['smart-forms'],
  },
];

// What the checks fill in, where the Questionnaire asks it (in this order: enableWhen opens the
// later ones). A yes/no is its code (Y), a choice its code; the label comes from the Questionnaire.
type Fill = { linkId: string; code: string } | { linkId: string; number: number };
const fills: Fill[] = [
  { linkId: 'client.role', code: 'victim' },
  { linkId: 'kindcheck.parentSignals', code: 'Y' },
  { linkId: 'client.caresForMinor', code: 'Y' },
  { linkId: 'kindcheck.childrenCount', number: 2 },
  { linkId: 'considerations.suspicion', code: 'Y' },
  { linkId: 'considerations.unsafety.acute', code: 'Y' },
];
/** The items whose flyover help is opened, the first one the Questionnaire has. */
const helpOf = ['considerations.suspicion', 'client.caresForMinor'];
/** The choice item whose offered labels are compared with the Questionnaire's. */
const labelsOf = ['client.role', 'kindcheck.parentSignals'];

const flatten = (items: readonly QuestionnaireItem[] = []): QuestionnaireItem[] => items.flatMap((i) => [i, ...flatten(i.item)]);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1] as string] = value;
}

interface Result {
  renderer: string;
  questionnaire: string;
  problems: string[];
  ms: number;
  answered: number;
}

/** `stopAt`: a control ends once it has the problem it expects, not after the waits of the checks after it. */
async function check(renderer: Renderer, page: Page, questionnaire: Questionnaire, frameworkId: string, stopAt?: string): Promise<Result> {
  const started = Date.now();
  const problems: string[] = [];
  let answered = 0;
  const result = (): Result => ({ renderer: renderer.name, questionnaire: questionnaire.id ?? '?', problems, ms: Date.now() - started, answered });
  const stop = () => stopAt !== undefined && problems.some((p) => p.startsWith(stopAt));
  const items = new Map(flatten(questionnaire.item).map((i) => [i.linkId, i]));
  const note = (what: string, error: unknown) => problems.push(`${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  await renderer.render(page, questionnaire);

  for (const linkId of labelsOf.filter((id) => items.has(id))) {
    const want = (items.get(linkId)?.answerOption ?? []).map((o) => o.valueCoding?.display ?? '');
    try {
      const shown = await renderer.optionLabels(page, linkId);
      const codes = (items.get(linkId)?.answerOption ?? []).map((o) => o.valueCoding?.code ?? '');
      if (JSON.stringify(shown) !== JSON.stringify(want)) problems.push(`${linkId}: options shown ${JSON.stringify(shown)}, the Questionnaire's labels are ${JSON.stringify(want)}`);
      else if (shown.some((label) => codes.includes(label))) problems.push(`${linkId}: options shown as raw codes ${JSON.stringify(shown)}`);
    } catch (error) {
      note(`${linkId} options`, error);
    }
  }

  if (stop()) return result();

  const expected: Record<string, unknown> = {};
  for (const fill of fills) {
    const item = items.get(fill.linkId);
    if (!item) continue;
    try {
      if ('number' in fill) {
        const max = item.extension?.find((e) => e.url === 'http://hl7.org/fhir/StructureDefinition/maxValue')?.valueInteger;
        if (max === undefined) problems.push(`${fill.linkId}: no maxValue in the Questionnaire`);
        else {
          await renderer.typeNumber(page, fill.linkId, max + 1);
          if ((await renderer.numberError(page, fill.linkId)) === undefined) problems.push(`${fill.linkId}: ${max + 1} (over maxValue ${max}) shows no error`);
        }
        await renderer.typeNumber(page, fill.linkId, fill.number);
        const left = await renderer.numberError(page, fill.linkId);
        if (left !== undefined) problems.push(`${fill.linkId}: ${fill.number} shows the error "${left}"`);
        setPath(expected, fill.linkId, fill.number);
      } else {
        const label = item.answerOption?.find((o) => o.valueCoding?.code === fill.code)?.valueCoding?.display;
        if (!label) throw new Error(`no option ${fill.code} in the Questionnaire`);
        await renderer.choose(page, fill.linkId, label);
        setPath(expected, fill.linkId, fill.code === 'Y' ? true : fill.code === 'N' ? false : fill.code);
      }
      answered++;
    } catch (error) {
      note(fill.linkId, error);
    }
  }

  if (stop()) return result();

  const helpId = helpOf.find((id) => items.has(`${id}.help`));
  if (helpId === undefined) problems.push('no flyover help item to open');
  else {
    const want = items.get(`${helpId}.help`)?.text ?? '';
    try {
      const shown = await renderer.help(page, helpId);
      if (!shown?.includes(want)) problems.push(`${helpId}: help shown "${shown?.slice(0, 80)}", not the flyover text`);
    } catch (error) {
      note(`${helpId} help`, error);
    }
  }

  try {
    const response = await renderer.response(page);
    const fromRenderer = evaluate(fromQuestionnaireResponse(response), { evaluationDate: EVALUATION_DATE });
    const fromAnswers = evaluate({ framework: frameworkId, ...expected }, { evaluationDate: EVALUATION_DATE });
    if (fromRenderer.outcome !== fromAnswers.outcome) problems.push(`decision: ${fromRenderer.outcome} from the response, ${fromAnswers.outcome} from the answers`);
    else if (JSON.stringify(fromRenderer) !== JSON.stringify(fromAnswers)) problems.push('decision: the same outcome, but not the same decision (receipt or trail differ)');
  } catch (error) {
    note('round trip', error);
  }
  return result();
}

/** Serves each renderer's files under /<name>/, and nothing else. */
async function serve(parts: { name: string; dir: string; page: string }[]) {
  const types: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.ico': 'image/x-icon' };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const [, name, ...rest] = path.split('/');
    const part = parts.find((p) => p.name === name);
    const file = part ? resolve(part.dir, rest.join('/')) : undefined;
    if (part && rest.join('/') === 'index.html') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(part.page);
    if (part && file?.startsWith(part.dir) && existsSync(file) && statSync(file).isFile()) {
      return void response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * The subset of --ci, per renderer. `.ci/run` runs it in LHC-Forms only, which costs ~7 s to
 * prepare and 1-7 s a rendering: every kindcheck-only Questionnaire and one whole one, well within
 * the ~90 s a CI step may take from a clean clone. Smart Forms' install alone took 52-103 s there
 * (315 packages, 43,000 files of them MUI's icons), over that budget before anything renders, so it
 * runs in the full `npm run check:renderers`; `--ci --renderer smart-forms` is its quick subset: the
 * whole Questionnaire (it asks everything the kindcheck-only one does; 13-20 s, each answer
 * re-renders ~120 items) and one kindcheck-only one in English.
 */
const ciSubset: Record<string, (id: string) => boolean> = {
  'lhc-forms': (id) => id.includes('.kindcheck.') || id === 'meldcode.basismodel.nl',
  'smart-forms': (id) => id === 'meldcode.basismodel.nl' || id === 'meldcode.basismodel.kindcheck.en',
};

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { renderer: { type: 'string', multiple: true }, only: { type: 'string' }, controls: { type: 'boolean' }, ci: { type: 'boolean' } } });
  // --ci without --renderer: LHC-Forms only (see ciSubset for why).
  const chosen = renderers.filter((r) => (values.renderer === undefined ? !values.ci || r.name === 'lhc-forms' : values.renderer.includes(r.name)));
  const questionnaires = listFrameworks().flatMap((f) =>
    (['nl', 'en'] as const).flatMap((locale) => [toQuestionnaire(f.id, { locale }), toQuestionnaire(f.id, { locale, modules: ['kindcheck'] })].map((q) => ({ q, framework: f.id }))),
  ).filter(({ q }) => !values.controls && (values.only === undefined || q.id === values.only));
  const started = Date.now();
  // All renderers are prepared at once; each is awaited only before it renders, so Smart Forms'
  // install runs while LHC-Forms renders.
  const parts: { name: string; dir: string; page: string }[] = [];
  let preparing = 0;
  const prepared = new Map(
    chosen.map((r) => {
      const done = r.files().then((files) => {
        parts.push({ name: r.name, ...files });
        console.log(`     ${r.name.padEnd(12)} prepared in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      });
      done.catch(() => undefined); // awaited below; this keeps a failure meanwhile from being "unhandled"
      return [r.name, done] as const;
    }),
  );
  const { server, base } = await serve(parts);
  let browser: Browser | undefined;
  const results: Result[] = [];
  const outside: string[] = [];
  const failedControls: string[] = [];
  try {
    browser = await launchChromium();
    for (const renderer of chosen) {
      const waitStarted = Date.now();
      await prepared.get(renderer.name);
      preparing += Date.now() - waitStarted;
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.setDefaultTimeout(10_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(`${base}/`)) return route.continue();
        outside.push(`${renderer.name}: ${url}`);
        return route.abort();
      });
      await page.goto(`${base}/${renderer.name}/index.html`);
      await renderer.ready(page);
      for (const { q, framework } of questionnaires.filter(({ q }) => !values.ci || ciSubset[renderer.name]?.(q.id ?? ''))) {
        let result: Result;
        try {
          result = await check(renderer, page, q, framework);
        } catch (error) {
          result = { renderer: renderer.name, questionnaire: q.id ?? '?', problems: [`render: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`], ms: 0, answered: 0 };
        }
        if (errors.length > 0) result.problems.push(...errors.splice(0).map((e) => `page error: ${e.slice(0, 200)}`));
        results.push(result);
        console.log(`${result.problems.length === 0 ? 'ok  ' : 'FAIL'} ${renderer.name.padEnd(12)} ${result.questionnaire.padEnd(40)} ${String(result.answered).padStart(2)} answers  ${result.ms} ms`);
        for (const p of result.problems) console.log(`       ${p}`);
      }
      for (const control of values.only === undefined ? controls.filter((c) => c.renderers?.includes(renderer.name) ?? true) : []) {
        const controlStarted = Date.now();
        const q = structuredClone(toQuestionnaire('basismodel', { locale: 'nl', modules: ['kindcheck'] }));
        control.break(q);
        let caught = false;
        try {
          caught = (await check(renderer, page, q, 'basismodel', control.expect)).problems.some((p) => p.startsWith(control.expect));
        } catch {
          caught = false;
        }
        errors.splice(0);
        if (!caught) failedControls.push(`${renderer.name}: ${control.name}`);
        console.log(`${caught ? 'ok  ' : 'FAIL'} ${renderer.name.padEnd(12)} control: ${control.name}${caught ? ' — caught' : ' — NOT caught'}  ${Date.now() - controlStarted} ms`);
      }
      await page.close();
    }
  } finally {
    await browser?.close();
    server.close();
  }
  const failed = results.filter((r) => r.problems.length > 0);
  for (const url of [...new Set(outside)]) console.log(`FAIL request outside 127.0.0.1 blocked: ${url}`);
  console.log(
    `\n${results.length - failed.length}/${results.length} renderings passed (${chosen.map((r) => r.name).join(', ')}; ${new Set(results.map((r) => r.questionnaire)).size} Questionnaires) in ${((Date.now() - started) / 1000).toFixed(1)} s, of which ${(preparing / 1000).toFixed(1)} s waiting for a renderer's preparation`,
  );
  return failed.length > 0 || outside.length > 0 || failedControls.length > 0 || (results.length === 0 && !values.controls) ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
