// The legal-floor check: a framework may add questions, indicators, roles, rules that report,
// and stricter step requirements, but it can never remove or weaken a floor rule (DESIGN §3).
// These are the checks that can be made on the data alone; `meldcode/testing` checks the
// behaviour (DESIGN §7) by running cases.
import type { InputIssue } from '../../errors/errors.js';
import { canonicalJson } from '../../rules/canonical.js';
import type { Condition, Effect } from '../../rules/schema.js';
import { type Framework, getFloor, type RequirementLevel, requirementLevels, type StepRequirement } from '../framework.js';

/** Names the indicator rule file generates; they belong to the floor's reading of the indicators. */
const generatedConditions = ['indicator-unsafety', 'parent-factor-present'];

const strictness = (level: RequirementLevel) => requirementLevels.indexOf(level);

/** The floor rule (`floor: true`) that settles a consideration, for error messages. */
function floorRuleFor(consideration: number): string {
  const rule = getFloor().rules.rules.find(
    (r) => r.floor && 'consideration' in r.event.params && r.event.params.consideration === consideration,
  );
  return rule?.id ?? getFloor().rules.rules.find((r) => r.floor)!.id;
}

/** Why an effect in a framework rule would weaken the floor, and the floor rule it touches; or undefined. */
function weakeningEffect(effect: Effect): { floorRule: string; nl: string; en: string } | undefined {
  switch (effect.type) {
    case 'close':
      return {
        floorRule: 'afweging-1-nee',
        nl: 'alleen de wettelijke ondergrens sluit de meldcode af (na afweging 1: nee)',
        en: 'only the legal floor closes the meldcode (after consideration 1: no)',
      };
    case 'help':
      return effect.params.stage === 'close-with-agreements'
        ? {
            floorRule: 'afweging-5-ja',
            nl: 'alleen de wettelijke ondergrens sluit de hulp af met afspraken (na afweging 5: ja)',
            en: 'only the legal floor closes the help with agreements (after consideration 5: yes)',
          }
        : {
            floorRule: 'afweging-3-nee-norm-2',
            nl: 'of hulp mogelijk is, volgt uit de afwegingen 3 tot en met 5 van de wettelijke ondergrens',
            en: 'whether help is possible follows from considerations 3 to 5 of the legal floor',
          };
    case 'consideration':
      return {
        floorRule: floorRuleFor(effect.params.consideration),
        nl: `het antwoord op afweging ${effect.params.consideration} volgt uit de wettelijke ondergrens`,
        en: `the answer to consideration ${effect.params.consideration} follows from the legal floor`,
      };
    default:
      // report, needs-input, action, note and indicator effects can only add to the floor.
      return undefined;
  }
}

/**
 * Whether a condition holds only when afweging 1 is answered yes: `suspicion: true` (or the
 * floor's `suspicion-yes`) in every branch. Conservative: an `all` needs one such child, an `any`
 * needs it in each child, a `not` never counts.
 */
function requiresSuspicion(condition: Condition, named: Readonly<Record<string, Condition>>, seen: ReadonlySet<string> = new Set()): boolean {
  if ('condition' in condition) {
    if (condition.condition === 'suspicion-yes') return true;
    const target = named[condition.condition];
    return !!target && !seen.has(condition.condition) && requiresSuspicion(target, named, new Set([...seen, condition.condition]));
  }
  if ('all' in condition) return condition.all.some((c) => requiresSuspicion(c, named, seen));
  if ('any' in condition) return condition.any.length > 0 && condition.any.every((c) => requiresSuspicion(c, named, seen));
  if ('not' in condition) return false;
  return condition.fact === 'considerations' && condition.path === 'suspicion' && condition.operator === 'equal' && condition.value === true;
}

/**
 * Every way a framework removes or weakens the legal floor, each naming the floor rule (or
 * floor step requirement) it touches. Empty when the framework keeps the floor.
 *
 * What counts as weakening, for data: replacing a floor rule or named condition (same id or
 * name); a rule that closes the meldcode, closes or decides help, or answers a consideration
 * (those are the floor's effects, and a framework version of them could contradict a floor
 * norm); claiming `floor: true` for a framework rule; an indicator code that shadows a floor
 * parent factor; and a step requirement made less strict than the floor's.
 */
export function floorIssues(framework: Framework): InputIssue[] {
  const floor = getFloor();
  const issues: InputIssue[] = [];
  const floorIds = new Set(floor.rules.rules.map((r) => r.id));
  const floorConditions = new Set([...Object.keys(floor.rules.conditions ?? {}), ...generatedConditions]);
  const parentCodes = new Set(floor.indicators.map((i) => i.code));
  const named: Record<string, Condition> = { ...(framework.rules?.conditions ?? {}), ...(floor.rules.conditions ?? {}) };

  // The floor examples (ruling C): every framework lists each, as the floor has it.
  floor.examples.forEach((example) => {
    const index = framework.indicators.findIndex((i) => i.code === example.code);
    if (index < 0) {
      issues.push({
        path: ['indicators'],
        code: 'floor-example-missing',
        message: {
          nl: `het voorbeeld "${example.code}" (${example.text.nl}) hoort bij de wettelijke ondergrens en staat in ieder afwegingskader; neem het over uit src/frameworks/floor/examples.json`,
          en: `the example "${example.code}" (${example.text.en}) belongs to the legal floor and is in every framework; copy it from src/frameworks/floor/examples.json`,
        },
      });
    } else if (canonicalJson(framework.indicators[index]) !== canonicalJson(example)) {
      issues.push({
        path: ['indicators', index],
        code: 'floor-example-changed',
        message: {
          nl: `het voorbeeld "${example.code}" hoort bij de wettelijke ondergrens en staat er zoals in src/frameworks/floor/examples.json (soort, tekst en bron)`,
          en: `the example "${example.code}" belongs to the legal floor and stands as in src/frameworks/floor/examples.json (kind, text and source)`,
        },
      });
    }
  });
  // A helping question or an indicator may not take the code of a serious parent factor.
  const parentCodeTaken = (list: 'guidingQuestions' | 'indicators', label: { nl: string; en: string }) => (item: { code: string }, index: number) => {
    if (!parentCodes.has(item.code)) return;
    issues.push({
      path: [list, index, 'code'],
      code: 'duplicate-indicator',
      message: {
        nl: `${label.nl} "${item.code}" bestaat al (de ernstige ouderfactoren horen bij de wettelijke ondergrens)`,
        en: `${label.en} "${item.code}" already exists (the serious parent factors belong to the legal floor)`,
      },
    });
  };
  (framework.guidingQuestions ?? []).forEach(parentCodeTaken('guidingQuestions', { nl: 'code', en: 'code' }));
  framework.indicators.forEach(parentCodeTaken('indicators', { nl: 'indicatorcode', en: 'indicator code' }));

  framework.rules?.rules.forEach((rule, index) => {
    const path = ['rules', 'rules', index];
    if (floorIds.has(rule.id)) {
      issues.push({
        path: [...path, 'id'],
        code: 'floor-rule-replaced',
        message: {
          nl: `regel "${rule.id}" hoort bij de wettelijke ondergrens en kan niet worden vervangen`,
          en: `rule "${rule.id}" belongs to the legal floor and cannot be replaced`,
        },
      });
    }
    if (rule.floor) {
      issues.push({
        path: [...path, 'floor'],
        code: 'floor-claimed',
        message: {
          nl: `regel "${rule.id}": alleen regels van de wettelijke ondergrens (zoals "afweging-2-ja-norm-1") zijn ondergrensregels`,
          en: `rule "${rule.id}": only the legal floor's rules (such as "afweging-2-ja-norm-1") are floor rules`,
        },
      });
    }
    // No suspicion closes the meldcode (001 afweging 1: "Nee: … afsluiten"); a report of the
    // framework's own may only add to a case with a suspicion (found by the issue 10 fuzz).
    if (rule.event.type === 'report' && !requiresSuspicion(rule.conditions, named)) {
      issues.push({
        path: [...path, 'conditions'],
        code: 'report-without-suspicion',
        message: {
          nl: `regel "${rule.id}" meldt ook zonder vermoeden; een melding vraagt afweging 1: ja (voorwaarde "suspicion-yes"), anders sluit ondergrensregel "afweging-1-nee" af`,
          en: `rule "${rule.id}" reports without a suspicion too; a report needs consideration 1: yes (condition "suspicion-yes"), else floor rule "afweging-1-nee" closes`,
        },
      });
    }
    // The same for a question of the framework's own: asked on "no suspicion", it would hold up the
    // floor's close (DESIGN §7: no suspicion ⇒ close and record). Before afweging 1 is answered the
    // floor asks it; the framework's questions follow a suspicion (found by the issue 10 fuzz).
    if (rule.event.type === 'needs-input' && !requiresSuspicion(rule.conditions, named)) {
      issues.push({
        path: [...path, 'conditions'],
        code: 'question-without-suspicion',
        message: {
          nl: `regel "${rule.id}" vraagt ook zonder vermoeden om invoer; een eigen vraag van het afwegingskader vraagt afweging 1: ja (voorwaarde "suspicion-yes"), anders sluit ondergrensregel "afweging-1-nee" af`,
          en: `rule "${rule.id}" asks for input without a suspicion too; a question of the framework's own needs consideration 1: yes (condition "suspicion-yes"), else floor rule "afweging-1-nee" closes`,
        },
      });
    }
    const weakening = weakeningEffect(rule.event);
    if (weakening) {
      issues.push({
        path: [...path, 'event'],
        code: 'floor-rule-weakened',
        message: {
          nl: `regel "${rule.id}" raakt ondergrensregel "${weakening.floorRule}": ${weakening.nl}`,
          en: `rule "${rule.id}" touches floor rule "${weakening.floorRule}": ${weakening.en}`,
        },
      });
    }
  });

  for (const name of Object.keys(framework.rules?.conditions ?? {})) {
    if (floorConditions.has(name)) {
      issues.push({
        path: ['rules', 'conditions', name],
        code: 'floor-condition-replaced',
        message: {
          nl: `voorwaarde "${name}" hoort bij de wettelijke ondergrens en kan niet worden vervangen`,
          en: `condition "${name}" belongs to the legal floor and cannot be replaced`,
        },
      });
    }
  }

  framework.steps?.forEach((step, s) => {
    step.requirements?.forEach((req, r) => {
      const base = floor.requirements.find((f) => f.id === req.id);
      if (!base) return;
      if (base.step !== step.step || strictness(req.level) < strictness(base.level)) {
        issues.push({
          path: ['steps', s, 'requirements', r, base.step !== step.step ? 'id' : 'level'],
          code: 'floor-requirement-weakened',
          message: {
            nl: `stapvereiste "${req.id}" hoort bij de wettelijke ondergrens (stap ${base.step}, ${base.level}) en kan alleen strenger worden`,
            en: `step requirement "${req.id}" belongs to the legal floor (step ${base.step}, ${base.level}) and can only be made stricter`,
          },
        });
      }
    });
  });
  return issues;
}

/**
 * The requirements of each step for a framework: the floor's, each replaced by the framework's
 * stricter version where it names the same id, then the framework's own.
 */
export function stepRequirements(framework: Framework): StepRequirement[] {
  const own = (framework.steps ?? []).flatMap((s) => (s.requirements ?? []).map((r) => ({ ...r, step: s.step })));
  const merged = getFloor().requirements.map((f) => own.find((o) => o.id === f.id) ?? f);
  return [...merged, ...own.filter((o) => !merged.includes(o))].sort((a, b) => a.step - b.step);
}
