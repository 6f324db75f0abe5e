import type { Source } from '../rules/schema.js';

/** One thing to record in the client's file, with the rule that asks it and its source. */
export interface RecordItem {
  /** Stable code, e.g. `veilig-thuis-officer`. */
  id: string;
  /** What to record, in the chosen language. */
  text: string;
  ruleId: string;
  source: Source;
}
