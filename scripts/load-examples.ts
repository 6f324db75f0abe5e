import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A bundled example case with the outcome it is expected to reach. */
export interface Example {
  id: string;
  title: { nl: string; en: string };
  description: { nl: string; en: string };
  case: unknown;
  expect: { outcome: string; necessary: boolean | null; norms: number[] };
  /**
   * Where a framework reaches another outcome on the same case by design (its objection regime,
   * DESIGN §6.5): the outcome per framework id, with the reason.
   */
  expectPerFramework?: Record<string, { outcome: string; necessary: boolean | null; norms: number[]; because: string }>;
}

/** The folder with the bundled example cases. */
export const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');

/** Every `examples/*.json`, in file-name order. */
export function loadExamples(dir = examplesDir): Example[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ id: file.replace(/\.json$/, ''), ...JSON.parse(readFileSync(join(dir, file), 'utf8')) }));
}
