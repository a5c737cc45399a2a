/**
 * The layers of README "The shape of the house", checked on the whole module graph
 * (`npm run deps:check`; rule syntax: https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md).
 * eslint.config.mjs checks the same rules file by file, as one types; this sees what a file-level
 * rule cannot: a dependency reached through an alias, a re-export or a dynamic import.
 */
const ADAPTERS = '^src/(jira|store|queues|events|resolvers|composition)/|^src/index\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the rules: it imports nothing outside src/domain, no package either.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'app-uses-no-adapter',
      comment: 'Use cases reach Jira, storage and queues through src/app/ports.ts, never through an adapter or a Forge SDK.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: [ADAPTERS, '^node_modules/@forge/'] },
    },
    {
      name: 'support-serves-use-cases',
      comment: 'src/app/support holds what use cases share; it never reaches up into a use case.',
      severity: 'error',
      from: { path: '^src/app/support/' },
      to: { path: '^src/app/use-cases/' },
    },
    {
      name: 'use-cases-stand-alone',
      comment:
        'A use case shares code through src/app/support, not by importing another use case. A revert is the one composition: a proposal and its decision.',
      severity: 'error',
      from: { path: '^src/app/use-cases/', pathNot: '^src/app/use-cases/revert-bypassed-change\\.ts$' },
      to: { path: '^src/app/use-cases/' },
    },
    {
      name: 'contract-ships-only-domain-code',
      comment:
        'The front ends may run code from src/contract only where it is a pure rule of src/domain or a payload schema (zod); the rest crosses as types.',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { pathNot: '^src/(contract|domain)/|^node_modules/zod/', dependencyTypesNot: ['type-only', 'type-import'] },
    },
    {
      name: 'static-through-contract',
      comment: 'A Custom UI app reaches the backend only through @goalkeeper/contract (src/contract).',
      severity: 'error',
      from: { path: '^static/' },
      to: { path: '^(src|sandbox|test|bench|scripts)/', pathNot: '^src/contract/' },
    },
    {
      name: 'backend-is-not-the-sandbox',
      comment: 'The handler Forge runs never depends on the local stand-ins, the tests or the front ends.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(sandbox|test|bench|static|scripts)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)build/', '^\\.sandbox-data/', '^docs/'] },
    // Type-only imports are dependencies too (the contract's whole point is to carry types).
    tsPreCompilationDeps: true,
    // static/tsconfig.json extends the backend's and adds the @goalkeeper/contract alias.
    // (An absolute path: TypeScript reads a relative one against the wrong folder and finds no inputs.)
    tsConfig: { fileName: require('node:path').join(__dirname, 'static', 'tsconfig.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
