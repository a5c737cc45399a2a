/**
 * ESLint, flat config (https://eslint.org/docs/latest/use/configure/configuration-files), type-aware
 * through typescript-eslint's project service (https://typescript-eslint.io/getting-started/typed-linting):
 * each file is checked with the tsconfig.json nearest to it (the backend's, or static/tsconfig.json).
 *
 * The layer rules (README "The shape of the house", STYLE.md) are checked on the import as resolved,
 * not as written, so `../../../../src/app/x` and `../app/x` are judged alike:
 * - src/domain imports nothing outside src/domain (no package either: the rules are pure);
 * - src/app imports no adapter (src/jira, src/store, src/queues, src/events, src/resolvers, src/composition, @forge/*);
 * - static/ reaches the backend only through `@goalkeeper/contract` (src/contract), never by path;
 * - src/contract hands the front ends runtime code from src/domain only; everything else as types.
 * .dependency-cruiser.cjs checks the same layers on the whole module graph (`npm run deps:check`).
 */
import js from '@eslint/js';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));

const ADAPTERS = ['src/jira', 'src/store', 'src/queues', 'src/events', 'src/resolvers', 'src/composition', 'src/index.ts'];

/** Where an import leads: a repository path ('src/domain/change') for a relative import, else the package name. */
function importTarget(filename, source) {
  if (!source.startsWith('.')) return { kind: 'package', name: source };
  return {
    kind: 'path',
    name: relative(ROOT, resolve(dirname(filename), source))
      .split(sep)
      .join('/'),
  };
}

const within = (path, directory) => path === directory || path.startsWith(`${directory}/`);

/**
 * One layer's rule: `forbiddenPaths`/`forbiddenPackages` it may not import, or with `onlyPaths` the
 * only directories it may import from; `typesFrom` directories it may import types (not code) from.
 */
function layerProblem(layer, target, typeOnly) {
  if (target.kind === 'package') {
    if (layer.noPackages && !(layer.allowedPackages ?? []).includes(target.name))
      return `${layer.name} imports no package ('${target.name}')`;
    const banned = (layer.forbiddenPackages ?? []).find((prefix) => target.name === prefix || target.name.startsWith(prefix));
    return banned ? `${layer.name} may not import ${target.name}` : null;
  }
  if ((layer.forbiddenPaths ?? []).some((directory) => within(target.name, directory)))
    return `${layer.name} may not import ${target.name}`;
  if (layer.onlyPaths && !layer.onlyPaths.some((directory) => within(target.name, directory))) {
    if (typeOnly && (layer.typesFrom ?? []).some((directory) => within(target.name, directory))) return null;
    return `${layer.name} may not import ${target.name}${layer.typesFrom ? ' (types only from ' + layer.typesFrom.join(', ') + ')' : ''}`;
  }
  return null;
}

/** The layers, by where the importing file is. */
const LAYERS = [
  { from: 'src/domain', name: 'src/domain', onlyPaths: ['src/domain'], noPackages: true },
  { from: 'src/app', name: 'src/app', forbiddenPaths: ADAPTERS, forbiddenPackages: ['@forge/'] },
  {
    from: 'src/contract',
    name: 'src/contract',
    onlyPaths: ['src/domain', 'src/contract'],
    typesFrom: ['src'],
    noPackages: true,
    allowedPackages: ['zod'],
  },
  {
    from: 'static',
    name: 'static/ (use @goalkeeper/contract)',
    forbiddenPaths: ['src', 'sandbox', 'test', 'bench', 'scripts'],
    forbiddenPackages: ['@forge/api', '@forge/kvs', '@forge/resolver', '@forge/events'],
  },
];

const layerBoundaries = {
  meta: { type: 'problem', docs: { description: 'Imports follow the layers of README "The shape of the house".' }, schema: [] },
  create(context) {
    const file = relative(ROOT, context.filename).split(sep).join('/');
    const layer = LAYERS.find((candidate) => within(file, candidate.from));
    if (!layer) return {};
    const check = (node, source, typeOnly) => {
      if (typeof source !== 'string') return;
      const problem = layerProblem(layer, importTarget(context.filename, source), typeOnly);
      if (problem) context.report({ node, message: problem });
    };
    const allSpecifiersTypeOnly = (node) =>
      node.specifiers.length > 0 &&
      node.specifiers.every((specifier) => specifier.importKind === 'type' || specifier.exportKind === 'type');
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type' || allSpecifiersTypeOnly(node)),
      ExportNamedDeclaration: (node) =>
        node.source && check(node, node.source.value, node.exportKind === 'type' || allSpecifiersTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
      TSImportType: (node) => check(node, node.argument?.literal?.value ?? node.argument?.value, true),
      CallExpression: (node) =>
        node.callee.type === 'Identifier' &&
        node.callee.name === 'require' &&
        node.arguments[0]?.type === 'Literal' &&
        check(node, node.arguments[0].value, false),
    };
  },
};

export default tseslint.config(
  {
    ignores: ['node_modules/', 'build/', 'static/*/build/', '.sandbox-data/', 'coverage/', 'test-results/', 'docs/'],
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    // Plain scripts the sandbox serves to the browser: its chrome and the Forge bridge stand-in.
    files: ['sandbox/chrome/assets/**/*.js', 'sandbox/forge-host/browser/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: ROOT } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { goalkeeper: { rules: { 'layer-boundaries': layerBoundaries } } },
    rules: {
      'goalkeeper/layer-boundaries': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/consistent-type-exports': 'error',
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // A promise nobody awaits loses its error; in a Forge invocation it may also outlive the call.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
);
