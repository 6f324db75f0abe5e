// docs/cds-hooks.md, run: each JSON block marked `<!-- test: name -->` is sent to the service or
// compared with what it answers, so the page cannot drift from the code.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CdsFeedback, createCdsHooksServer } from '../src/cds-hooks/index.js';

const page = readFileSync(new URL('../docs/cds-hooks.md', import.meta.url), 'utf8');
function block(name: string): unknown {
  const match = new RegExp(`<!-- test: ${name} -->\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``).exec(page);
  if (!match) throw new Error(`no block ${name} in docs/cds-hooks.md`);
  return JSON.parse(match[1] as string);
}

const recorded: CdsFeedback[] = [];
let server: Server;
let base: string;
beforeAll(async () => {
  server = createCdsHooksServer({ today: () => '2026-11-23', onFeedback: (entries) => void recorded.push(...entries) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

describe('docs/cds-hooks.md, step by step', () => {
  it('2. discovery lists the kindcheck service with the prefetch the page shows', async () => {
    const { services } = (await (await fetch(`${base}/cds-services`)).json()) as { services: { id: string; prefetch: unknown }[] };
    expect(services.find((s) => s.id === 'meldcode-kindcheck')?.prefetch).toEqual(block('discovery'));
  });

  it('3. the request on the page gets the card on the page', async () => {
    const { status, json } = await post('/cds-services/meldcode-kindcheck', block('kindcheck-request'));
    expect(status).toBe(200);
    const cards = json.cards as Record<string, unknown>[];
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject(block('kindcheck-card') as object);
    expect(cards[0]?.detail).toContain('Zijn er signalen van ouderproblematiek');
  });

  it('3. leaving out a prefetch key gets 412', async () => {
    const request = structuredClone(block('kindcheck-request')) as { prefetch: Record<string, unknown> };
    delete request.prefetch.relatedPersons;
    expect((await post('/cds-services/meldcode-kindcheck', request)).status).toBe(412);
  });

  it('5. the feedback on the page reaches onFeedback', async () => {
    const body = block('feedback') as { feedback: CdsFeedback[] };
    expect((await post('/cds-services/meldcode-kindcheck/feedback', body)).status).toBe(200);
    expect(recorded).toEqual(body.feedback);
  });
});
