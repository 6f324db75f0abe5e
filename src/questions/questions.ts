import { z } from 'zod';
import type { CompiledFramework } from '../frameworks/framework.js';
import { type Source, sourceSchema, type Text, textSchema } from '../rules/schema.js';
import afwegingskaderQuestions from './afwegingskader.questions.json';

/** A question the library can ask; its id is the fact path its answer fills. */
export interface Question {
  /** Stable id, equal to the dotted path of the fact the answer fills (e.g. `considerations.suspicion`). */
  id: string;
  /** The question as the professional reads it. */
  text: Text;
  /** Help text: a definition or what to consider. */
  help?: Text;
  /** The kind of answer; every question so far is yes/no. */
  answer: 'boolean';
  /** Where the question comes from. */
  source: Source;
}

export const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+$/),
  text: textSchema,
  help: textSchema.optional(),
  answer: z.literal('boolean'),
  source: sourceSchema,
});

const questionFileSchema = z.strictObject({
  id: z.string(),
  source: sourceSchema,
  questions: z.array(questionSchema),
});

const staticQuestions: readonly Question[] = questionFileSchema.parse(afwegingskaderQuestions).questions;

const catalogues = new WeakMap<CompiledFramework, ReadonlyMap<string, Question>>();

/**
 * Every question of a framework, in the order they are asked: the five considerations, then
 * the framework's indicators (id `considerations.indicators.<code>`).
 */
export function questionCatalogue(compiled: CompiledFramework): ReadonlyMap<string, Question> {
  let catalogue = catalogues.get(compiled);
  if (!catalogue) {
    const map = new Map<string, Question>(staticQuestions.map((q) => [q.id, q]));
    for (const indicator of compiled.indicators.values()) {
      const id = `considerations.indicators.${indicator.code}`;
      map.set(id, { id, text: indicator.text, answer: 'boolean', source: indicator.source });
    }
    catalogue = map;
    catalogues.set(compiled, catalogue);
  }
  return catalogue;
}
