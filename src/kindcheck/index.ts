export {
  evaluateKindcheck,
  kindcheckQuestions,
  type KindcheckEffect,
  type KindcheckInput,
  type KindcheckResult,
  type KindcheckStatus,
} from './kindcheck.js';
export type { ModuleNote, ModuleOptions } from '../case/module.js';
export type { RecordItem } from '../records/types.js';
export { MeldcodeInputError } from '../errors/errors.js';
export type { InputIssue } from '../errors/errors.js';
export type { Question } from '../questions/questions.js';
export type { Lang, TrailEntry, TrailFact } from '../rules/trail.js';
export type { Source, Text } from '../rules/schema.js';
