// Measures a typedoc site (issue 11): its size, its largest pages, and the longest signature
// (the text of a `.tsd-signature` block, tags stripped). Usage: node scripts/api-docs-size.mjs [docs/api]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2] ?? 'docs/api';
const pages = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.html')) pages.push(path);
  }
};
walk(root);
const text = (html) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
let longest = { length: 0, page: '', start: '' };
let total = 0;
const sizes = [];
for (const page of pages) {
  const html = readFileSync(page, 'utf8');
  total += Buffer.byteLength(html);
  sizes.push([Buffer.byteLength(html), relative(root, page)]);
  for (const m of html.matchAll(/<div class="tsd-signature[^"]*"[^>]*>([\s\S]*?)<\/div>/g)) {
    const t = text(m[1]);
    if (t.length > longest.length) longest = { length: t.length, page: relative(root, page), start: t.slice(0, 80) };
  }
}
sizes.sort((a, b) => b[0] - a[0]);
console.log(`${pages.length} pages, ${total} bytes of HTML`);
console.log('largest pages:');
for (const [size, page] of sizes.slice(0, 5)) console.log(`  ${size} ${page}`);
console.log(`longest signature: ${longest.length} characters, in ${longest.page}: ${longest.start}…`);
console.log('modules:', readdirSync(join(root, 'modules')).map((f) => f.replace(/\.html$/, '')).join(', '));
