// `meldcode mutate <framework>`: the mutation analysis of a framework's rule JSON, with the
// maintainer's golden cases; prints the score and every survivor. Loaded on demand (fast-check).
import * as z from 'zod';
import { fromZodIssues, MeldcodeInputError } from '../errors/errors.js';
import type { Framework, FrameworkInput } from '../frameworks/framework.js';
import type { Lang } from '../rules/trail.js';
import { type MutationReport, type MutationTarget, mutateFramework } from '../testing/mutate.js';
import type { FrameworkRef } from '../authoring/ids.js';

/** Exit code when mutants survive: the golden cases and invariants leave rules unpinned. */
export const EXIT_SURVIVORS = 3;

/** The file `--golden` reads: golden cases, and the mutants known to be equivalent with their reasons. */
export const mutationSpecSchema = z.strictObject({
  golden: z.array(z.strictObject({ id: z.string().min(1), case: z.record(z.string(), z.unknown()), evaluationDate: z.string().optional(), expect: z.record(z.string(), z.unknown()) })).optional(),
  equivalent: z.array(z.strictObject({ id: z.string().min(1), reason: z.string().min(1) })).optional(),
});

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The report as text for a terminal. */
export function formatMutation(report: MutationReport, lang: Lang): string {
  const nl = lang === 'nl';
  const out = [
    nl
      ? `meldcode mutate ${report.framework} (${report.targets.join(', ')}): ${report.total} mutanten, ${report.killed} gedood, ${report.refused} geweigerd, ${report.survived} overleefd, ${report.equivalent} gelijkwaardig — score ${percent(report.score)}`
      : `meldcode mutate ${report.framework} (${report.targets.join(', ')}): ${report.total} mutants, ${report.killed} killed, ${report.refused} refused, ${report.survived} survived, ${report.equivalent} equivalent — score ${percent(report.score)}`,
    `seed ${report.seed}, runs ${report.numRuns}`,
  ];
  if (report.survivors.length > 0) {
    out.push('', nl ? 'Overlevenden (regel, wijziging):' : 'Survivors (rule, change):');
    for (const s of report.survivors) out.push(`  ${s.mutant.id}`, `      ${s.mutant.change}`);
  }
  return out.join('\n');
}

/** Runs the analysis for the CLI; the framework is an id or a parsed JSON document. */
export function mutateCommand(
  framework: string | Framework | FrameworkInput,
  spec: unknown,
  options: { json?: boolean; all?: boolean; seed?: number; runs?: number; sample?: number },
  io: { stdout: { write(text: string): unknown } },
  lang: Lang,
): number {
  const parsed = mutationSpecSchema.safeParse(spec ?? {});
  if (!parsed.success) throw new MeldcodeInputError(fromZodIssues(parsed.error.issues, ['golden']));
  const targets: MutationTarget[] = options.all ? ['framework', 'floor', 'modules'] : ['framework'];
  // An id from the command line is checked by mutateFramework at run time (a typed error).
  const report = mutateFramework(framework as FrameworkRef, {
    targets,
    ...(parsed.data.golden ? { golden: parsed.data.golden } : {}),
    ...(parsed.data.equivalent ? { equivalent: parsed.data.equivalent } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.runs !== undefined ? { numRuns: options.runs } : {}),
    ...(options.sample !== undefined ? { sample: options.sample } : {}),
  });
  io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatMutation(report, lang)}\n`);
  return report.survived > 0 ? EXIT_SURVIVORS : 0;
}
