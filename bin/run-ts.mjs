#!/usr/bin/env node
// Runs a TypeScript file (a benchmark, say) through tsx, without a build step:
//   node bin/run-ts.mjs FILE.ts [ARGS...]
// The file sees itself as process.argv[1] and its own arguments after it.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register as registerCjs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bin/run-ts.mjs FILE.ts [ARGS...]');
  process.exit(2);
}
register();
// A .ts file outside an ES-module package loads as CommonJS; tsx handles that too.
registerCjs();
process.argv.splice(1, 1);
await import(pathToFileURL(resolve(file)).href);
