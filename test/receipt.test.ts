// The receipt: what produced the advice, so a dossier can show it later.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, getFramework, VERSION } from '../src/index.js';
import { compileFramework, parseFramework } from '../src/frameworks/framework.js';
import { canonicalJson } from '../src/rules/canonical.js';
import { sha256Hex, sha256HexPortable } from '../src/rules/sha256.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('receipt', () => {
  it('names the library version from package.json', () => {
    expect(VERSION).toBe(pkg.version);
    const d = evaluate({}, { evaluationDate: '2026-11-23' });
    expect(d.receipt.library).toEqual({ name: 'meldcode', version: pkg.version });
  });

  it('names the framework with its version, valid-from date and rule hash', () => {
    const d = evaluate({}, { evaluationDate: '2026-11-23' });
    const f = getFramework('basismodel');
    expect(d.receipt.framework).toMatchObject({ id: 'basismodel', version: f.version, validFrom: '2019-01-01' });
    expect(d.receipt.framework.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(compileFramework(f).hash).toBe(d.receipt.framework.sha256);
  });

  it('the rule hash changes when any rule text changes', () => {
    const f = getFramework('basismodel');
    const changed = parseFramework({
      ...f,
      // A framework's own indicator (the floor examples may not change: issue 14 ruling C).
      indicators: f.indicators.map((i) => (i.code === 'structural-other' ? { ...i, text: { ...i.text, nl: `${i.text.nl}!` } } : i)),
    });
    expect(compileFramework(changed).hash).not.toBe(compileFramework(f).hash);
  });

  it('the evaluation date comes from the options, else the case, else today in Amsterdam', () => {
    expect(evaluate({ evaluationDate: '2025-01-01' }, { evaluationDate: '2026-11-23' }).receipt.evaluationDate).toBe(
      '2026-11-23',
    );
    expect(evaluate({ evaluationDate: '2025-01-01' }).receipt.evaluationDate).toBe('2025-01-01');
    expect(evaluate({}, { evaluationDate: new Date('2026-03-29T22:30:00Z') }).receipt.evaluationDate).toBe(
      '2026-03-30',
    );
    expect(evaluate({}).receipt.evaluationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('hashes the case canonically: key order does not matter, answers do', () => {
    const a = evaluate({ considerations: { suspicion: true, childSignals: false } }, { evaluationDate: '2026-11-23' });
    const b = evaluate({ considerations: { childSignals: false, suspicion: true } }, { evaluationDate: '2026-11-23' });
    const c = evaluate({ considerations: { childSignals: true, suspicion: true } }, { evaluationDate: '2026-11-23' });
    expect(a.receipt.caseSha256).toBe(b.receipt.caseSha256);
    expect(a.receipt.caseSha256).not.toBe(c.receipt.caseSha256);
  });
});

describe('canonical JSON and SHA-256', () => {
  it('canonical JSON sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"e":2,"f":1}]},"b":1}');
  });

  it('SHA-256 matches known vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('SHA-256 agrees with WebCrypto on any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
        const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
        const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
        expect(sha256Hex(text)).toBe(hex);
        // The portable implementation (browsers, Node before 20.16) gives the same digest.
        expect(sha256HexPortable(text)).toBe(hex);
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });

  it('the receipt hash is the SHA-256 of the canonical JSON of the case with its evaluation date', () => {
    const kase = { considerations: { suspicion: true, indicators: { 'acute-weapon-use': true } }, client: { age: 30 } };
    const d = evaluate(kase, { evaluationDate: '2026-11-23' });
    expect(d.receipt.caseSha256).toBe(sha256HexPortable(canonicalJson({ ...kase, evaluationDate: '2026-11-23' })));
  });
});
