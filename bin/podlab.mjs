#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx podlab` works on any Node >= 20 without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
