// Writing a framework: define one from JSON, extend a shipped one for an organisation, validate
// a file. Every path ends in parseFramework (zod + the legal-floor check) and a trial compile.
import * as z from 'zod/mini';
import { fromZodIssues, type InputIssue, MeldcodeFrameworkError, MeldcodeInputError } from '../errors/errors.js';
import {
  shippedIdIssues,
  trialCompileIssues,
  exampleSchema,
  type Framework,
  type FrameworkInput,
  frameworkSchema,
  getFloor,
  guidingQuestionSchema,
  indicatorSchema,
  parseFramework,
  requirementLevels,
  roleSchema,
  stepSchema,
} from '../frameworks/framework.js';
import { getFramework, hasFramework, unknownFrameworkIssue } from '../frameworks/registry.js';
import { moduleRuleIdIssues } from '../decision/module-ids.js';
import type { FrameworkId, FrameworkRef } from './ids.js';

export type { FrameworkId, FrameworkRef } from './ids.js';
import { frameworkLimitIssues } from '../frameworks/limits.js';

export { frameworkLimits } from '../frameworks/limits.js';
import { questionCatalogue } from '../questions/questions.js';
import { ruleFileSchema, sourceSchema, textSchema, minLength } from '../rules/schema.js';

/** The result of {@link validateFramework}: the framework, or every problem with its path. */
export type FrameworkValidation = { ok: true; framework: Framework } | { ok: false; issues: InputIssue[] };

/**
 * Validates a framework document: the zod schema (every problem with its path), the legal
 * floor (a problem names the floor rule), and a trial compile of its rules.
 *
 * @example
 * ```ts
 * const result = validateFramework(JSON.parse(readFileSync('my-framework.json', 'utf8')));
 * if (!result.ok) for (const i of result.issues) console.log(i.path.join('.'), i.message.en);
 * ```
 */
export function validateFramework(json: unknown): FrameworkValidation {
  let framework: Framework;
  try {
    framework = parseFramework(json);
  } catch (error) {
    if (error instanceof MeldcodeInputError) return { ok: false, issues: [...error.issues] };
    throw error;
  }
  const compileIssues = [...shippedIdIssues(framework), ...moduleRuleIdIssues(framework), ...trialCompileIssues(framework)];
  if (compileIssues.length > 0) return { ok: false, issues: compileIssues };
  // A rule that asks a question the catalogue does not know would leave the professional with
  // nothing to answer: every question a needs-input rule names must be one the library can ask.
  const catalogue = questionCatalogue(framework);
  const unknown: InputIssue[] = [];
  framework.rules?.rules.forEach((rule, index) => {
    if (rule.event.type !== 'needs-input') return;
    rule.event.params.questions.forEach((id, q) => {
      if (catalogue.has(id)) return;
      unknown.push({
        path: ['rules', 'rules', index, 'event', 'params', 'questions', q],
        code: 'unknown-question',
        message: { nl: `regel "${rule.id}" vraagt "${id}", maar die vraag bestaat niet`, en: `rule "${rule.id}" asks "${id}", but no such question exists` },
      });
    });
  });
  if (unknown.length > 0) return { ok: false, issues: unknown };
  return { ok: true, framework };
}

/**
 * A framework from its JSON document, validated (see {@link validateFramework}). The input is
 * never changed; the result is a validated copy. It takes the document's type; a document of
 * unknown shape (a file read at run time) goes through {@link validateFramework}, which takes
 * `unknown` and returns every problem instead of throwing.
 *
 * @throws {@link MeldcodeFrameworkError} listing every problem, a floor problem naming the floor rule.
 * @example
 * ```ts
 * const mine = defineFramework({ id: 'mijn-kader', version: '1.0.0', ... });
 * evaluate(myCase, { framework: mine });
 * ```
 */
export function defineFramework(json: FrameworkInput): Framework {
  const result = validateFramework(json);
  if (!result.ok) throw new MeldcodeFrameworkError(result.issues);
  return result.framework;
}

/** What an organisation (or a profession) changes when it extends a framework. */
export const frameworkChangesSchema = z.strictObject({
  /** The new framework's id, e.g. `sociaal-domein-wijkteam-oost`. */
  id: frameworkSchema.shape.id,
  version: frameworkSchema.shape.version,
  validFrom: z.optional(frameworkSchema.shape.validFrom),
  name: textSchema,
  description: z.optional(textSchema),
  /** Who publishes the extension (the organisation); added after the base's publishers. */
  publishers: z.optional(z.array(z.string().check(minLength(1)))),
  /** The organisation's own meldcode; the base's source stays listed under `sources`. */
  source: z.optional(sourceSchema),
  consent: frameworkSchema.shape.consent,
  /** Roles added, or replaced by id. */
  roles: z.optional(z.array(roleSchema)),
  /** Per step: roles replace the base's; requirements are added or made stricter by id. */
  steps: z.optional(z.array(stepSchema)),
  designatedOfficer: frameworkSchema.shape.designatedOfficer,
  /** Indicators added to the base's. */
  indicators: z.optional(z.array(indicatorSchema)),
  guidingQuestions: z.optional(z.array(guidingQuestionSchema)),
  examples: z.optional(z.array(exampleSchema)),
  openItems: frameworkSchema.shape.openItems,
  /** Rules added to the base's (ids and condition names must be new). */
  rules: z.optional(ruleFileSchema),
});
/**
 * What {@link extendFramework} accepts as changes. An interface (not the zod-inferred type
 * itself), so the API reference links to it instead of writing the whole type out in every
 * signature.
 */
export interface FrameworkChanges extends z.input<typeof frameworkChangesSchema> {}

const strictness = (level: string) => requirementLevels.indexOf(level as (typeof requirementLevels)[number]);

/**
 * Extends a framework for an organisation or a profession: roles per step, who decides in
 * step 5, the designated officer, extra indicators, stricter step requirements, extra rules.
 * Nothing of the base can be removed, and a requirement can only become stricter; the result
 * is validated like {@link defineFramework} and records what it extends.
 *
 * @param base A shipped framework id ({@link FrameworkId}) or a framework document.
 * @throws {@link MeldcodeFrameworkError} listing every problem with its path.
 * @example
 * ```ts
 * const ours = extendFramework('sociaal-domein', {
 *   id: 'sociaal-domein-wijkteam', version: '1.0.0', name: { nl: 'Wijkteam', en: 'Neighbourhood team' },
 *   roles: [{ id: 'teamleider', name: { nl: 'Teamleider', en: 'Team leader' } }],
 *   steps: [{ step: 5, decidedBy: ['teamleider'] }],
 * });
 * ```
 */
export function extendFramework(base: FrameworkRef, changes: FrameworkChanges): Framework {
  let parent: Framework;
  if (typeof base === 'string') {
    if (!hasFramework(base)) throw new MeldcodeFrameworkError([{ ...unknownFrameworkIssue(base), path: ['base'] }]);
    parent = getFramework(base);
  } else {
    parent = parseFramework(base);
  }
  const limits = frameworkLimitIssues(changes, getFloor().rules.conditions ?? {}).map((i) => ({ ...i, path: ['changes', ...i.path] }));
  if (limits.length > 0) throw new MeldcodeFrameworkError(limits);
  const parsed = frameworkChangesSchema.safeParse(changes);
  if (!parsed.success) throw new MeldcodeFrameworkError(fromZodIssues(parsed.error.issues, ['changes']));
  const c = parsed.data;
  const issues: InputIssue[] = [];

  const roles = [...(parent.roles ?? [])];
  for (const role of c.roles ?? []) {
    const at = roles.findIndex((r) => r.id === role.id);
    if (at >= 0) roles[at] = role;
    else roles.push(role);
  }

  const steps = (parent.steps ?? []).map((s) => structuredClone(s));
  c.steps?.forEach((change, index) => {
    let step = steps.find((s) => s.step === change.step);
    if (!step) {
      step = { step: change.step };
      steps.push(step);
    }
    if (change.takenBy) step.takenBy = change.takenBy;
    if (change.decidedBy) step.decidedBy = change.decidedBy;
    if (change.informed) step.informed = change.informed;
    if (change.source) step.source = change.source;
    change.requirements?.forEach((req, r) => {
      const requirements = (step.requirements ??= []);
      const at = requirements.findIndex((x) => x.id === req.id);
      if (at < 0) {
        requirements.push(req);
      } else if (strictness(req.level) < strictness(requirements[at]!.level)) {
        issues.push({
          path: ['changes', 'steps', index, 'requirements', r, 'level'],
          code: 'requirement-weakened',
          message: {
            nl: `stapvereiste "${req.id}" van "${parent.id}" is ${requirements[at]!.level} en kan alleen strenger worden`,
            en: `step requirement "${req.id}" of "${parent.id}" is ${requirements[at]!.level} and can only be made stricter`,
          },
        });
      } else {
        requirements[at] = req;
      }
    });
  });
  steps.sort((a, b) => a.step - b.step);

  const baseRuleIds = new Set(parent.rules?.rules.map((r) => r.id) ?? []);
  c.rules?.rules.forEach((rule, index) => {
    if (baseRuleIds.has(rule.id)) {
      issues.push({
        path: ['changes', 'rules', 'rules', index, 'id'],
        code: 'base-rule-replaced',
        message: {
          nl: `regel "${rule.id}" hoort bij "${parent.id}" en kan niet worden vervangen`,
          en: `rule "${rule.id}" belongs to "${parent.id}" and cannot be replaced`,
        },
      });
    }
  });
  if (issues.length > 0) throw new MeldcodeFrameworkError(issues);

  const rules =
    parent.rules || c.rules
      ? {
          id: parent.rules?.id ?? c.rules!.id,
          conditions: { ...parent.rules?.conditions, ...c.rules?.conditions },
          rules: [...(parent.rules?.rules ?? []), ...(c.rules?.rules ?? [])],
        }
      : undefined;
  const { $schema: _schema, ...rest } = structuredClone(parent);
  const extended: FrameworkInput = {
    ...rest,
    id: c.id,
    version: c.version,
    validFrom: c.validFrom ?? parent.validFrom,
    name: c.name,
    ...(c.description ? { description: c.description } : {}),
    publishers: [...parent.publishers, ...(c.publishers ?? [])],
    source: c.source ?? parent.source,
    sources: c.source ? [parent.source, ...(parent.sources ?? [])] : parent.sources,
    extends: { id: parent.id, version: parent.version },
    ...(c.consent ? { consent: c.consent } : {}),
    roles,
    steps,
    ...(c.designatedOfficer ? { designatedOfficer: c.designatedOfficer } : {}),
    indicators: [...parent.indicators, ...(c.indicators ?? [])],
    guidingQuestions: [...(parent.guidingQuestions ?? []), ...(c.guidingQuestions ?? [])],
    examples: [...(parent.examples ?? []), ...(c.examples ?? [])],
    openItems: [...(parent.openItems ?? []), ...(c.openItems ?? [])],
    ...(rules ? { rules } : {}),
  };
  // Drop empty optional lists so an extension reads like a hand-written file.
  for (const key of ['roles', 'steps', 'guidingQuestions', 'examples', 'openItems', 'sources'] as const) {
    const value = extended[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete extended[key];
  }
  if (rules && Object.keys(rules.conditions).length === 0) delete (rules as { conditions?: unknown }).conditions;
  return defineFramework(extended);
}

/**
 * The framework file format as JSON Schema (draft 2020-12), generated from the zod schema, so
 * editors can autocomplete a framework file. The package ships it as `schema/framework.schema.json`.
 *
 * @example
 * ```ts
 * writeFileSync('framework.schema.json', JSON.stringify(frameworkJsonSchema(), null, 2));
 * ```
 */
export function frameworkJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(frameworkSchema, { io: 'input', unrepresentable: 'any', cycles: 'ref' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://unpkg.com/meldcode/schema/framework.schema.json',
    title: 'meldcode framework (afwegingskader)',
  };
}
