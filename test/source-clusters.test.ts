// src/frameworks/clusters.json (issue 15): every cluster of the Meldcode App is listed, encoded with
// a shipped framework or not yet encoded with its reason, and each names a fact note that exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasFramework } from '../src/frameworks/registry.js';

const dir = join(process.cwd(), 'docs', 'sources');
// Shipped with the library (listFrameworks, the typed error for a cluster not yet encoded); its
// fact notes stay in docs/sources/.
const { clusters } = JSON.parse(readFileSync(join(process.cwd(), 'src', 'frameworks', 'clusters.json'), 'utf8')) as {
  clusters: { id: string; name: { nl: string; en: string }; meldcodeAppCluster: boolean; status: string; framework?: string; suggest?: string; reason: { nl: string; en: string }; known: { nl: string; en: string }; whereToLook: string[]; notes: string }[];
};

describe('src/frameworks/clusters.json', () => {
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

describe('the README lists every cluster with its status', () => {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  it.each(clusters.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const status = c.status === 'encoded' ? `encoded: \`${c.framework}\`` : `not yet encoded (use \`${c.suggest}\` meanwhile)`;
    expect(readme).toContain(`| \`${id}\` | ${c.meldcodeAppCluster ? 'yes' : 'no'} | ${status} |`);
  });
});
