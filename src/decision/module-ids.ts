// A framework rule may not take the id of a rule of a module that runs beside the afwegingskader:
// it would stand in the same trail under the same id as, say, the always-report rule, and read as
// that rule. Checked where a framework document enters evaluate() and in validateFramework /
// extendFramework (not in parseFramework, so that `meldcode/fhir` does not bundle every module).
import { consentModule } from '../consent/consent.js';
import type { InputIssue } from '../errors/errors.js';
import type { Framework } from '../frameworks/framework.js';
import { kindcheckModule } from '../kindcheck/kindcheck.js';
import { recordsModule } from '../records/records.js';
import { scopeModule } from '../scope/scope.js';
import { stepsModule } from '../steps/steps.js';

let moduleRules: ReadonlyMap<string, string> | undefined;

/** The issues for framework rules whose id is a module rule's id. */
export function moduleRuleIdIssues(framework: Framework): InputIssue[] {
  moduleRules ??= new Map(
    [scopeModule, consentModule, kindcheckModule, stepsModule, recordsModule].flatMap((m) => m.ruleFile.rules.map((r) => [r.id, m.id] as const)),
  );
  const issues: InputIssue[] = [];
  framework.rules?.rules.forEach((rule, index) => {
    const module = moduleRules?.get(rule.id);
    if (module === undefined) return;
    issues.push({
      path: ['rules', 'rules', index, 'id'],
      code: 'module-rule-replaced',
      message: {
        nl: `regel "${rule.id}" is een regel van de module "${module}"; kies een eigen id`,
        en: `rule "${rule.id}" is a rule of the "${module}" module; choose an id of your own`,
      },
    });
  });
  return issues;
}
