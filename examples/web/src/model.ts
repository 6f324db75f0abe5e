// The app's state and what follows from it, without the DOM: the answers given, the case they make,
// the decision `evaluate` returns for it, and the questions still open. Only the public API of
// `meldcode` is used, as any adopter would use it.
import {
  type FrameworkId,
  type CaseInput,
  type Decision,
  type InputIssue,
  isQuestionEnabled,
  type Lang,
  listQuestions,
  type Question,
  safeEvaluate,
} from 'meldcode';

/** An answer as a case holds it: yes/no, a whole number, a list of them, a choice or a date. */
export type Answer = boolean | number | number[] | string;

/** Everything the professional entered. Immutable: every change returns a new session. */
export interface Session {
  /** The framework (afwegingskader) of the profession, e.g. `sociaal-domein`. */
  readonly framework: string;
  /** The evaluation date (`YYYY-MM-DD`), part of the case so an exported case evaluates the same anywhere. */
  readonly evaluationDate: string;
  /** Every answer given, by question id (the dotted fact path it fills). */
  readonly answers: ReadonlyMap<string, Answer>;
  /** Questions answered "don't know": they stay unknown (never "no") and are not asked again. */
  readonly dontKnow: ReadonlySet<string>;
  /** Question ids in the order they were answered (or skipped) one at a time, for "back". */
  readonly history: readonly string[];
}

/** What the session comes to: the case, its decision, and what to ask next. */
export interface View {
  /** The case `evaluate` receives: framework, date, and the answers whose question is shown. */
  readonly case: CaseInput;
  /** The decision, or `null` when the case is refused (see `issues`). */
  readonly decision: Decision | null;
  /** Why the case is refused, every problem with its path (in Dutch and English). */
  readonly issues: readonly InputIssue[];
  /** The answers that count: those whose question is shown under the other answers. */
  readonly inForce: ReadonlyMap<string, Answer>;
  /** Answers set aside because a changed answer hides their question; they return if it is shown again. */
  readonly setAside: readonly string[];
  /** The questions the decision needs now, in the order to ask them, without those answered "don't know". */
  readonly open: readonly Question[];
  /** The question catalogue of the framework, by id. */
  readonly catalogue: ReadonlyMap<string, Question>;
}

const catalogues = new Map<string, ReadonlyMap<string, Question>>();

/** Every question the library can ask with this framework, by id (cached per framework). */
export function catalogueOf(framework: string): ReadonlyMap<string, Question> {
  let catalogue = catalogues.get(framework);
  if (!catalogue) {
    // The app's framework ids come from listFrameworks(); an unknown one is refused at run time.
    catalogue = new Map(listQuestions(framework as FrameworkId).map((q) => [q.id, q]));
    catalogues.set(framework, catalogue);
  }
  return catalogue;
}

/** A new, empty session. */
export function newSession(framework: string, evaluationDate: string): Session {
  return { framework, evaluationDate, answers: new Map(), dontKnow: new Set(), history: [] };
}

/** Nested object from dotted paths: `{ 'a.b': 1 }` → `{ a: { b: 1 } }`. */
export function nest(answers: ReadonlyMap<string, Answer>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of answers) {
    const keys = path.split('.');
    let o = out;
    for (const k of keys.slice(0, -1)) {
      const next = o[k];
      o = (typeof next === 'object' && next !== null ? next : (o[k] = {})) as Record<string, unknown>;
    }
    o[keys[keys.length - 1]!] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}

/** Dotted paths from a nested case: the inverse of {@link nest} (a list is one answer). */
export function flatten(value: unknown, prefix = ''): Map<string, Answer> {
  const out = new Map<string, Answer>();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [key, v] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) for (const [p, x] of flatten(v, path)) out.set(p, x);
    else out.set(path, v as Answer);
  }
  return out;
}

/** The answers whose question is shown (FHIR-style branching); answers to facts outside the catalogue always count. */
function answersInForce(session: Session, catalogue: ReadonlyMap<string, Question>): Map<string, Answer> {
  const all = nest(session.answers);
  const out = new Map<string, Answer>();
  for (const [id, value] of session.answers) {
    const q = catalogue.get(id);
    if (!q || isQuestionEnabled(q, all, catalogue)) out.set(id, value);
  }
  return out;
}

/** The case the session stands for. */
export function caseOf(session: Session): CaseInput {
  const catalogue = catalogueOf(session.framework);
  return { framework: session.framework, evaluationDate: session.evaluationDate, ...nest(answersInForce(session, catalogue)) } as CaseInput;
}

/**
 * The questions to ask now, in order: the decision's own, then the scope's, the kindcheck's, the
 * open steps' and the conversation plan's (as the `meldcode interview --all` command asks them),
 * without those answered or answered "don't know".
 */
export function openQuestions(decision: Decision, catalogue: ReadonlyMap<string, Question>, answered: ReadonlyMap<string, Answer>, dontKnow: ReadonlySet<string>): Question[] {
  const pool = [
    ...decision.nextQuestions,
    ...decision.scope.nextQuestions,
    ...(decision.kindcheck?.nextQuestions ?? []),
    ...(decision.steps?.nextQuestions ?? []),
    ...(decision.conversation?.nextQuestions ?? []).flatMap((q) => catalogue.get(q.id) ?? []),
  ];
  const seen = new Set<string>();
  return pool.filter((q) => {
    if (seen.has(q.id) || answered.has(q.id) || dontKnow.has(q.id)) return false;
    seen.add(q.id);
    return true;
  });
}

/** Evaluates the session: the case, the decision (or why the case is refused) and the open questions. */
export function view(session: Session, lang: Lang): View {
  const catalogue = catalogueOf(session.framework);
  const inForce = answersInForce(session, catalogue);
  const kase = { framework: session.framework, evaluationDate: session.evaluationDate, ...nest(inForce) } as CaseInput;
  const setAside = [...session.answers.keys()].filter((id) => !inForce.has(id));
  const result = safeEvaluate(kase, { lang });
  if (!result.ok) return { case: kase, decision: null, issues: result.error.issues, inForce, setAside, open: [], catalogue };
  const open = openQuestions(result.decision, catalogue, inForce, session.dontKnow);
  return { case: kase, decision: result.decision, issues: [], inForce, setAside, open, catalogue };
}

/** The result of a change: the new session, or the problems that refuse it (the session stays as it was). */
export type Change = { ok: true; session: Session } | { ok: false; issues: readonly InputIssue[] };

function checked(next: Session): Change {
  const result = safeEvaluate(caseOf(next));
  return result.ok ? { ok: true, session: next } : { ok: false, issues: result.error.issues };
}

const withHistory = (history: readonly string[], id: string) => [...history.filter((h) => h !== id), id];

/** Answers (or changes the answer to) a question. Refused, with every problem, when the case would be invalid. */
export function answer(session: Session, id: string, value: Answer, inFlow = true): Change {
  const answers = new Map(session.answers).set(id, value);
  const dontKnow = new Set(session.dontKnow);
  dontKnow.delete(id);
  return checked({ ...session, answers, dontKnow, history: inFlow ? withHistory(session.history, id) : session.history });
}

/** "Don't know": the question stays unknown, is not asked again, and is listed to answer later. */
export function dontKnow(session: Session, id: string, inFlow = true): Session {
  const answers = new Map(session.answers);
  answers.delete(id);
  return { ...session, answers, dontKnow: new Set(session.dontKnow).add(id), history: inFlow ? withHistory(session.history, id) : session.history };
}

/** Takes an answer back: the question is unknown again and will be asked again. */
export function clearAnswer(session: Session, id: string): Session {
  const answers = new Map(session.answers);
  answers.delete(id);
  const dk = new Set(session.dontKnow);
  dk.delete(id);
  return { ...session, answers, dontKnow: dk, history: session.history.filter((h) => h !== id) };
}

/** Another evaluation date (the age of the client and the receipt follow it). */
export function setDate(session: Session, evaluationDate: string): Change {
  return checked({ ...session, evaluationDate });
}

/**
 * A session from a saved case (the app's export, `{ case, decision }`, or a bare case), checked by
 * `safeEvaluate`: every problem is listed and nothing is loaded when one is found.
 */
export function sessionFromJson(json: unknown, fallback: { framework: string; evaluationDate: string }): Change {
  const kase = typeof json === 'object' && json !== null && 'case' in json ? (json as { case: unknown }).case : json;
  if (typeof kase !== 'object' || kase === null || Array.isArray(kase)) {
    return { ok: false, issues: [{ path: [], code: 'invalid_type', message: { nl: 'verwacht een case (een JSON-object)', en: 'expected a case (a JSON object)' } }] };
  }
  const { framework, evaluationDate, ...rest } = kase as Record<string, unknown>;
  const full = { ...rest, framework: framework ?? fallback.framework, evaluationDate: evaluationDate ?? fallback.evaluationDate };
  const result = safeEvaluate(full);
  if (!result.ok) return { ok: false, issues: result.error.issues };
  const answers = flatten(rest);
  return {
    ok: true,
    session: {
      framework: full.framework as string,
      evaluationDate: full.evaluationDate as string,
      answers,
      dontKnow: new Set(),
      history: [...answers.keys()],
    },
  };
}

/** The export: the case and the decision with its receipt, as `meldcode evaluate` would give it for the same case. */
export function exportJson(v: View): string {
  return `${JSON.stringify({ case: v.case, decision: v.decision }, null, 2)}\n`;
}

/** How far the questioning is: answers that count against the questions open now (more may follow). */
export function progress(v: View): { answered: number; open: number; fraction: number } {
  const answered = [...v.inForce.keys()].filter((id) => v.catalogue.has(id)).length;
  const open = v.open.length;
  return { answered, open, fraction: answered + open === 0 ? 0 : answered / (answered + open) };
}
