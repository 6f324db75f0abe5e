// The psychologists', pedagogues' and psychotherapists' cluster as an alias of sociaal-domein
// (issue 15): 000 Bijlage 2 is written for psychologists, pedagogues, (psycho)therapists and social
// workers, so the cluster gets an id and names of its own, never a copy of the rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';
import { psychologenPedagogen } from '../src/frameworks/psychologen-pedagogen/index.js';
import { frameworkAlias } from '../src/frameworks/registry.js';
import { sociaalDomein } from '../src/frameworks/sociaal-domein/index.js';
import { evaluate, extendFramework, getFramework, listFrameworks, MeldcodeInputError } from '../src/index.js';
import { libraryEntries } from '../tsup.config.js';
import { citationProblem, fold, needsSources, noSources, sourcesDir } from './support/sources.js';
import { thrown } from './support/throws.js';

const ALIAS = 'psychologen-pedagogen';
const DATE = { evaluationDate: '2026-11-23' };
const shippedHashes = JSON.parse(readFileSync(join(process.cwd(), 'src', 'frameworks', 'shipped.json'), 'utf8')) as Record<string, string>;

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdin: process.stdin, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

describe('the psychologen-pedagogen alias of sociaal-domein', () => {
  it('is the sociaal-domein framework itself, not a copy', () => {
    expect(getFramework(ALIAS)).toBe(getFramework('sociaal-domein'));
    expect(psychologenPedagogen).toBe(sociaalDomein);
    expect(frameworkAlias(ALIAS)).toMatchObject({ id: ALIAS, aliasOf: 'sociaal-domein' });
    expect(frameworkAlias('sociaal-domein')).toBeUndefined();
    // No hash of its own: the receipt's `shipped` compares the evaluated framework's hash.
    expect(Object.keys(shippedHashes)).not.toContain(ALIAS);
  });

  it('listFrameworks names it under sociaal-domein, and lists it with its own names and aliasOf when asked', () => {
    const documents = listFrameworks();
    expect(documents.map((f) => f.id)).not.toContain(ALIAS);
    expect(documents.find((f) => f.id === 'sociaal-domein')!.aliases).toEqual([ALIAS]);
    for (const f of documents.filter((x) => x.id !== 'sociaal-domein')) expect(f.aliases).toEqual([]);

    const withAliases = listFrameworks({ aliases: true });
    const alias = withAliases.find((f) => f.id === ALIAS)!;
    const target = withAliases.find((f) => f.id === 'sociaal-domein')!;
    expect(alias).toMatchObject({
      status: 'encoded',
      aliasOf: 'sociaal-domein',
      name: { nl: 'Psychologen, pedagogen en psychotherapeuten', en: 'Psychologists, pedagogues and psychotherapists' },
      clusters: [ALIAS],
      version: target.version,
      validFrom: target.validFrom,
      role: target.role,
    });
    expect(alias.name).not.toEqual(target.name);
    expect(target.aliasOf).toBeUndefined();
    // The cluster list (what `meldcode frameworks` prints) has it too.
    expect(listFrameworks({ notYetEncoded: true }).find((f) => f.id === ALIAS)).toEqual(alias);
    // A caller changing the list changes no later one.
    alias.name.nl = 'x';
    expect(listFrameworks({ aliases: true }).find((f) => f.id === ALIAS)!.name.nl).toBe('Psychologen, pedagogen en psychotherapeuten');
  });

  it('evaluate with the alias id decides as sociaal-domein, and the receipt names sociaal-domein, shipped', () => {
    const kase = { considerations: { suspicion: true, unsafety: { structural: true } }, client: { age: 14 } };
    const viaAlias = evaluate({ ...kase, framework: ALIAS }, DATE);
    const viaOption = evaluate(kase, { ...DATE, framework: ALIAS });
    const direct = evaluate(kase, { ...DATE, framework: 'sociaal-domein' });
    expect(viaOption).toEqual(direct);
    expect(viaAlias.outcome).toBe(direct.outcome);
    expect(viaAlias.trail).toEqual(direct.trail);
    expect(viaAlias.receipt.framework).toEqual({
      id: 'sociaal-domein',
      version: getFramework('sociaal-domein').version,
      validFrom: getFramework('sociaal-domein').validFrom,
      sha256: shippedHashes['sociaal-domein'],
      shipped: true,
    });
    // The framework's own consent regime (Jeugdwet/Wgbo from 12) applies, as for sociaal-domein.
    expect(evaluate(kase, { ...DATE, framework: 'basismodel' }).conversation).not.toEqual(direct.conversation);
  });

  it('a case that names the alias is evaluated with the alias (or sociaal-domein) as option, but not with another framework', () => {
    const kase = { framework: ALIAS, considerations: { suspicion: false } } as const;
    expect(evaluate(kase, { ...DATE, framework: ALIAS }).receipt.framework.id).toBe('sociaal-domein');
    expect(evaluate(kase, { ...DATE, framework: 'sociaal-domein' }).outcome).toBe('close-and-record');
    const error = thrown(() => evaluate(kase, { ...DATE, framework: 'basismodel' }));
    expect(error).toBeInstanceOf(MeldcodeInputError);
    expect((error as MeldcodeInputError).issues.map((i) => i.code)).toEqual(['framework-mismatch']);
  });

  it('an unknown id names the alias among the known ones', () => {
    // @ts-expect-error a misspelt or unshipped id does not compile; at run time it is refused with a typed error
    const error = thrown(() => getFramework('psychologen')) as MeldcodeInputError;
    expect(error).toBeInstanceOf(MeldcodeInputError);
    expect(error.issues[0]!.message.en).toContain(ALIAS);
  });

  it('an organisation extends it as it would sociaal-domein', () => {
    const own = extendFramework(ALIAS as Parameters<typeof extendFramework>[0], { id: 'praktijk-psychologie-west', version: '1.0.0', name: { nl: 'Praktijk West', en: 'Practice West' } });
    expect(own.extends).toEqual({ id: 'sociaal-domein', version: getFramework('sociaal-domein').version });
  });

  it('the CLI lists it as an alias and evaluates with it', async () => {
    const list = await cli(['frameworks', '--json']);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { id: string; aliasOf?: string }[]).find((f) => f.id === ALIAS)).toMatchObject({ aliasOf: 'sociaal-domein', status: 'encoded' });
    const text = await cli(['frameworks', '--lang', 'en']);
    expect(text.stdout).toMatch(/psychologen-pedagogen .*Psychologists, pedagogues and psychotherapists/);
    const flowchart = await cli(['flowchart', ALIAS]);
    expect(flowchart.code).toBe(0);
    expect(flowchart.stdout).toBe((await cli(['flowchart', 'sociaal-domein'])).stdout);
  });

  it('ships as meldcode/frameworks/psychologen-pedagogen', () => {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { exports: Record<string, unknown>; typesVersions: { '*': Record<string, string[]> } };
    expect(libraryEntries).toHaveProperty([`frameworks/${ALIAS}`], `src/frameworks/${ALIAS}/index.ts`);
    expect(pkg.exports[`./frameworks/${ALIAS}`]).toEqual({
      import: { types: `./dist/frameworks/${ALIAS}.d.ts`, default: `./dist/frameworks/${ALIAS}.js` },
      require: { types: `./dist/frameworks/${ALIAS}.d.cts`, default: `./dist/frameworks/${ALIAS}.cjs` },
    });
    expect(pkg.typesVersions['*'][`frameworks/${ALIAS}`]).toEqual([`./dist/frameworks/${ALIAS}.d.cts`]);
  });

  it.skipIf(noSources)(needsSources('cites the passage of 000 Bijlage 2 that names the professions it is for'), () => {
    const alias = frameworkAlias(ALIAS)!;
    expect(citationProblem(alias.source)).toBeUndefined();
    for (const word of ['psychologen', 'pedagogen', '(psycho)therapeuten']) expect(alias.source.quote).toContain(word);
    // The same passage the framework document itself cites as its source.
    expect(getFramework('sociaal-domein').source).toEqual(alias.source);
    expect(fold(readFileSync(join(sourcesDir, alias.source.document), 'utf8'))).toContain(fold(alias.source.quote!));
  });

  it('its generated page says it is an alias, cites the source and links the framework page', async () => {
    // The alias page alone (generatedFiles would compute every framework's diff table first).
    const { renderAliasDoc } = await import('../scripts/framework-docs.js');
    const page = renderAliasDoc(frameworkAlias(ALIAS)!);
    expect(readFileSync(join(process.cwd(), 'docs', 'frameworks', `${ALIAS}.md`), 'utf8')).toBe(page);
    expect(page).toContain('| alias of | [`sociaal-domein`](sociaal-domein.md)');
    expect(page).toContain('Bijlage 2 Afwegingskader');
    expect(page).toContain('<https://www.afwegingskadermeldcode.nl/>');
    expect(page).not.toContain('## Indicators');
  });
});
