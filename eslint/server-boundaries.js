import path from 'node:path';

/**
 * Server modules talk to each other only along edges written down by name
 * (docs/architecture.md). A module may import another module's file when the
 * allow-list names it; a module never imports a module ranked above it in
 * `order` unless `upward` names the edge. The same allow-list covers the other
 * users of the modules: jobs, the demo seed, plugins, lib and app.ts. Entries
 * under '*' hold for every importer; a pattern part written '*' matches any
 * module, and '*.routes.ts' any file ending so.
 */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Cross-module imports in src/server follow the allow-list in eslint.config.js' },
    schema: [
      {
        type: 'object',
        properties: {
          order: { type: 'array', items: { type: 'string' } },
          allowed: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          upward: { type: 'array', items: { type: 'string' } },
        },
        required: ['order', 'allowed'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { order, allowed, upward = [] } = context.options[0];
    const serverDir = path.join(context.cwd, 'src', 'server');
    const modulesDir = path.join(serverDir, 'modules');
    const file = context.filename;
    if (!file.startsWith(serverDir + path.sep) || /\.test\.tsx?$/.test(file)) return {};

    const fromModules = path.relative(modulesDir, file);
    const importer = !fromModules.startsWith('..') ? fromModules.split(path.sep)[0] : path.relative(serverDir, file).split(path.sep)[0].replace(/\.ts$/, '');
    const importerIsModule = !fromModules.startsWith('..');

    const matches = (pattern, target) => {
      const [mod, name] = pattern.split('/');
      const [targetMod, targetName] = target.split('/');
      const matchPart = (p, t) => p === '*' || p === t || (p.startsWith('*') && t.endsWith(p.slice(1)));
      return matchPart(mod, targetMod) && matchPart(name, targetName);
    };

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(file), source);
      const inModules = path.relative(modulesDir, resolved);
      if (inModules.startsWith('..')) return;
      const parts = inModules.split(path.sep);
      if (parts.length !== 2) return;
      const target = parts.join('/');
      const targetModule = parts[0];
      if (importerIsModule && targetModule === importer) return;
      const edge = `${importer} → ${target}`;
      if (![...(allowed['*'] ?? []), ...(allowed[importer] ?? [])].some((pattern) => matches(pattern, target))) {
        context.report({ node, message: `${edge} is not an allowed cross-module import: add it to the allow-list in eslint.config.js and say why in docs/architecture.md, or move the code.` });
        return;
      }
      if (importerIsModule) {
        const from = order.indexOf(importer);
        const to = order.indexOf(targetModule);
        if (from === -1 || to === -1) context.report({ node, message: `${importer} or ${targetModule} has no place in the module order (eslint.config.js).` });
        else if (to > from && !upward.includes(`${importer}/${target}`)) {
          context.report({ node, message: `${edge} imports a higher module (module order in eslint.config.js).` });
        }
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const serverBoundaries = { rules: { 'module-boundaries': rule } };
