// docs/sources/clusters.json (issue 15): every cluster of the Meldcode App is listed, encoded with
// a shipped framework or not yet encoded with its reason, and each names a fact note that exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasFramework } from '../src/frameworks/registry.js';

const dir = join(process.cwd(), 'docs', 'sources');
const { clusters } = JSON.parse(readFileSync(join(dir, 'clusters.json'), 'utf8')) as {
  clusters: { id: string; name: { nl: string; en: string }; meldcodeAppCluster: boolean; status: string; framework?: string; suggest?: string; reason: { nl: string; en: string }; known: { nl: string; en: string }; whereToLook: string[]; notes: string }[];
};

describe('docs/sources/clusters.json', () => {
  it('lists the eleven clusters of the Meldcode App, each once', () => {
    expect(clusters.filter((c) => c.meldcodeAppCluster)).toHaveLength(11);
    expect(new Set(clusters.map((c) => c.id)).size).toBe(clusters.length);
  });

  it.each(clusters.map((c) => [c.id, c] as const))('%s: its status, reason, facts and note', (_, c) => {
    expect(['encoded', 'not-yet-encoded']).toContain(c.status);
    for (const text of [c.name, c.reason, c.known]) expect(text.nl.length * text.en.length).toBeGreaterThan(0);
    // Encoded: the shipped framework it is encoded as. Not yet: the shipped framework to use meanwhile.
    if (c.status === 'encoded') expect(hasFramework(c.framework!)).toBe(true);
    else expect([c.framework, hasFramework(c.suggest ?? '')]).toEqual([undefined, true]);
    for (const url of c.whereToLook) expect(url).toMatch(/^https?:\/\/\S+$/);
    expect(existsSync(join(dir, c.notes))).toBe(true);
  });
});
