// The FrameworkId type lists exactly the shipped frameworks (the type test checks the type
// against this tuple; this test checks the tuple against the registry).
import { describe, expect, it } from 'vitest';
import { shippedFrameworkIds } from '../src/authoring/ids.js';
import { frameworkAlias } from '../src/frameworks/registry.js';
import { getFramework, hasFramework, listFrameworks } from '../src/index.js';

describe('FrameworkId', () => {
  it('lists exactly the shipped frameworks and their aliases, each of which loads', () => {
    expect([...shippedFrameworkIds]).toEqual(listFrameworks({ aliases: true }).map((f) => f.id));
    for (const id of shippedFrameworkIds) expect(getFramework(id).id).toBe(frameworkAlias(id)?.aliasOf ?? id);
  });

  it('hasFramework, the guard for an id read at run time, holds for exactly those ids', () => {
    for (const id of shippedFrameworkIds) expect(hasFramework(id)).toBe(true);
    for (const id of ['basismodl', 'verpleging', '', 'constructor', '__proto__', 'toString']) expect(hasFramework(id)).toBe(false);
  });
});
