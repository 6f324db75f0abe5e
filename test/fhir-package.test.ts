// The FHIR NPM package (scripts/fhir-package.ts): the index and package.json describe what is
// there, as FHIR package tools read them.
import { describe, expect, it } from 'vitest';
import { listFrameworks, VERSION } from '../src/index.js';
import { fhirPackageFiles } from '../scripts/fhir-package.js';

describe('the FHIR NPM package', () => {
  const files = fhirPackageFiles();
  const resources = Object.entries(files).filter(([name]) => name !== 'package.json' && name !== '.index.json');

  it('holds the Questionnaires of every framework in both languages, whole and kindcheck-only, and the conformance resources', () => {
    const names = resources.map(([name]) => name);
    expect(names).toContain('Questionnaire-meldcode.artsen.kindcheck.en.json');
    expect(names).toContain('StructureDefinition-meldcode-source.json');
    expect(names).toContain('Questionnaire-meldcode.paramedici.nl.json');
    // Each shipped framework (an alias has none of its own): nl and en, whole and kindcheck-only.
    expect(names.filter((n) => n.startsWith('Questionnaire-'))).toHaveLength(listFrameworks().length * 4);
  });

  it('has a package.json and an index that list every resource with its canonical', () => {
    expect(files['package.json']).toMatchObject({ name: 'meldcode.fhir', version: VERSION, fhirVersions: ['4.0.1'], canonical: 'https://meldcode.example/fhir' });
    const index = files['.index.json'] as { 'index-version': number; files: { filename: string; url: string }[] };
    expect(index['index-version']).toBe(1);
    expect(index.files.map((f) => f.filename)).toEqual(resources.map(([name]) => name));
    for (const f of index.files) expect(f.url).toBe((files[f.filename] as { url: string }).url);
  });

  // Its resources are the ones test/fhir-validate.test.ts validates one by one.
  it('takes a canonical base of one\'s own', () => {
    const own = fhirPackageFiles('https://fhir.example.org');
    expect(JSON.stringify(own)).not.toContain('meldcode.example');
  });
});
