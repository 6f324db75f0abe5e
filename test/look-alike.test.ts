// Issue 10, item 4: a custom framework must not pass for a shipped one. A document that keeps a
// shipped id but changes anything is refused; the receipt says whether the framework that decided
// is a shipped one, unmodified.
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateWith, extendFramework, getFramework, MeldcodeInputError, validateFramework } from '../src/index.js';
import { artsen } from '../src/frameworks/artsen/index.js';
import type { FrameworkInput } from '../src/index.js';

const DATE = { evaluationDate: '2026-11-23' };
const weapon = { considerations: { suspicion: true, indicators: { 'acute-weapon-use': true } } };

/**
 * basismodel with its id and version, one acute indicator re-kinded as structural (and so, to keep
 * the document valid, no longer one of its objection regime's threat-to-life indicators, which
 * must be acute).
 */
function lookAlike({ keepThreatToLife = false } = {}): FrameworkInput {
  const copy = structuredClone(getFramework('basismodel')) as unknown as {
    indicators: { code: string; kind: string }[];
    objectionRegime: { threatToLifeIndicators: string[] };
  };
  // acute-weapon-use is a floor example (issue 14 ruling C), so a changed one is refused as such too
  // (floor-example-changed); the id check is the one this file is about.
  for (const i of copy.indicators) if (i.code === 'acute-weapon-use') i.kind = 'structural';
  if (!keepThreatToLife) {
    copy.objectionRegime.threatToLifeIndicators = copy.objectionRegime.threatToLifeIndicators.filter((code) => code !== 'acute-weapon-use');
  }
  return copy as unknown as FrameworkInput;
}

describe('a look-alike of a shipped framework', () => {
  it('is refused by validateFramework, naming the id', () => {
    const result = validateFramework(lookAlike());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.code)).toContain('floor-example-changed');
    // A look-alike that keeps every floor example is refused by its id.
    const copy = structuredClone(getFramework('basismodel')) as unknown as { indicators: { code: string; kind: string }[] };
    for (const i of copy.indicators) if (i.code === 'structural-other') i.kind = 'acute';
    const other = validateFramework(copy);
    expect(!other.ok && other.issues.map((i) => i.code)).toContain('shipped-id-modified');
  });

  it('re-kinded but left among the threat-to-life indicators, it is already refused as a document, naming the path', () => {
    const result = validateFramework(lookAlike({ keepThreatToLife: true }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toContainEqual(expect.objectContaining({ path: ['objectionRegime', 'threatToLifeIndicators', 1] }));
    }
  });

  it('is refused by evaluate() as its framework option, so the weapon example cannot turn into a question', () => {
    expect(() => evaluate(weapon, { ...DATE, framework: lookAlike() })).toThrow(MeldcodeInputError);
    expect(() => evaluateWith(lookAlike(), weapon, DATE)).toThrow(/shipped framework|floor/);
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
