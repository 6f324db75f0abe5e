// The API reference names types instead of writing them out (issue 11): typedoc writes a
// parameter's or a result's type out in full when TypeScript keeps no name for it, which is what
// happens to a zod-inferred type alias (`type X = z.input<typeof schema>`). As an interface
// (`interface X extends z.input<typeof schema> {}`) it keeps its name and typedoc links to it.
// This test measures each exported function's parameter and result types as TypeScript prints
// them, as typedoc decides what to write out (see `written`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { publicEntries } from './support/public-entries.js';

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** The longest type (in characters, as TypeScript prints it) a signature may write out. */
const LIMIT = 300;


describe('API reference: signatures name their types', () => {
  const program = ts.createProgram(
    publicEntries.map(([, file]) => join(root, file)),
    { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, resolveJsonModule: true, noEmit: true, skipLibCheck: true, strict: true, types: [] },
  );
  const checker = program.getTypeChecker();
  const printed = (type: ts.Type) => checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
  /**
   * How many characters of a type typedoc writes out, as it decides: a type with a name (an alias
   * TypeScript kept, an interface, a class) is a link; an anonymous object type is written out;
   * a union, an intersection or a generic's arguments (`T[]`, `Promise<T>`) count by their parts.
   */
  const written = (type: ts.Type, seen = new Set<ts.Type>()): number => {
    if (seen.has(type)) return 0;
    seen.add(type);
    if (type.aliasSymbol) return 0;
    if (type.isUnionOrIntersection()) return Math.max(0, ...type.types.map((t) => written(t, seen)));
    const isReference = type.flags & ts.TypeFlags.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference;
    const args = isReference ? checker.getTypeArguments(type as ts.TypeReference) : [];
    if (args.length > 0) return Math.max(0, ...args.map((t) => written(t, seen)));
    const name = type.getSymbol()?.name;
    if (name !== undefined && !name.startsWith('__')) return 0;
    return type.flags & ts.TypeFlags.Object ? printed(type).length : 0;
  };

  /** Each exported function of each entry, with its longest parameter or result type. */
  const measured = publicEntries.flatMap(([subpath, file]) => {
    const module = checker.getSymbolAtLocation(program.getSourceFile(join(root, file))!)!;
    const name = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    return checker.getExportsOfModule(module).flatMap((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!(symbol.flags & ts.SymbolFlags.Function)) return [];
      return checker.getTypeOfSymbol(symbol).getCallSignatures().flatMap((s) => [
        ...s.getParameters().map((p) => ({ key: `${name}: ${exported.name}(${p.name})`, longest: written(checker.getTypeOfSymbol(p)) })),
        { key: `${name}: ${exported.name} →`, longest: written(s.getReturnType()) },
      ]);
    });
  });

  it('finds the functions, each parameter and result', () => {
    if (process.env.SHOW_SIGNATURES) console.log(measured.filter((m) => m.longest > (process.env.SHOW_SIGNATURES === "all" ? -1 : LIMIT)).map((m) => `${m.key} ${m.longest}`).join('\n'));
    expect(measured.length).toBeGreaterThan(150);
  });

  it(`no parameter or result writes out a type longer than ${LIMIT} characters`, () => {
    const inlined = measured.filter((m) => m.longest > LIMIT).map((m) => m.key);
    // Every zod-inferred public type is an interface (issue 11), so none is written out.
    expect(inlined).toEqual([]);
  });
});

describe('API reference: modules are named by their import path', () => {
  it('every typedoc entry point has its import path (meldcode, meldcode/consent, …)', async () => {
    const { importPaths } = (await import('../typedoc-plugin-module-names.mjs' as string)) as { importPaths: Map<string, string> };
    const typedoc = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as { entryPoints: string[]; plugin: string[] };
    expect(typedoc.plugin).toContain('./typedoc-plugin-module-names.mjs');
    // typedoc names an entry point after its path under src/, without `/index.ts`.
    const names = typedoc.entryPoints.map((e) => e.replace(/^src\//, '').replace(/\/index\.ts$/, '').replace(/^index\.ts$/, 'index'));
    expect(names.map((n) => importPaths.get(n))).toEqual(names.map((n) => (n === 'index' ? 'meldcode' : `meldcode/${n}`)));
  });
});
