/**
 * Freezes a value and everything reachable from it. Compiled rules are frozen so that nothing a
 * caller does with a returned trail entry (its effect, source, expected values) changes a later
 * decision.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<string | symbol, unknown>)[key]);
  }
  return value;
}
