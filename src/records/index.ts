export {
  evaluateRecordKeeping,
  type DecisionFacts,
  type RecordKeeping,
  type RecordReason,
  type RecordsEffect,
  type RecordsInput,
} from './records.js';
export type { RecordItem } from './types.js';
