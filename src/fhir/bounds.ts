import { caseSchema } from '../case/schema.js';

/** The smallest shape of a zod schema this walk reads (zod 4's public accessors). */
interface SchemaLike {
  unwrap?: () => SchemaLike;
  shape?: Record<string, SchemaLike>;
  element?: SchemaLike;
  minValue?: number | null;
  maxValue?: number | null;
  def?: { type?: string };
}

const unwrapped = (schema: SchemaLike | undefined): SchemaLike | undefined => {
  let s = schema;
  while (s?.def?.type === 'optional' && s.unwrap) s = s.unwrap();
  return s;
};

/**
 * The bounds the case schema puts on the whole number a question fills (for a list: on each
 * element), so a form refuses what `evaluate` would refuse. Read from the schema, so they cannot
 * drift from it.
 */
export function integerBounds(questionId: string): { min?: number; max?: number } {
  let schema: SchemaLike | undefined = caseSchema as unknown as SchemaLike;
  for (const key of questionId.split('.')) schema = unwrapped(schema)?.shape?.[key];
  schema = unwrapped(schema);
  if (schema?.def?.type === 'array') schema = unwrapped(schema.element);
  const bounds: { min?: number; max?: number } = {};
  if (typeof schema?.minValue === 'number' && Number.isFinite(schema.minValue)) bounds.min = schema.minValue;
  if (typeof schema?.maxValue === 'number' && Number.isFinite(schema.maxValue)) bounds.max = schema.maxValue;
  return bounds;
}
