// The package's public entry points: each subpath export with the source file of its tsup entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entries as allEntries } from '../../tsup.config.js';

const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
const entries: Record<string, string> = allEntries;

/** `[subpath, source file]` of every subpath export that has an ESM build. */
export const publicEntries = Object.entries(pkg.exports as Record<string, { import?: { default: string } } | string>)
  .filter((e): e is [string, { import: { default: string } }] => typeof e[1] !== 'string' && e[1].import !== undefined)
  .map(([subpath, c]) => [subpath, entries[c.import.default.replace(/^\.\/dist\/(.+)\.js$/, '$1')] as string] as const);
