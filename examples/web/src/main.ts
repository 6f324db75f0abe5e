// The reference web app: the meldcode in a browser, one question at a time, with its reasons.
// Everything runs here; nothing is sent or stored. Built on the public API of `meldcode` only.
import {
  type Action,
  type Decision,
  type DecisionEffect,
  formatDecision,
  type FrameworkId,
  getFramework,
  type InputIssue,
  isQuestionEnabled,
  type Lang,
  listFrameworks,
  type Question,
  type Source,
  sourceCatalogue,
  toMermaid,
  todayInAmsterdam,
  type TrailEntry,
  type TrailFact,
} from 'meldcode';
import { type ChartLayout, drawChart, layoutChart, parseMermaid, pathTaken } from './chart';
import { h, replace } from './dom';
import { words } from './i18n';
import * as model from './model';
import type { Answer, Session, View } from './model';

interface State {
  lang: Lang;
  session: Session;
  /** A question revisited with "back" or "change"; `null`: the next open question. */
  cursor: string | null;
  /** Why the last answer was refused (shown at the question). */
  refused: readonly InputIssue[] | null;
  /** Where a message about the case as a whole goes (opened, could not open, removed answers). */
  notice: { text: string; issues?: readonly InputIssue[] } | null;
  practice: string | null;
  confirmNew: boolean;
  allOpen: boolean;
}

const DEFAULT_FRAMEWORK = 'sociaal-domein';
const params = new URLSearchParams(location.search);
const initialLang: Lang = params.get('lang') === 'en' ? 'en' : 'nl';
const initialFramework = listFrameworks().some((f) => f.id === params.get('framework')) ? params.get('framework')! : DEFAULT_FRAMEWORK;

let state: State = {
  lang: initialLang,
  session: model.newSession(initialFramework, todayInAmsterdam()),
  cursor: null,
  refused: null,
  notice: null,
  practice: null,
  confirmNew: false,
  allOpen: false,
};
let lastOutcome = '';

const $ = (id: string) => document.getElementById(id)!;
const t = () => words[state.lang];

function update(patch: Partial<State>, focus?: string): void {
  state = { ...state, ...patch };
  render(focus);
}

// --- texts ---------------------------------------------------------------------------------

const catalogueTitles = new Map(sourceCatalogue().map((e) => [e.id, e]));

function sourceTitle(source: Source, lang: Lang): string {
  if (source.title) return source.title;
  const entry = catalogueTitles.get(source.document);
  if (!entry) return source.document;
  const title = lang === 'en' ? entry.titleEn : entry.title;
  const details = [entry.publisher, entry.year === undefined ? entry.version : String(entry.year)].filter(Boolean);
  return details.length ? `${title} (${details.join(', ')})` : title;
}

function sourceBlock(source: Source, lang: Lang, withTitle = true): HTMLElement {
  return h('div', { class: 'source' },
    withTitle ? h('p', { class: 'source-title' }, `${t().source}: `, h('cite', {}, sourceTitle(source, lang))) : null,
    h('p', { class: 'source-section' }, source.section),
    source.quote ? h('blockquote', { lang: 'nl' }, source.quote) : null,
    source.url ? h('p', { class: 'source-url' }, source.url) : null,
    h('p', { class: 'source-file' }, h('code', {}, source.document)),
  );
}

function answerText(q: Question | undefined, value: Answer | undefined): string {
  if (value === undefined) return t().unanswered;
  if (value === true) return t().yes;
  if (value === false) return t().no;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'string' && q?.answer === 'choice') return optionLabel(value);
  return String(value);
}

const optionLabel = (value: string) => t().optionLabels[value] ?? value;

function factValue(f: TrailFact): string {
  if (!f.known) return t().unknown;
  const v = f.value;
  if (v === true) return t().yes;
  if (v === false) return t().no;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** A reason, expandable to its rule, the answers it read and its source text. */
function reason(text: string, ruleId: string, source: Source, entry?: TrailEntry<DecisionEffect>): HTMLElement {
  // One line per fact and value (a rule may read the same fact in several conditions).
  const facts = [...new Map((entry?.facts ?? []).map((f) => [`${f.fact}=${factValue(f)}`, f])).values()];
  return h('details', { class: 'reason', 'data-rule': ruleId },
    h('summary', {}, text),
    h('div', { class: 'reason-body' },
      h('p', {}, `${t().rule}: `, h('code', {}, ruleId), entry ? ` (${entry.module}${entry.floor ? `, ${t().floor}` : ''})` : ''),
      facts.length
        ? h('div', {}, h('p', {}, `${t().facts}:`), h('ul', { class: 'facts' }, facts.map((f) => h('li', {}, h('code', {}, f.fact), ` = ${factValue(f)}`))))
        : null,
      sourceBlock(source, state.lang),
    ),
  );
}

function trailEntry(decision: Decision, ruleId: string): TrailEntry<DecisionEffect> | undefined {
  return decision.trail.find((e) => e.ruleId === ruleId && e.outcome);
}

function ruleReasons(decision: Decision, ruleIds: readonly string[]): HTMLElement[] {
  return ruleIds.flatMap((id) => {
    const e = trailEntry(decision, id);
    return e ? [reason(e.explanation, e.ruleId, e.source, e)] : [];
  });
}

const actionItem = (decision: Decision, a: { text: string; ruleId: string; source: Source }) => h('li', {}, reason(a.text, a.ruleId, a.source, trailEntry(decision, a.ruleId)));

function issueList(issues: readonly InputIssue[]): HTMLElement {
  return h('ul', { class: 'issues' }, issues.map((i) => h('li', {}, i.path.length ? h('code', {}, i.path.join('.')) : null, i.path.length ? ': ' : '', i.message[state.lang])));
}

// --- setup ---------------------------------------------------------------------------------

function renderSetup(): void {
  const w = t();
  const fw = getFramework(state.session.framework as FrameworkId);
  const examples = fw.examples ?? [];
  const example = examples.find((e) => e.id === state.practice);
  replace($('setup'),
    h('h2', { id: 'setup-heading' }, w.setup),
    h('div', { class: 'setup-grid' },
      h('div', { class: 'field' },
        h('label', { for: 'framework' }, w.framework),
        h('select', { id: 'framework', onchange: (e: Event) => changeFramework((e.target as HTMLSelectElement).value) },
          listFrameworks().map((f) => h('option', { value: f.id, selected: f.id === state.session.framework }, `${f.name[state.lang]} (${f.id} ${f.version})`)),
        ),
      ),
      h('div', { class: 'field' },
        h('label', { for: 'evaluation-date' }, w.evaluationDate),
        h('input', { id: 'evaluation-date', type: 'date', value: state.session.evaluationDate, onchange: (e: Event) => changeDate((e.target as HTMLInputElement).value) }),
      ),
      h('div', { class: 'field' },
        h('label', { for: 'open-file' }, w.open),
        h('input', { id: 'open-file', type: 'file', accept: 'application/json,.json', onchange: (e: Event) => void openFile((e.target as HTMLInputElement).files?.[0]) }),
      ),
      h('div', { class: 'field' },
        state.confirmNew
          ? h('div', { class: 'confirm', role: 'group', 'aria-labelledby': 'confirm-text' },
              h('p', { id: 'confirm-text' }, w.confirmNew),
              h('button', { id: 'confirm-new', type: 'button', class: 'danger', onclick: () => newCase() }, w.newCase),
              h('button', { id: 'cancel-new', type: 'button', onclick: () => update({ confirmNew: false }, 'new-case') }, '×'),
            )
          : h('button', { id: 'new-case', type: 'button', onclick: () => (state.session.answers.size || state.session.dontKnow.size ? update({ confirmNew: true }, 'cancel-new') : newCase()) }, w.newCase),
      ),
    ),
    fw.description ? h('p', { class: 'fw-description' }, fw.description[state.lang]) : null,
    examples.length
      ? h('div', { class: 'practice' },
          h('label', { for: 'practice' }, w.practice),
          h('select', { id: 'practice', onchange: (e: Event) => update({ practice: (e.target as HTMLSelectElement).value || null }, 'practice') },
            h('option', { value: '' }, w.practiceNone),
            examples.map((e) => h('option', { value: e.id, selected: e.id === state.practice }, e.id.replace(/^vignette-/, ''))),
          ),
          example
            ? h('div', { class: 'vignette', id: 'vignette' },
                h('p', { lang: state.lang }, example.text[state.lang]),
                h('details', {},
                  h('summary', {}, w.practiceExpect),
                  h('p', {}, `${w.outcome[example.expect.outcome]}${example.expect.norms.length ? ` (${w.norms.toLowerCase()}: ${example.expect.norms.join(', ')})` : ''}`),
                  sourceBlock(example.source, state.lang),
                ),
              )
            : null,
        )
      : null,
    state.notice
      ? h('div', { class: 'notice', role: 'status', id: 'notice' }, h('p', {}, state.notice.text), state.notice.issues ? issueList(state.notice.issues) : null)
      : null,
  );
}

function newCase(): void {
  update({ session: model.newSession(state.session.framework, todayInAmsterdam()), cursor: null, refused: null, notice: null, confirmNew: false }, 'q-heading');
}

function changeFramework(id: string): void {
  const catalogue = model.catalogueOf(id);
  const kept = new Map([...state.session.answers].filter(([q]) => catalogue.has(q)));
  const next: Session = { ...state.session, framework: id, answers: kept, dontKnow: new Set([...state.session.dontKnow].filter((q) => catalogue.has(q))), history: state.session.history.filter((q) => catalogue.has(q)) };
  const checked = model.setDate(next, next.evaluationDate);
  const session = checked.ok ? checked.session : model.newSession(id, state.session.evaluationDate);
  const dropped = state.session.answers.size - session.answers.size;
  update({ session, cursor: null, refused: null, practice: null, notice: dropped > 0 ? { text: t().dropped(dropped) } : null }, 'framework');
}

function changeDate(date: string): void {
  if (!date) return;
  const r = model.setDate(state.session, date);
  if (r.ok) update({ session: r.session, notice: null }, 'evaluation-date');
  else update({ notice: { text: words[state.lang].refusedCase, issues: r.issues } }, 'evaluation-date');
}

async function openFile(file: File | undefined): Promise<void> {
  if (!file) return;
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    update({ notice: { text: t().notJson } }, 'open-file');
    return;
  }
  const r = model.sessionFromJson(json, { framework: state.session.framework, evaluationDate: state.session.evaluationDate });
  if (r.ok) update({ session: r.session, cursor: null, refused: null, practice: null, notice: { text: t().opened } }, 'q-heading');
  else update({ notice: { text: t().openFailed, issues: r.issues } }, 'open-file');
}

// --- the question --------------------------------------------------------------------------

function currentQuestion(v: View): Question | undefined {
  if (state.cursor) {
    const q = v.catalogue.get(state.cursor);
    if (q && isQuestionEnabled(q, model.nest(v.inForce), v.catalogue)) return q;
  }
  const next = v.open[0];
  // The catalogue's copy names the module; a decision's question may not.
  return next && (v.catalogue.get(next.id) ?? next);
}

function control(q: Question, value: Answer | undefined, prefix: string): HTMLElement {
  const w = t();
  const name = `${prefix}-answer`;
  if (q.answer === 'boolean' || q.answer === 'choice') {
    const options: [string, string][] = q.answer === 'boolean' ? [['true', w.yes], ['false', w.no]] : (q.options ?? []).map((o) => [o, optionLabel(o)]);
    const current = value === undefined ? undefined : String(value);
    return h('div', { class: `options${q.answer === 'boolean' ? ' yes-no' : ''}` },
      options.map(([v, label], i) =>
        h('div', { class: 'option' },
          h('input', { type: 'radio', name, id: `${name}-${i}`, value: v, checked: current === v }),
          h('label', { for: `${name}-${i}` }, label, q.answer === 'choice' ? h('span', { class: 'code' }, ` (${v})`) : null),
        ),
      ),
    );
  }
  const attrs = { id: name, name, 'aria-labelledby': `${prefix}-text`, class: 'text-answer' };
  if (q.answer === 'integer') return h('input', { ...attrs, type: 'number', min: 0, step: 1, inputmode: 'numeric', value: value === undefined ? '' : String(value) });
  if (q.answer === 'date') return h('input', { ...attrs, type: 'date', value: value === undefined ? '' : String(value) });
  return h('div', {},
    h('input', { ...attrs, type: 'text', inputmode: 'numeric', 'aria-describedby': `${prefix}-hint`, value: Array.isArray(value) ? value.join(', ') : '' }),
    h('p', { id: `${prefix}-hint`, class: 'hint' }, w.listHint),
  );
}

/** The answer in a form, or `undefined` when none is given; `null` when it cannot be read. */
function readAnswer(q: Question, form: HTMLFormElement, prefix: string): Answer | undefined | null {
  const data = new FormData(form);
  const raw = data.get(`${prefix}-answer`);
  if (raw === null || raw === '') return undefined;
  const text = String(raw).trim();
  switch (q.answer) {
    case 'boolean':
      return text === 'true';
    case 'choice':
    case 'date':
      return text;
    case 'integer':
      return /^\d+$/.test(text) ? Number(text) : null;
    case 'integer-list': {
      const parts = text.split(/[,;\s]+/).filter(Boolean);
      return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : null;
    }
  }
}

function renderQuestion(v: View): void {
  const w = t();
  const q = currentQuestion(v);
  const p = model.progress(v);
  const progress = h('div', { class: 'progress' },
    h('label', { for: 'progress-bar' }, w.progress),
    h('progress', { id: 'progress-bar', max: 100, value: Math.round(p.fraction * 100), 'aria-valuetext': w.progressText(p.answered, p.open) }),
    h('p', { class: 'progress-text', id: 'progress-text' }, w.progressText(p.answered, p.open)),
    h('ol', { class: 'stages' },
      ['afwegingskader', 'scope', 'kindcheck', 'steps', 'consent'].map((m) => {
        const open = v.open.some((x) => x.module === m);
        const current = q?.module === m;
        return h('li', { class: current ? 'current' : open ? 'open' : 'done', 'aria-current': current ? 'step' : null }, w.stages[m] ?? m);
      }),
    ),
  );
  const history = state.session.history.filter((id) => v.inForce.has(id) || state.session.dontKnow.has(id));
  const at = q ? history.indexOf(q.id) : -1;
  const previous = at > 0 ? history[at - 1] : at === -1 ? history[history.length - 1] : undefined;

  if (!q) {
    replace($('question'),
      h('h2', { id: 'q-heading', tabindex: -1 }, w.question),
      progress,
      h('p', { class: 'done-text', id: 'q-done' }, v.decision ? w.allAnswered : w.refusedCase),
      v.decision ? h('p', {}, w.allAnsweredMore) : issueList(v.issues),
      previous ? h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'q-back', onclick: () => update({ cursor: previous, refused: null }, 'q-heading') }, w.back)) : null,
    );
    return;
  }
  const number = (at === -1 ? history.length : at) + 1;
  const form = h('form', { id: 'q-form', novalidate: true, 'aria-labelledby': 'q-heading', 'data-question': q.id },
    h('fieldset', { 'aria-describedby': q.help ? 'q-help' : null },
      h('legend', { id: 'q-text' }, q.text[state.lang]),
      control(q, state.session.answers.get(q.id), 'q'),
    ),
    q.help ? h('p', { class: 'help', id: 'q-help' }, h('strong', {}, `${w.help}: `), q.help[state.lang]) : null,
    h('details', { class: 'question-source', id: 'q-source' }, h('summary', {}, `${w.source}: ${sourceTitle(q.source, state.lang)}`), sourceBlock(q.source, state.lang, false)),
    h('div', { id: 'q-error', class: 'error', role: 'alert' },
      state.refused ? h('p', {}, state.refused.length ? w.refused : w.required) : null,
      state.refused?.length ? issueList(state.refused) : null,
    ),
    h('div', { class: 'buttons' },
      previous ? h('button', { type: 'button', id: 'q-back', onclick: () => update({ cursor: previous, refused: null }, 'q-heading') }, w.back) : null,
      h('button', { type: 'button', id: 'q-dont-know', onclick: () => skip(q) }, w.dontKnow),
      h('button', { type: 'submit', id: 'q-next', class: 'primary' }, state.cursor ? w.save : w.next),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(q, form);
  });
  replace($('question'),
    h('h2', { id: 'q-heading', tabindex: -1 }, `${w.questionOf(number)} · ${w.stages[q.module ?? ''] ?? q.module ?? ''}`),
    progress,
    form,
  );
}

function submit(q: Question, form: HTMLFormElement): void {
  const value = readAnswer(q, form, 'q');
  if (value === undefined || value === null) {
    update({ refused: [] }, firstControlId());
    return;
  }
  const r = model.answer(state.session, q.id, value);
  if (!r.ok) update({ refused: r.issues }, firstControlId());
  else update({ session: r.session, cursor: null, refused: null }, 'q-heading');
}

const firstControlId = () => (document.getElementById('q-answer-0') ? 'q-answer-0' : 'q-answer');

function skip(q: Question): void {
  update({ session: model.dontKnow(state.session, q.id), cursor: null, refused: null }, 'q-heading');
}

// --- answers, don't know, set aside, every question -----------------------------------------

function renderAnswers(v: View): void {
  const w = t();
  const given = [...state.session.history.filter((id) => v.inForce.has(id)), ...[...v.inForce.keys()].filter((id) => !state.session.history.includes(id))];
  const unknown = [...state.session.dontKnow].filter((id) => {
    const q = v.catalogue.get(id);
    return q && isQuestionEnabled(q, model.nest(v.inForce), v.catalogue);
  });
  const text = (id: string) => v.catalogue.get(id)?.text[state.lang] ?? id;
  replace($('answers'),
    h('h2', { id: 'answers-heading' }, w.answers),
    given.length
      ? h('ol', { class: 'answer-list', id: 'answer-list' },
          given.map((id) =>
            h('li', { 'data-question': id },
              h('span', { class: 'a-q' }, text(id)),
              h('span', { class: 'a-v' }, answerText(v.catalogue.get(id), v.inForce.get(id))),
              v.catalogue.has(id)
                ? h('button', { type: 'button', class: 'link', id: `change-${id}`, 'aria-label': `${w.change}: ${text(id)}`, onclick: () => update({ cursor: id, refused: null }, 'q-heading') }, w.change)
                : null,
            ),
          ),
        )
      : h('p', {}, w.noAnswers),
    unknown.length
      ? h('div', {},
          h('h3', {}, w.unknownList),
          h('ul', { class: 'answer-list' },
            unknown.map((id) =>
              h('li', { 'data-question': id },
                h('span', { class: 'a-q' }, text(id)),
                h('button', { type: 'button', class: 'link', id: `answer-now-${id}`, 'aria-label': `${w.answerNow}: ${text(id)}`, onclick: () => update({ cursor: id, refused: null }, 'q-heading') }, w.answerNow),
              ),
            ),
          ),
        )
      : null,
    v.setAside.length
      ? h('div', {}, h('h3', {}, w.setAside), h('ul', { class: 'answer-list set-aside' }, v.setAside.map((id) => h('li', {}, h('span', { class: 'a-q' }, text(id)), h('span', { class: 'a-v' }, answerText(v.catalogue.get(id), state.session.answers.get(id)))))))
      : null,
  );
}

function renderAll(v: View): void {
  const w = t();
  const answers = model.nest(v.inForce);
  const shown = [...v.catalogue.values()].filter((q) => isQuestionEnabled(q, answers, v.catalogue));
  const modules = [...new Set(shown.map((q) => q.module ?? ''))];
  // The rows are built only while the list is open: with some 90 questions it is the costly part of a render.
  const details = h('details', { id: 'all-details', open: state.allOpen },
    h('summary', { id: 'all-summary' }, `${w.allQuestions} (${shown.length})`),
    h('p', { class: 'hint' }, w.allQuestionsHint),
    !state.allOpen ? null : modules.map((m) =>
      h('fieldset', { class: 'all-module' },
        h('legend', {}, w.stages[m] ?? m),
        shown.filter((q) => (q.module ?? '') === m).map((q) => allRow(q, v.inForce.get(q.id))),
      ),
    ),
  );
  details.addEventListener('toggle', () => {
    if (details.open !== state.allOpen) update({ allOpen: details.open }, 'all-summary');
  });
  replace($('all'), h('h2', { id: 'all-heading', class: 'visually-hidden' }, w.allQuestions), details);
}

function allRow(q: Question, value: Answer | undefined): HTMLElement {
  const w = t();
  const id = `all-${q.id}`;
  const label = h('label', { for: id }, q.text[state.lang]);
  let input: HTMLElement;
  if (q.answer === 'boolean' || q.answer === 'choice') {
    const options: [string, string][] = q.answer === 'boolean' ? [['true', w.yes], ['false', w.no]] : (q.options ?? []).map((o) => [o, optionLabel(o)]);
    input = h('select', { id, onchange: (e: Event) => setFromAll(q, (e.target as HTMLSelectElement).value) },
      h('option', { value: '' }, `— ${w.unanswered} —`),
      options.map(([v, l]) => h('option', { value: v, selected: value !== undefined && String(value) === v }, l)),
    );
  } else {
    const shown = Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value);
    const type = q.answer === 'date' ? 'date' : q.answer === 'integer' ? 'number' : 'text';
    input = h('input', { id, type, value: shown, min: type === 'number' ? 0 : null, onchange: (e: Event) => setFromAll(q, (e.target as HTMLInputElement).value) });
  }
  return h('div', { class: 'all-row', 'data-question': q.id }, label, input);
}

function setFromAll(q: Question, raw: string): void {
  const id = `all-${q.id}`;
  if (raw.trim() === '') {
    update({ session: model.clearAnswer(state.session, q.id), notice: null }, id);
    return;
  }
  let value: Answer | null;
  if (q.answer === 'boolean') value = raw === 'true';
  else if (q.answer === 'integer') value = /^\d+$/.test(raw.trim()) ? Number(raw) : null;
  else if (q.answer === 'integer-list') {
    const parts = raw.split(/[,;\s]+/).filter(Boolean);
    value = parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : null;
  } else value = raw;
  if (value === null) {
    update({ notice: { text: t().refused, issues: [{ path: q.id.split('.'), code: 'invalid_format', message: { nl: words.nl.listHint, en: words.en.listHint } }] } }, id);
    return;
  }
  const r = model.answer(state.session, q.id, value, false);
  if (r.ok) update({ session: r.session, notice: null }, id);
  else update({ notice: { text: t().refused, issues: r.issues } }, id);
}

// --- the advice ----------------------------------------------------------------------------

/** "norm 1", "normen 1 en 3" / "norms 1 and 3". */
function normText(norms: readonly number[]): string {
  const and = state.lang === 'nl' ? ' en ' : ' and ';
  const list = norms.length > 1 ? `${norms.slice(0, -1).join(', ')}${and}${norms.at(-1)}` : String(norms[0]);
  return `${norms.length > 1 ? t().norms.toLowerCase() : 'norm'} ${list}`;
}

function headline(d: Decision): string {
  const w = t();
  const norms = d.report.norms.length ? ` (${normText(d.report.norms)})` : '';
  return `${w.outcome[d.outcome]}${d.outcome === 'report' || d.outcome === 'report-and-help' ? norms : ''}`;
}

function renderAdvice(v: View): void {
  const w = t();
  const d = v.decision;
  if (!d) {
    replace($('advice'), h('h2', { id: 'advice-heading' }, w.advice), h('div', { class: 'error', role: 'alert' }, h('p', {}, w.refusedCase), issueList(v.issues)));
    return;
  }
  const conv = d.conversation;
  const objection = d.report.objection;
  const sections: (HTMLElement | null)[] = [
    h('p', { class: `outcome outcome-${d.outcome}`, id: 'outcome', 'data-outcome': d.outcome }, headline(d)),
    h('section', { class: 'block', 'aria-labelledby': 'd1-heading' },
      h('h3', { id: 'd1-heading' }, w.decision1),
      h('p', { id: 'report-necessary', 'data-value': String(d.report.necessary) }, w.necessary[String(d.report.necessary) as 'true']),
      d.report.norms.length ? h('p', {}, `${w.norms}: ${d.report.norms.join(', ')} · ${w.consideration} ${d.report.considerations.join(', ')}`) : null,
      objection ? h('p', {}, `${w.objection}: ${objection.regime} — ${objection.effect}`) : null,
      h('div', { class: 'reasons' }, ruleReasons(d, d.report.rules)),
    ),
    h('section', { class: 'block', 'aria-labelledby': 'd2-heading' },
      h('h3', { id: 'd2-heading' }, w.decision2),
      h('p', { id: 'help-possible', 'data-value': String(d.help.possible) }, w.possible[String(d.help.possible) as 'true'], d.help.stage ? ` — ${w.stage[d.help.stage]}` : ''),
      d.help.togetherWithVeiligThuis ? h('p', {}, w.together) : null,
      h('div', { class: 'reasons' }, ruleReasons(d, d.help.rules)),
    ),
  ];
  if (conv) {
    sections.push(
      h('section', { class: 'block', 'aria-labelledby': 'conv-heading', id: 'conversation' },
        h('h3', { id: 'conv-heading' }, w.conversation),
        h('dl', {},
          h('dt', {}, w.with),
          h('dd', {}, conv.conversationWith.length
            ? h('ul', {}, conv.conversationWith.map((p) => h('li', {}, `${w.party[p.party] ?? p.party} (${w.basis[p.basis] ?? p.basis})`, ruleReasons(d, p.rules))))
            : '—'),
          h('dt', {}, w.modeLabel),
          h('dd', { id: 'conversation-mode' }, w.mode[String(conv.mode) as 'notice']),
          h('dt', {}, w.consentFrom),
          h('dd', {}, conv.consentFrom ? w.party[conv.consentFrom] ?? conv.consentFrom : conv.consentFromOpen ? reason(conv.consentFromOpen.text, conv.consentFromOpen.id, conv.consentFromOpen.source) : '—'),
          conv.skip ? h('dt', {}, w.skip) : null,
          conv.skip ? h('dd', {}, w.skipReason[conv.skip.reason] ?? conv.skip.reason) : null,
          h('dt', {}, w.objection),
          h('dd', {}, reason(conv.objection.reason, conv.objection.ruleId, conv.objection.source, trailEntry(d, conv.objection.ruleId))),
          h('dt', {}, w.anonymity),
          h('dd', {}, w.anonymous[conv.reporterTowardsFamily]),
        ),
        conv.conflictOfDuties.length ? h('div', {}, h('h4', {}, w.conflictOfDuties), h('ol', {}, conv.conflictOfDuties.map((c) => h('li', {}, reason(c.text, c.id, c.source))))) : null,
        conv.notes.length ? h('div', {}, h('h4', {}, w.notes), h('ul', {}, conv.notes.map((c) => h('li', {}, reason(c.text, c.id, c.source))))) : null,
      ),
    );
  }
  if (d.steps) {
    sections.push(
      h('section', { class: 'block', 'aria-labelledby': 'steps-heading', id: 'steps' },
        h('h3', { id: 'steps-heading' }, w.steps),
        h('ol', { class: 'steps' }, d.steps.details.map((s) => h('li', { class: `step-${s.status}`, 'data-step': s.step }, h('span', { class: 'badge' }, w.stepStatus[s.status]), reason(s.text, s.ruleId, s.source, trailEntry(d, s.ruleId))))),
        h('p', {}, w.step5[String(d.steps.mayDecideStep5) as 'true']),
        d.steps.notes.length ? h('ul', {}, d.steps.notes.map((n) => h('li', {}, reason(n.text, n.ruleId, n.source, trailEntry(d, n.ruleId))))) : null,
      ),
    );
  }
  if (d.kindcheck) {
    const k = d.kindcheck;
    sections.push(
      h('section', { class: 'block', 'aria-labelledby': 'kc-heading', id: 'kindcheck' },
        h('h3', { id: 'kc-heading' }, w.kindcheck),
        h('p', {}, k.text ?? `${w.possible.null}.`),
        k.notes.length ? h('ul', {}, k.notes.map((n) => h('li', {}, reason(n.text, n.ruleId, n.source, trailEntry(d, n.ruleId))))) : null,
      ),
    );
  }
  sections.push(
    h('section', { class: 'block', 'aria-labelledby': 'scope-heading', id: 'scope' },
      h('h3', { id: 'scope-heading' }, w.scope),
      h('p', {}, d.scope.text ?? w.scopeStatus[d.scope.status]),
      d.scope.whereToGo.length ? h('div', {}, h('h4', {}, w.whereToGo), h('ul', {}, d.scope.whereToGo.map((n) => h('li', {}, reason(n.text, n.ruleId, n.source))))) : null,
    ),
    h('section', { class: 'block', 'aria-labelledby': 'actions-heading', id: 'actions' },
      h('h3', { id: 'actions-heading' }, w.actions),
      d.actions.length ? h('ul', {}, d.actions.map((a: Action) => actionItem(d, a))) : h('p', {}, '—'),
    ),
    h('section', { class: 'block', 'aria-labelledby': 'record-heading', id: 'record' },
      h('h3', { id: 'record-heading' }, w.record),
      d.recordKeeping.items.length
        ? h('ul', { class: 'checklist' }, d.recordKeeping.items.map((r) => h('li', {}, h('input', { type: 'checkbox', id: `record-${r.id}`, 'aria-label': r.text }), reason(r.text, r.ruleId, r.source, trailEntry(d, r.ruleId)))))
        : h('p', {}, w.recordNone),
    ),
    h('section', { class: 'block', 'aria-labelledby': 'trail-heading', id: 'trail' },
      h('details', {},
        h('summary', { id: 'trail-heading' }, `${w.trail} (${d.trail.filter((e) => e.outcome).length})`),
        h('ol', {}, d.trail.filter((e) => e.outcome).map((e) => h('li', {}, reason(e.explanation, e.ruleId, e.source, e)))),
      ),
    ),
    h('section', { class: 'block', 'aria-labelledby': 'receipt-heading', id: 'receipt' },
      h('h3', { id: 'receipt-heading' }, w.receipt),
      receiptList(d),
    ),
    h('p', { class: 'disclaimer' }, h('strong', {}, `${w.disclaimer}: `), d.disclaimer.text),
  );
  replace($('advice'), h('h2', { id: 'advice-heading' }, w.advice), sections);
  const announce = headline(d);
  if (announce !== lastOutcome) {
    lastOutcome = announce;
    $('live').textContent = `${w.adviceLive}: ${announce}`;
  }
}

function receiptList(d: Decision): HTMLElement {
  const f = t().receiptFields;
  const r = d.receipt;
  return h('dl', { class: 'receipt' },
    h('dt', {}, f.library), h('dd', {}, `${r.library.name} ${r.library.version}`),
    h('dt', {}, f.framework), h('dd', {}, `${r.framework.id} ${r.framework.version} (${r.framework.validFrom})`),
    h('dt', {}, f.sha), h('dd', {}, h('code', { class: 'hash' }, r.framework.sha256)),
    h('dt', {}, f.shipped), h('dd', {}, r.framework.shipped ? t().yes : t().no),
    h('dt', {}, f.date), h('dd', {}, r.evaluationDate),
    h('dt', {}, f.caseSha), h('dd', {}, h('code', { class: 'hash' }, r.caseSha256)),
  );
}

// --- the flowchart ---------------------------------------------------------------------------

/** The Mermaid text and its layout per framework and language (the layout is the slow part). */
const charts = new Map<string, { mermaid: string; laid: ChartLayout }>();

function renderFlowchart(v: View): void {
  const w = t();
  const key = `${state.session.framework}/${state.lang}`;
  let c = charts.get(key);
  if (!c) {
    const mermaid = toMermaid(getFramework(state.session.framework as FrameworkId), { lang: state.lang });
    c = { mermaid, laid: layoutChart(parseMermaid(mermaid)) };
    charts.set(key, c);
  }
  const chart = c.laid.chart;
  const path = v.decision ? pathTaken(chart, v.decision, { yes: w.yes, no: w.no, unknown: w.unknown }) : { edges: new Set<string>(), nodes: new Set<string>() };
  const label = new Map(chart.nodes.map((n) => [n.id, n.lines[0] ?? n.id]));
  const steps = chart.edges.filter((e) => path.edges.has(`${e.from}>${e.to}`) && !/^S/.test(e.from));
  replace($('chart'),
    h('h2', { id: 'chart-heading' }, w.chart),
    h('p', { class: 'hint' }, w.chartHint),
    h('ul', { class: 'legend' },
      h('li', { class: 'lg-path' }, w.legend.path),
      h('li', { class: 'lg-report' }, w.legend.report),
      h('li', { class: 'lg-closing' }, w.legend.closing),
      h('li', { class: 'lg-open' }, w.legend.open),
    ),
    h('div', { class: 'chart-scroll', tabindex: 0, role: 'region', 'aria-label': w.chartDrawing }, drawChart(c.laid, path, w.chart)),
    h('h3', {}, w.chartPath),
    steps.length
      ? h('ol', { class: 'path', id: 'chart-path' }, steps.map((e) => h('li', {}, `${label.get(e.from)} → ${e.label ? `${e.label} → ` : ''}${label.get(e.to)}`)))
      : h('p', { id: 'chart-path' }, w.chartNoPath),
    h('details', {}, h('summary', {}, w.chartSource), h('pre', { class: 'mermaid-source', tabindex: 0 }, c.mermaid)),
  );
}

// --- export and the dossier note -------------------------------------------------------------

function renderExport(v: View): void {
  const w = t();
  replace($('export'),
    h('h2', { id: 'export-heading' }, w.export),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', id: 'export-json', disabled: !v.decision, onclick: () => download(v) }, w.exportJson),
      h('button', { type: 'button', id: 'print', disabled: !v.decision, onclick: () => window.print() }, w.print),
    ),
    h('p', { class: 'hint' }, w.exportHint),
  );
}

function download(v: View): void {
  const blob = new Blob([model.exportJson(v)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: `meldcode-${state.session.framework}-${state.session.evaluationDate}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function renderDossier(v: View): void {
  const w = t();
  const d = v.decision;
  if (!d) {
    replace($('dossier'));
    return;
  }
  const fw = getFramework(state.session.framework as FrameworkId);
  const given = [...v.inForce.keys()];
  const line = (label: string, value: string | HTMLElement) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, value));
  const cite = (s: Source) => h('span', { class: 'cite' }, ` — ${sourceTitle(s, state.lang)}, ${s.section}`);
  replace($('dossier'),
    h('h1', {}, w.dossier),
    h('table', { class: 'meta' },
      line(w.dossierFor, `${fw.name[state.lang]} (${fw.id} ${fw.version})`),
      line(w.receiptFields.date, d.receipt.evaluationDate),
      line(w.receiptFields.library, `${d.receipt.library.name} ${d.receipt.library.version}`),
    ),
    h('h2', {}, headline(d)),
    h('p', {}, h('strong', {}, `${w.decision1} `), w.necessary[String(d.report.necessary) as 'true']),
    h('ul', {}, ruleIdsWithText(d, d.report.rules).map(([text, s]) => h('li', {}, text, cite(s)))),
    h('p', {}, h('strong', {}, `${w.decision2} `), w.possible[String(d.help.possible) as 'true'], d.help.stage ? ` — ${w.stage[d.help.stage]}` : '', '.', d.help.togetherWithVeiligThuis ? ` ${w.together}` : ''),
    d.conversation
      ? h('div', {},
          h('h3', {}, w.conversation),
          h('p', {}, `${w.with}: ${d.conversation.conversationWith.map((p) => `${w.party[p.party] ?? p.party} (${w.basis[p.basis] ?? p.basis})`).join('; ') || '—'}`),
          h('p', {}, `${w.modeLabel}: ${w.mode[String(d.conversation.mode) as 'notice']}`),
          h('p', {}, `${w.objection}: ${d.conversation.objection.reason}`),
        )
      : null,
    d.steps ? h('div', {}, h('h3', {}, w.steps), h('ul', {}, d.steps.details.map((s) => h('li', {}, `${w.stepStatus[s.status]}: ${s.text}`)))) : null,
    h('h3', {}, w.actions),
    h('ul', {}, d.actions.map((a) => h('li', {}, a.text, cite(a.source)))),
    h('h3', {}, w.record),
    d.recordKeeping.items.length ? h('ul', { class: 'checklist' }, d.recordKeeping.items.map((r) => h('li', {}, `☐ ${r.text}`, cite(r.source)))) : h('p', {}, w.recordNone),
    h('h3', {}, w.dossierAnswers),
    h('table', { class: 'answers' }, given.map((id) => line(v.catalogue.get(id)?.text[state.lang] ?? id, answerText(v.catalogue.get(id), v.inForce.get(id))))),
    h('h3', {}, w.receipt),
    receiptList(d),
    h('h3', {}, w.dossierDecided),
    h('table', { class: 'sign' }, line(w.dossierDecision, ''), line(w.dossierName, ''), line(w.dossierDateSign, '')),
    h('p', { class: 'disclaimer' }, w.dossierNote, ' ', d.disclaimer.text),
    h('details', { class: 'plain' }, h('summary', {}, 'formatDecision'), h('pre', {}, formatDecision(d))),
  );
}

function ruleIdsWithText(d: Decision, ids: readonly string[]): [string, Source][] {
  return ids.flatMap((id) => {
    const e = trailEntry(d, id);
    return e ? [[e.explanation, e.source] as [string, Source]] : [];
  });
}

// --- chrome ----------------------------------------------------------------------------------

function renderChrome(): void {
  const w = t();
  document.documentElement.lang = state.lang;
  document.title = w.title;
  $('title').textContent = w.title;
  $('tagline').textContent = w.tagline;
  $('privacy').textContent = w.privacy;
  $('skip-link').textContent = w.skipLink;
  const nav = $('lang');
  nav.setAttribute('aria-label', w.language);
  replace(nav,
    (['nl', 'en'] as const).map((l) =>
      h('button', { type: 'button', id: `lang-${l}`, lang: l, 'aria-pressed': String(state.lang === l), onclick: () => update({ lang: l }, `lang-${l}`) }, l === 'nl' ? 'Nederlands' : 'English'),
    ),
  );
}

function render(focus?: string): void {
  const active = document.activeElement?.id;
  const v = model.view(state.session, state.lang);
  renderChrome();
  renderSetup();
  renderQuestion(v);
  renderAnswers(v);
  renderAll(v);
  renderAdvice(v);
  renderFlowchart(v);
  renderExport(v);
  renderDossier(v);
  const target = (focus && document.getElementById(focus)) || (active && document.getElementById(active));
  if (target instanceof HTMLElement) target.focus();
  document.body.dataset.ready = 'yes';
}

render();
