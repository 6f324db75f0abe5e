// A typedoc plugin (typedoc.json `plugin`): names each entry point's module after its import
// path, `meldcode`, `meldcode/consent`, `meldcode/frameworks/artsen`, …, where typedoc would
// name them after the file (`index`, `consent`, `frameworks/artsen`). The names come from
// package.json `exports` through the tsup entries, so a new subpath is named without an edit here.
import { readFileSync } from 'node:fs';
import { Converter, ReflectionKind } from 'typedoc';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** typedoc's name for an entry point (its path under src/, without `/index.ts`) → the import path. */
export const importPaths = new Map([['index', pkg.name]]);
for (const subpath of Object.keys(pkg.exports)) {
  const name = subpath.replace(/^\.\//, '');
  if (name !== '.' && !name.includes('.')) importPaths.set(name, `${pkg.name}/${name}`);
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const name = importPaths.get(module.name);
      if (name) module.name = name;
      else app.logger.warn(`typedoc-plugin-module-names: no import path for the module "${module.name}"`);
    }
  });
}
