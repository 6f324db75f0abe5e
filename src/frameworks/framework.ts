import { z } from 'zod';
import { isoDate } from '../case/schema.js';
import { fromZodIssues, MeldcodeFrameworkError } from '../errors/errors.js';
import { canonicalJson } from '../rules/canonical.js';
import { sha256Hex } from '../rules/sha256.js';
import { type CompiledRules, compileRules } from '../rules/engine.js';
import {
  type Condition,
  type Effect,
  type IndicatorKind,
  indicatorKinds,
  kebabId,
  type RuleFile,
  ruleFileSchema,
  type Source,
  sourceSchema,
  type Text,
  textSchema,
} from '../rules/schema.js';
import floorRulesJson from './floor/afwegingskader.rules.json';
import parentFactorsJson from './floor/parent-factors.json';

/** An indicator: a situation from the framework's lists; answered yes, it is itself a reason. */
export interface Indicator {
  /** Stable code; the case answers it under `considerations.indicators[code]`. */
  code: string;
  /** Which form of unsafety it indicates. */
  kind: IndicatorKind;
  /** The indicator as a professional reads it. */
  text: Text;
  /** Where the indicator comes from. */
  source: Source;
}

export const indicatorSchema = z.strictObject({
  code: kebabId,
  kind: z.enum(indicatorKinds),
  text: textSchema,
  source: sourceSchema,
});

/** A profession's framework (*afwegingskader*) as a JSON document. */
export const frameworkSchema = z
  .strictObject({
    id: kebabId,
    /** Version of this encoding of the framework. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a version like 1.0.0'),
    /** The date from which the framework applies (`YYYY-MM-DD`). */
    validFrom: isoDate,
    name: textSchema,
    description: textSchema.optional(),
    /** The associations or bodies that published it. */
    publishers: z.array(z.string().min(1)).min(1),
    /** A *signaller* (no help of its own, e.g. a teacher) or a *helper* (Basisdocument ch. 1). */
    role: z.enum(['signaller', 'helper']),
    source: sourceSchema,
    /** Its acute, structural and disclosure indicators (the parent factors come from the floor). */
    indicators: z.array(indicatorSchema),
    /** Rules the framework adds to the floor. */
    rules: ruleFileSchema.optional(),
  })
  .superRefine((fw, ctx) => {
    for (const kind of ['acute', 'structural'] as const) {
      if (!fw.indicators.some((i) => i.kind === kind)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators'],
          message: `a framework lists at least one ${kind} indicator (Basisdocument ch. 3: explicit examples)`,
        });
      }
    }
  });
/** A validated framework document. */
export type Framework = z.output<typeof frameworkSchema>;
/** A framework document as written. */
export type FrameworkInput = z.input<typeof frameworkSchema>;

/** The floor every framework inherits: the five considerations and the parent factors. */
interface Floor {
  rules: RuleFile;
  indicators: Indicator[];
}
let floor: Floor | undefined;
/** The floor, validated on first use (not at import time). */
export function getFloor(): Floor {
  floor ??= {
    rules: ruleFileSchema.parse(floorRulesJson),
    indicators: z.array(indicatorSchema).parse(parentFactorsJson.indicators),
  };
  return floor;
}

/** Every indicator code a case may answer under this framework: the floor's and its own. */
export function indicatorCodes(framework: Framework): Set<string> {
  return new Set([...getFloor().indicators, ...framework.indicators].map((i) => i.code));
}

/** A framework ready to evaluate: its engine, indicators and the hash of its rule files. */
export interface CompiledFramework {
  readonly framework: Framework;
  readonly rules: CompiledRules<Effect>;
  /** Every indicator, the floor's parent factors included, by code. */
  readonly indicators: ReadonlyMap<string, Indicator>;
  /** The rule files the engine runs, in order: floor, generated indicator rules, the framework's own. */
  readonly ruleFiles: readonly RuleFile[];
  /** SHA-256 (hex) over the canonical JSON of the framework document and the floor it inherits. */
  readonly hash: string;
}

/** Validates a framework document; every problem is listed with its path. */
export function parseFramework(input: unknown): Framework {
  const result = frameworkSchema.safeParse(input);
  if (!result.success) throw new MeldcodeFrameworkError(fromZodIssues(result.error.issues));
  return result.data;
}

const indicatorLeaf = (code: string): Condition => ({
  fact: 'considerations',
  path: `indicators.${code}`,
  operator: 'equal',
  value: true,
});

const anyIndicator = (indicators: readonly Indicator[]): Condition => ({
  fact: 'considerations',
  path: 'indicators',
  operator: 'anyTrue',
  value: indicators.map((i) => i.code),
});

const kindLabel: Record<Indicator['kind'], { nl: string; en: string }> = {
  acute: { nl: 'acute onveiligheid', en: 'acute unsafety' },
  structural: { nl: 'structurele onveiligheid', en: 'structural unsafety' },
  disclosure: { nl: 'disclosure', en: 'disclosure' },
  'parent-factor': { nl: 'ernstige ouderfactor', en: 'serious parent factor' },
};

/** One rule per indicator, and the named conditions the floor reads them through. */
function indicatorRules(indicators: readonly Indicator[]): RuleFile {
  const unsafety = indicators.filter((i) => i.kind !== 'parent-factor');
  const parent = indicators.filter((i) => i.kind === 'parent-factor');
  return {
    id: 'indicators',
    conditions: {
      'indicator-unsafety': { all: [anyIndicator(unsafety)] },
      'parent-factor-present': { all: [anyIndicator(parent)] },
    },
    rules: indicators.map((i) => ({
      id: `indicator-${i.code}`,
      priority: 90,
      conditions: { all: [indicatorLeaf(i.code)] },
      event: { type: 'indicator', params: { kind: i.kind, code: i.code } },
      explanation: {
        nl: `Indicator van ${kindLabel[i.kind].nl} met ja beantwoord: ${i.text.nl}`,
        en: `Indicator of ${kindLabel[i.kind].en} answered yes: ${i.text.en}`,
      },
      source: i.source,
    })),
  };
}

/**
 * Compiles a framework with the floor it inherits into one engine. A framework rule that
 * reuses a floor rule's id would replace it, so that is rejected with the rule named.
 */
export async function compileFramework(framework: Framework): Promise<CompiledFramework> {
  const { rules: floorRules, indicators: floorIndicators } = getFloor();
  const indicators = new Map<string, Indicator>();
  const issues: { path: (string | number)[]; code: string; message: { nl: string; en: string } }[] = [];
  [...floorIndicators, ...framework.indicators].forEach((indicator, index) => {
    if (indicators.has(indicator.code)) {
      issues.push({
        path: ['indicators', index - floorIndicators.length, 'code'],
        code: 'duplicate-indicator',
        message: {
          nl: `indicatorcode "${indicator.code}" bestaat al (de ernstige ouderfactoren horen bij de wettelijke ondergrens)`,
          en: `indicator code "${indicator.code}" already exists (the serious parent factors belong to the legal floor)`,
        },
      });
    }
    indicators.set(indicator.code, indicator);
  });
  const floorIds = new Set(floorRules.rules.map((r) => r.id));
  const floorConditions = new Set(Object.keys(floorRules.conditions ?? {}));
  framework.rules?.rules.forEach((rule, index) => {
    if (floorIds.has(rule.id)) {
      issues.push({
        path: ['rules', 'rules', index, 'id'],
        code: 'floor-rule-replaced',
        message: {
          nl: `regel "${rule.id}" hoort bij de wettelijke ondergrens en kan niet worden vervangen`,
          en: `rule "${rule.id}" belongs to the legal floor and cannot be replaced`,
        },
      });
    }
  });
  for (const name of Object.keys(framework.rules?.conditions ?? {})) {
    if (floorConditions.has(name) || name === 'indicator-unsafety' || name === 'parent-factor-present') {
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
  if (issues.length > 0) throw new MeldcodeFrameworkError(issues);

  const ruleFiles = [floorRules, indicatorRules([...indicators.values()]), ...(framework.rules ? [framework.rules] : [])];
  const hash = sha256Hex(canonicalJson({ floor: { rules: floorRules, indicators: floorIndicators }, framework }));
  return { framework, rules: compileRules(ruleFiles), indicators, ruleFiles, hash };
}
