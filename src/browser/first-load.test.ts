import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * What a lesson page loads before its first interaction is what its
 * scripts import statically; `import()` is the line past which the shell,
 * the editor and their libraries wait for first use. This crawls those
 * static imports, so a stray one that pulls a large library into every
 * page fails here rather than only in `npm run bench:site`.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The modules the site's components and layouts run on every lesson page. */
const PAGE_SCRIPTS = ['src/browser/workbench-element.ts', 'src/browser/exercise-element.ts', 'src/browser/quiz-element.ts', 'src/browser/run-buttons.ts', 'src/browser/theme.ts'];

/** Libraries only the lazily loaded parts need: YAML (kubectl apply, -o yaml), the shell grammar, the editor. */
const LAZY_ONLY = ['yaml', 'mvdan-sh', 'monaco-editor', 'monaco-yaml'];

/** Specifiers a module imports for their values (not `import type`, not `import()`). */
function staticValueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      out.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return out;
}

function resolveModule(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, `${base}/index.ts`, base].find((p) => p.endsWith('.ts') && existsSync(p));
}

/** Every package the page scripts reach through static imports, with the module that imports it. */
function packagesReached(): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = PAGE_SCRIPTS.map((p) => resolve(root, p));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticValueImports(file)) {
      if (specifier.startsWith('.')) {
        const target = resolveModule(file, specifier);
        if (target) queue.push(target);
      } else {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        if (!packages.has(name)) packages.set(name, relative(root, file));
      }
    }
  }
  return packages;
}

describe("a lesson page's first load", () => {
  const reached = packagesReached();

  it('reaches the terminal and the cluster engine', () => {
    // The crawl itself works: what the first load must hold is found.
    expect(reached.has('@xterm/xterm')).toBe(true);
    expect(reached.has('zod')).toBe(true);
  });

  it.each(LAZY_ONLY)('leaves %s to a lazily loaded chunk', (name) => {
    expect(reached.get(name), `${name} is imported statically by ${reached.get(name)}`).toBeUndefined();
  });
});
