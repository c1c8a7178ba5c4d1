#!/usr/bin/env node
// The podlab command: runs the TypeScript CLI through tsx, so `npm run podlab -- sim`
// and an installed `npx podlab sim` both work on Node >= 20 without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
