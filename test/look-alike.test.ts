// Issue 10, item 4: a custom framework must not pass for a shipped one. A document that keeps a
// shipped id but changes anything is refused; the receipt says whether the framework that decided
// is a shipped one, unmodified.
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateWith, extendFramework, getFramework, MeldcodeInputError, validateFramework } from '../src/index.js';
import { artsen } from '../src/frameworks/artsen/index.js';
import type { FrameworkInput } from '../src/index.js';

const DATE = { evaluationDate: '2026-11-23' };
const weapon = { considerations: { suspicion: true, indicators: { 'acute-weapon-use': true } } };

/** basismodel with its id and version, one acute indicator re-kinded as structural. */
function lookAlike(): FrameworkInput {
  const copy = structuredClone(getFramework('basismodel')) as unknown as { indicators: { kind: string }[] };
  for (const i of copy.indicators as { code: string; kind: string }[]) if (i.code === 'acute-weapon-use') i.kind = 'structural';
  return copy as unknown as FrameworkInput;
}

describe('a look-alike of a shipped framework', () => {
  it('is refused by validateFramework, naming the id', () => {
    const result = validateFramework(lookAlike());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.code)).toContain('shipped-id-modified');
  });

  it('is refused by evaluate() as its framework option, so the weapon example cannot turn into a question', () => {
    expect(() => evaluate(weapon, { ...DATE, framework: lookAlike() })).toThrow(MeldcodeInputError);
    expect(() => evaluateWith(lookAlike(), weapon, DATE)).toThrow(/shipped framework/);
    expect(evaluate(weapon, DATE).outcome).toMatch(/^report/);
  });

  it('an unmodified copy is the shipped framework, and the receipt says so', () => {
    const copy = structuredClone(getFramework('basismodel')) as unknown as FrameworkInput;
    expect(validateFramework(copy).ok).toBe(true);
    expect(evaluate(weapon, { ...DATE, framework: copy }).receipt.framework.shipped).toBe(true);
    expect(evaluate(weapon, DATE).receipt.framework.shipped).toBe(true);
    expect(evaluateWith(artsen, weapon, DATE).receipt.framework.shipped).toBe(true);
  });

  it('a tailored framework with an id of its own is not shipped, and the receipt says so', () => {
    const ours = extendFramework('sociaal-domein', { id: 'sociaal-domein-wijkteam', version: '1.0.0', name: { nl: 'Wijkteam', en: 'Neighbourhood team' } });
    const d = evaluate({ considerations: { suspicion: true, unsafety: { acute: true } } }, { ...DATE, framework: ours });
    expect(d.receipt.framework).toMatchObject({ id: 'sociaal-domein-wijkteam', shipped: false });
  });
});
