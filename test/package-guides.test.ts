// Every guide's code sample runs (issue 11), so a guide cannot drift from the API: each ```ts
// block of the guides below is typechecked with the project's own compiler options
// (noUncheckedIndexedAccess included), with `meldcode` and `meldcode/<subpath>` resolved to src/,
// and then run. A block after `<!-- sample: typecheck only … -->` is only typechecked (it reads
// a file, say); one after `<!-- sample: not run … -->` is neither (a shape to read).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AnswerValue, Question } from '../src/index.js';

const root = process.cwd();
const dir = join(root, 'node_modules', '.cache', 'meldcode-guide-samples');

/** The guides, and how their samples read: each on its own, or one program in order. */
const guides = [
  { file: 'README.md', mode: 'separate' },
  { file: 'docs/questionnaire-app.md', mode: 'continued' },
  // Its samples read the reader's files and hold vitest tests: one program, typechecked (the
  // worked example itself runs in test/authoring.test.ts).
  { file: 'docs/writing-a-framework.md', mode: 'continued' },
  // Each sample on its own: what the host supplies is declared in the sample (`declare const …`).
  { file: 'docs/embedding-in-an-ehr.md', mode: 'separate' },
  { file: 'docs/cds-hooks.md', mode: 'separate' },
] as const;

interface Sample {
  code: string;
  run: boolean;
  line: number;
}

function samplesOf(file: string): Sample[] {
  const text = readFileSync(join(root, file), 'utf8');
  const out: Sample[] = [];
  for (const m of text.matchAll(/(?:<!-- sample: ([^>]*?) -->\n)?```ts\n([\s\S]*?)```/g)) {
    const marker = m[1] ?? '';
    if (marker.startsWith('not run')) continue;
    out.push({ code: m[2]!, run: !marker.startsWith('typecheck only'), line: text.slice(0, m.index).split('\n').length + (m[1] ? 1 : 0) });
  }
  return out;
}

/** `from 'meldcode'` and `from 'meldcode/<subpath>'` as src/ paths. */
const toSrc = (code: string) =>
  code.replace(/from '(meldcode(?:\/[a-z0-9/-]+)?)'/g, (_, spec: string) => `from '${join(root, 'src', spec === 'meldcode' ? 'index.js' : `${spec.slice('meldcode/'.length)}/index.js`)}'`);

/** One program of several samples: their imports merged (one import per name), then their bodies. */
function continued(samples: readonly Sample[]): string {
  const imports = new Map<string, Set<string>>();
  const bodies: string[] = [];
  for (const s of samples) {
    bodies.push(
      s.code.replace(/^import \{([^}]*)\} from '([^']+)';\n/gm, (_, names: string, spec: string) => {
        const set = imports.get(spec) ?? new Set<string>();
        for (const n of names.split(',').map((x) => x.trim()).filter(Boolean)) set.add(n);
        imports.set(spec, set);
        return '';
      }),
    );
  }
  const lines = [...imports].map(([spec, names]) => {
    const values = new Set([...names].filter((n) => !n.startsWith('type ')));
    const all = [...names].filter((n) => !n.startsWith('type ') || !values.has(n.slice(5)));
    return `import { ${all.join(', ')} } from '${spec}';`;
  });
  return `${lines.join('\n')}\n${bodies.join('\n')}\nexport {};\n`;
}

/** The files to check and run, per guide. */
interface Program {
  guide: string;
  id: string;
  code: string;
  run: boolean;
  line: number;
}
const programs = guides.flatMap(({ file, mode }): Program[] => {
  const samples = samplesOf(file);
  const name = file.replace(/[^a-z0-9]+/gi, '-');
  if (mode === 'continued') return [{ guide: file, id: `${name}.ts`, code: toSrc(continued(samples)), run: samples.every((s) => s.run), line: samples[0]?.line ?? 0 }];
  return samples.map((s, i) => ({ guide: file, id: `${name}-${i + 1}.ts`, code: `${toSrc(s.code)}\nexport {};\n`, run: s.run, line: s.line }));
});

// The questionnaire loop's screen: answers by question id, as a professional would give them.
const screen: Record<string, AnswerValue> = {
  'scope.perpetratorIsProfessional': false,
  'scope.betweenClients': false,
  'considerations.suspicion': true,
  'considerations.unsafety.acute': true,
};

describe('the guides’ code samples', () => {
  mkdirSync(dir, { recursive: true });
  for (const p of programs) writeFileSync(join(dir, p.id), p.code);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the samples', () => {
    expect(programs.filter((p) => p.guide === 'README.md').length).toBeGreaterThanOrEqual(3);
    expect(programs.find((p) => p.guide === 'docs/questionnaire-app.md')?.code).toContain('setAnswer(answers, question.id, value)');
    expect(programs.find((p) => p.guide === 'docs/writing-a-framework.md')?.code).toContain("extendFramework('sociaal-domein', changes)");
  });

  it('typecheck with the project’s compiler options', () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const files = programs.map((p) => join(dir, p.id));
    const program = ts.createProgram(files, { ...config.options, noEmit: true });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(d.file.fileName))
      .map((d) => {
        const p = programs.find((x) => join(dir, x.id) === d.file!.fileName)!;
        return `${p.guide} (sample from line ${p.line}): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    expect(problems).toEqual([]);
  }, 120_000);

  it.each(programs.filter((p) => p.run).map((p) => [`${p.guide}, line ${p.line}`, p] as const))('%s runs', async (_, p) => {
    const logged: unknown[][] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args) => void logged.push(args));
    (globalThis as { ask?: unknown }).ask = async (q: Question) => screen[q.id];
    try {
      await import(join(dir, p.id));
    } finally {
      log.mockRestore();
      delete (globalThis as { ask?: unknown }).ask;
    }
    if (p.guide === 'docs/questionnaire-app.md') expect(logged[0]).toEqual(['report']);
  });
});
