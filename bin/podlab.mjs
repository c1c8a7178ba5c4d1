#!/usr/bin/env node
// The podlab command. The CLI is TypeScript; loading it module by module
// through tsx costs more than half a second at every start, so the first
// run bundles it with esbuild into node_modules/.cache and later runs load
// that one file, rebuilt whenever a file under src/ is newer. Where the
// cache cannot be written (a read-only install), it falls back to tsx.
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'node_modules/.cache/podlab-cli/main.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    return statSync(bundle).mtimeMs >= newestSource(join(root, 'src'));
  } catch {
    return false;
  }
}

async function buildBundle() {
  const { build } = await import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  // Written beside and renamed, so two podlab processes starting together never read half a file.
  const partial = `${bundle}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  renameSync(partial, bundle);
}

async function loadMain() {
  try {
    if (!bundleIsFresh()) await buildBundle();
    return (await import(pathToFileURL(bundle).href)).main;
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return (await import('../src/cli/main.ts')).main;
  }
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
