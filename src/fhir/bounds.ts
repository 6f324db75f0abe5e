import { caseSchema } from '../case/schema.js';

/**
 * The smallest shape of a zod schema this walk reads: zod 4 core's `_zod.def`, which zod and
 * zod/mini schemas share (zod's guide for library authors).
 */
interface SchemaLike {
  _zod?: {
    def?: { type?: string; innerType?: SchemaLike; element?: SchemaLike; shape?: Record<string, SchemaLike>; checks?: readonly Check[] };
  };
}

/** A bound check as zod 4 core declares it (`z.gte`, `z.lte`, `.min`, `.max`). */
interface Check {
  _zod?: { def?: { check?: string; value?: unknown; inclusive?: boolean } };
}

const unwrapped = (schema: SchemaLike | undefined): SchemaLike | undefined => {
  let s = schema;
  while (s?._zod?.def?.type === 'optional') s = s._zod.def.innerType;
  return s;
};

/**
 * The bounds the case schema puts on the whole number a question fills (for a list: on each
 * element), so a form refuses what `evaluate` would refuse. Read from the schema, so they cannot
 * drift from it.
 */
export function integerBounds(questionId: string): { min?: number; max?: number } {
  let schema: SchemaLike | undefined = caseSchema as unknown as SchemaLike;
  for (const key of questionId.split('.')) schema = unwrapped(schema)?._zod?.def?.shape?.[key];
  schema = unwrapped(schema);
  if (schema?._zod?.def?.type === 'array') schema = unwrapped(schema._zod.def.element);
  const bounds: { min?: number; max?: number } = {};
  for (const check of schema?._zod?.def?.checks ?? []) {
    const { check: kind, value, inclusive } = check._zod?.def ?? {};
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    // Whole numbers: an exclusive bound is the next whole number inside it.
    if (kind === 'greater_than') bounds.min = Math.max(bounds.min ?? -Infinity, inclusive ? value : Math.floor(value) + 1);
    if (kind === 'less_than') bounds.max = Math.min(bounds.max ?? Infinity, inclusive ? value : Math.ceil(value) - 1);
  }
  return bounds;
}
