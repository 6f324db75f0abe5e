// The FrameworkId type lists exactly the shipped frameworks (the type test checks the type
// against this tuple; this test checks the tuple against the registry).
import { describe, expect, it } from 'vitest';
import { shippedFrameworkIds } from '../src/authoring/ids.js';
import { frameworkAlias } from '../src/frameworks/registry.js';
import { getFramework, listFrameworks } from '../src/index.js';

describe('FrameworkId', () => {
  it('lists exactly the shipped frameworks and their aliases, each of which loads', () => {
    expect([...shippedFrameworkIds]).toEqual(listFrameworks({ aliases: true }).map((f) => f.id));
    for (const id of shippedFrameworkIds) expect(getFramework(id).id).toBe(frameworkAlias(id)?.aliasOf ?? id);
  });
});
