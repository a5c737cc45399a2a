#!/usr/bin/env node
/**
 * Rewrites the Custom UI apps' deep imports of the backend (`'../../../../src/app/use-cases/get-sprint-view-state'`)
 * into one import of `@goalkeeper/contract` per file (issue 16), keeping each name's `type` marker and
 * alias. A name the contract does not export is reported, and its file left alone: add the name to
 * the right area file in src/contract/ and run again.
 *
 *   node scripts/codemods/static-imports-to-contract.mjs            # dry run: what would change
 *   node scripts/codemods/static-imports-to-contract.mjs --write    # rewrite the files
 *   node scripts/codemods/static-imports-to-contract.mjs --check    # exit 1 while any file imports src/ by path
 *
 * Imports only are rewritten, so run Prettier on the changed files afterwards if a merged import
 * grew past the print width.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONTRACT = '@goalkeeper/contract';
const CONTRACT_ENTRY = join(ROOT, 'src', 'contract', 'index.ts');
const mode = process.argv.includes('--write') ? 'write' : process.argv.includes('--check') ? 'check' : 'dry-run';

function sourceFiles(directory) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (name === 'build' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The names the contract exports, as the compiler sees them (so `export *` chains count). */
function contractExports() {
  const program = ts.createProgram([CONTRACT_ENTRY], {
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(CONTRACT_ENTRY));
  return new Set(checker.getExportsOfModule(symbol).map((exported) => exported.getName()));
}

/** The repository path an import leads to, when it is a relative one into the backend (outside the contract). */
function backendTarget(file, specifier) {
  if (!specifier.startsWith('.')) return null;
  const target = relative(ROOT, resolve(dirname(file), specifier))
    .split(sep)
    .join('/');
  return target.startsWith('src/') && !target.startsWith('src/contract/') && target !== 'src/contract' ? target : null;
}

/** One file's plan: the merged import and the statements it replaces, or why it cannot be rewritten. */
function planFor(file, exported) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const statements = [];
  const names = [];
  const problems = [];
  const importTypes = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    const target = backendTarget(file, specifier);
    if (target === null && specifier !== CONTRACT) continue;
    const clause = statement.importClause;
    if (!clause || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) {
      problems.push(`${statement.getText(source)}: only named imports can be moved to the contract`);
      continue;
    }
    for (const element of clause.namedBindings.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (target !== null && !exported.has(imported)) problems.push(`${imported} (from ${target}) is not exported by src/contract`);
      names.push({ imported, local: element.name.text, typeOnly: clause.isTypeOnly || element.isTypeOnly });
    }
    statements.push(statement);
  }
  const visit = (node) => {
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const target = backendTarget(file, node.argument.literal.text);
      if (target !== null) {
        const first =
          node.qualifier && (ts.isIdentifier(node.qualifier) ? node.qualifier.text : node.qualifier.getText(source).split('.')[0]);
        if (!first || !exported.has(first))
          problems.push(`import('${node.argument.literal.text}') names ${first ?? 'the whole module'}, which src/contract does not export`);
        else importTypes.push(node.argument.literal);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const deep = statements.filter((statement) => statement.moduleSpecifier.text !== CONTRACT);
  if (deep.length === 0 && importTypes.length === 0) return null;
  if (problems.length > 0) return { file, problems };
  return { file, text, statements, names, importTypes, deepImports: deep.length + importTypes.length };
}

function mergedImport(names) {
  const seen = new Map();
  for (const name of names) {
    const key = `${name.imported} as ${name.local}`;
    const earlier = seen.get(key);
    // A name imported both as a type and as a value is needed as a value.
    seen.set(key, earlier ? { ...name, typeOnly: earlier.typeOnly && name.typeOnly } : name);
  }
  const unique = [...seen.values()].sort((a, b) => a.local.localeCompare(b.local));
  const allTypes = unique.every((name) => name.typeOnly);
  const spelled = unique.map(
    (name) =>
      `${!allTypes && name.typeOnly ? 'type ' : ''}${name.imported === name.local ? name.imported : `${name.imported} as ${name.local}`}`,
  );
  return `import ${allTypes ? 'type ' : ''}{ ${spelled.join(', ')} } from '${CONTRACT}';`;
}

function rewrite(plan) {
  const edits = [];
  if (plan.statements.length > 0) {
    const [first, ...rest] = plan.statements;
    edits.push({ start: first.getStart(), end: first.getEnd(), text: mergedImport(plan.names) });
    for (const statement of rest) {
      // The statement and the line break after it.
      const end = plan.text[statement.getEnd()] === '\n' ? statement.getEnd() + 1 : statement.getEnd();
      edits.push({ start: statement.getStart(), end, text: '' });
    }
  }
  for (const literal of plan.importTypes) edits.push({ start: literal.getStart(), end: literal.getEnd(), text: `'${CONTRACT}'` });
  return edits
    .sort((a, b) => b.start - a.start)
    .reduce((text, edit) => text.slice(0, edit.start) + edit.text + text.slice(edit.end), plan.text);
}

const exported = contractExports();
const plans = sourceFiles(join(ROOT, 'static'))
  .map((file) => planFor(file, exported))
  .filter((plan) => plan !== null);
const blocked = plans.filter((plan) => plan.problems);
const ready = plans.filter((plan) => !plan.problems);
const show = (file) => relative(ROOT, file).split(sep).join('/');

for (const plan of blocked) console.log(`✗ ${show(plan.file)}\n${plan.problems.map((problem) => `    ${problem}`).join('\n')}`);
for (const plan of ready) {
  if (mode === 'write') writeFileSync(plan.file, rewrite(plan));
  console.log(
    `${mode === 'write' ? '✓ rewrote' : '•'} ${show(plan.file)} (${plan.deepImports} deep import${plan.deepImports === 1 ? '' : 's'})`,
  );
}
const deepImports = plans.reduce((sum, plan) => sum + (plan.deepImports ?? plan.problems.length), 0);
console.log(
  `${plans.length} files import src/ by path (${ready.length} ready, ${blocked.length} need the contract extended)${mode === 'write' ? `; ${ready.length} rewritten` : ''}.`,
);
if (mode === 'check' && plans.length > 0) {
  console.log(`${deepImports} deep imports left: static/ must reach the backend through ${CONTRACT}.`);
  process.exitCode = 1;
}
if (mode === 'write' && blocked.length > 0) process.exitCode = 1;
