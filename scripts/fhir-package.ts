// The FHIR NPM package of meldcode: every generated Questionnaire (each framework, nl and en,
// whole and kindcheck-only) and the conformance resources, in the folder layout FHIR tools load
// (package/package.json, package/.index.json, one JSON file per resource).
// Usage: tsx scripts/fhir-package.ts <out-dir> [--canonical-base https://fhir.example.org]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { conformanceResources, DEFAULT_CANONICAL_BASE, toQuestionnaire } from '../src/fhir/index.js';
import { listFrameworks, VERSION } from '../src/index.js';

type Resource = { resourceType: string; id?: string; url?: string; version?: string };

/** The files of the package, by path under `package/`. */
export function fhirPackageFiles(canonicalBase?: string): Record<string, unknown> {
  const options = canonicalBase ? { canonicalBase } : {};
  const questionnaires: Resource[] = listFrameworks().flatMap((f) =>
    (['nl', 'en'] as const).flatMap((locale) => [toQuestionnaire(f.id, { locale, ...options }), toQuestionnaire(f.id, { locale, modules: ['kindcheck'], ...options })]),
  );
  const resources: Resource[] = [...conformanceResources(options), ...questionnaires];
  const files: Record<string, unknown> = {};
  const index: Record<string, unknown>[] = [];
  for (const r of resources) {
    const filename = `${r.resourceType}-${r.id}.json`;
    files[filename] = r;
    index.push({ filename, resourceType: r.resourceType, id: r.id, url: r.url, version: r.version });
  }
  files['package.json'] = {
    name: 'meldcode.fhir',
    version: VERSION,
    description: 'FHIR R4 resources of meldcode: the Questionnaires of each framework and the conformance resources of its extensions and codes.',
    canonical: canonicalBase ?? DEFAULT_CANONICAL_BASE,
    fhirVersions: ['4.0.1'],
    type: 'Conformance',
    license: 'Apache-2.0',
    dependencies: { 'hl7.fhir.r4.core': '4.0.1' },
  };
  files['.index.json'] = { 'index-version': 1, files: index };
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'canonical-base': { type: 'string' } } });
  const out = positionals[0];
  if (!out) {
    console.error('usage: tsx scripts/fhir-package.ts <out-dir> [--canonical-base <url>]');
    process.exit(1);
  }
  const dir = join(out, 'package');
  mkdirSync(dir, { recursive: true });
  const files = fhirPackageFiles(values['canonical-base']);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), `${JSON.stringify(content, null, 2)}\n`);
  console.log(`${Object.keys(files).length} files in ${dir}`);
}
