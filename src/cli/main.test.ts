import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseSimArgs } from './main';

describe('podlab sim arguments', () => {
  it('defaults to the default scenario, seed 1 and the current folder', () => {
    expect(parseSimArgs([], '/work')).toEqual({ scenario: 'default', seed: 1, workspace: '/work' });
  });

  it('takes --flag value and --flag=value', () => {
    const dir = mkdtempSync(`${tmpdir()}/podlab-`);
    expect(parseSimArgs(['--scenario', 'default', '--seed=42', `--workspace=${dir}`], '/')).toEqual({ scenario: 'default', seed: 42, workspace: dir });
  });

  it('refuses unknown flags, bad seeds and missing folders', () => {
    expect(parseSimArgs(['--sed', '4'], '/')).toEqual({ error: `podlab sim: unknown flag "--sed"\nRun 'podlab sim --help' for usage.` });
    expect(parseSimArgs(['--seed', 'x'], '/')).toEqual({ error: `podlab sim: --seed needs a whole number, not "x"\nRun 'podlab sim --help' for usage.` });
    expect(parseSimArgs(['--workspace', '/no/such/folder'], '/')).toEqual({ error: `podlab sim: --workspace: no such folder: /no/such/folder\nRun 'podlab sim --help' for usage.` });
  });
});
