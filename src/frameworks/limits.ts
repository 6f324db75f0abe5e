// Limits on a framework document, checked before any expensive work (zod, the floor check, the
// trial compile). A small document can otherwise cost minutes: named conditions that reference
// each other as a DAG double with every level when inlined, and a deeply nested condition tree
// overflows the stack of a recursive validator. The walk here is iterative and stops at the
// first limit it meets, so a hostile document costs at most the node budget.
import type { InputIssue, MeldcodeFrameworkError } from '../errors/errors.js';

/**
 * The limits a framework document must keep, checked before anything else (issue 10): a document
 * that breaks one is refused with a {@link MeldcodeFrameworkError} whose issue has the code
 * `limit-exceeded`. The shipped frameworks use a small fraction of each
 * (`test/framework-limits.test.ts` checks their headroom).
 *
 * @example
 * ```ts
 * frameworkLimits.maxRules; // 500
 * ```
 */
export const frameworkLimits = Object.freeze({
  /** JSON values in the whole document (objects, arrays and scalars). */
  maxNodes: 200_000,
  /** Nesting depth of the document (a condition tree counts each `all`/`any`/`not` and its array). */
  maxDepth: 64,
  /** Characters in any one string. */
  maxStringLength: 20_000,
  /** Rules the framework adds (`rules.rules`). */
  maxRules: 500,
  /** Named conditions the framework adds (`rules.conditions`). */
  maxNamedConditions: 500,
  /** Condition leaves of all the framework's rules with every named condition written out. */
  maxInlinedLeaves: 5_000,
});

type Limit = keyof typeof frameworkLimits;

const issue = (path: (string | number)[], limit: Limit, found: string): InputIssue => ({
  path,
  code: 'limit-exceeded',
  message: {
    nl: `het framework-document overschrijdt de grens ${limit} = ${frameworkLimits[limit]} (${found}); zie frameworkLimits`,
    en: `the framework document exceeds the limit ${limit} = ${frameworkLimits[limit]} (${found}); see frameworkLimits`,
  },
});

/** The first size, depth or string-length limit the value breaks, walking it without recursion. */
function shapeIssue(root: unknown): InputIssue | undefined {
  const stack: { value: unknown; depth: number; path: (string | number)[] }[] = [{ value: root, depth: 0, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (++nodes > frameworkLimits.maxNodes) return issue([], 'maxNodes', `more than ${frameworkLimits.maxNodes} values`);
    if (typeof value === 'string') {
      if (value.length > frameworkLimits.maxStringLength) return issue(path, 'maxStringLength', `${value.length} characters`);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= frameworkLimits.maxDepth) return issue(path, 'maxDepth', `nested deeper than ${frameworkLimits.maxDepth}`);
    // Only the path to the first problem is kept, so cap what each entry carries.
    const at = (key: string | number) => (path.length < 8 ? [...path, key] : path);
    if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1, path: at(i) });
    else for (const key of Object.keys(value)) stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: at(key) });
  }
  return undefined;
}

/**
 * Leaves of a condition with every named condition written out, memoised per name and capped:
 * a cycle or an unknown name counts as one leaf here (the trial compile names it later).
 */
function inlinedLeaves(condition: unknown, named: Readonly<Record<string, unknown>>, memo: Map<string, number>, visiting: Set<string>): number {
  if (condition === null || typeof condition !== 'object') return 1;
  const c = condition as Record<string, unknown>;
  const sum = (items: unknown) => (Array.isArray(items) ? items.reduce((n: number, x) => Math.min(n + inlinedLeaves(x, named, memo, visiting), Number.MAX_SAFE_INTEGER), 0) : 1);
  if (Array.isArray(c.all)) return sum(c.all);
  if (Array.isArray(c.any)) return sum(c.any);
  if ('not' in c) return inlinedLeaves(c.not, named, memo, visiting);
  if (typeof c.condition === 'string') {
    const name = c.condition;
    const known = memo.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name) || !Object.hasOwn(named, name)) return 1;
    visiting.add(name);
    const n = inlinedLeaves(named[name], named, memo, visiting);
    visiting.delete(name);
    memo.set(name, n);
    return n;
  }
  return 1;
}

/**
 * Every limit the framework document breaks, in the order they are checked (shape first, so the
 * later counts never walk a hostile structure); `[]` when it keeps them all.
 *
 * @param floorConditions The floor's named conditions, which the framework's rules may reference.
 */
export function frameworkLimitIssues(input: unknown, floorConditions: Readonly<Record<string, unknown>> = {}): InputIssue[] {
  const shape = shapeIssue(input);
  if (shape) return [shape];
  const rules = (input as { rules?: { rules?: unknown; conditions?: unknown } } | null)?.rules;
  if (rules === null || typeof rules !== 'object') return [];
  const list = Array.isArray(rules.rules) ? rules.rules : [];
  const own = rules.conditions !== null && typeof rules.conditions === 'object' && !Array.isArray(rules.conditions) ? (rules.conditions as Record<string, unknown>) : {};
  const issues: InputIssue[] = [];
  if (list.length > frameworkLimits.maxRules) issues.push(issue(['rules', 'rules'], 'maxRules', `${list.length} rules`));
  const names = Object.keys(own).length;
  if (names > frameworkLimits.maxNamedConditions) issues.push(issue(['rules', 'conditions'], 'maxNamedConditions', `${names} named conditions`));
  if (issues.length > 0) return issues;
  const named = { ...floorConditions, ...own };
  const memo = new Map<string, number>();
  let leaves = 0;
  for (const rule of list) {
    leaves += inlinedLeaves((rule as { conditions?: unknown } | null)?.conditions, named, memo, new Set());
    if (leaves > frameworkLimits.maxInlinedLeaves) return [issue(['rules'], 'maxInlinedLeaves', `more than ${frameworkLimits.maxInlinedLeaves} leaves with the named conditions written out`)];
  }
  return [];
}
