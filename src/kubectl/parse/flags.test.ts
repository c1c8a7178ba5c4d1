import { describe, expect, it } from 'vitest';
import { message } from '../messages';
import { flagValue, parseFlags, type FlagDef } from './flags';

const defs: FlagDef[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'filename', short: 'f', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'dry-run', type: 'string', bare: 'unchanged' },
  { name: 'watch', short: 'w', type: 'bool', supported: false },
];
const parse = (...argv: string[]) => parseFlags(argv, defs, 'kubectl get');
const ok = (...argv: string[]) => {
  const r = parse(...argv);
  if (!r.ok) throw new Error('expected the flags to parse');
  return r.flags;
};

describe('parseFlags (pflag conventions)', () => {
  it('takes values after =, as the next word, glued to a shorthand, or after -x=', () => {
    for (const argv of [['--namespace=kube-system'], ['--namespace', 'kube-system'], ['-n', 'kube-system'], ['-nkube-system'], ['-n=kube-system']]) {
      expect(flagValue(ok(...argv), 'namespace')).toBe('kube-system');
    }
    expect(flagValue(ok('-owide'), 'output')).toBe('wide');
  });

  it('keeps positional words wherever they are and stops at --', () => {
    const f = ok('pods', '-n', 'x', 'web', '--', '-A', 'db');
    expect(f.positional).toEqual(['pods', 'web', '-A', 'db']);
    expect(f.values.has('all-namespaces')).toBe(false);
  });

  it('collects repeated flags in order', () => {
    expect(ok('-f', 'a.yaml', '--filename=b.yaml', '-fc.yaml').values.get('filename')).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  });

  it('bundles boolean shorthands and gives bare flags their default', () => {
    const f = ok('-Aowide', '--dry-run');
    expect(flagValue(f, 'all-namespaces')).toBe('true');
    expect(flagValue(f, 'output')).toBe('wide');
    expect(flagValue(f, 'dry-run')).toBe('unchanged');
  });

  it("words pflag's errors, with cobra's hint", () => {
    expect(parse('--selectr', 'x')).toEqual({ ok: false, error: message('unknownFlag', '--selectr', 'kubectl get') });
    expect(parse('-x')).toEqual({ ok: false, error: message('unknownShorthand', 'x', '-x', 'kubectl get') });
    expect(parse('-Ax')).toEqual({ ok: false, error: message('unknownShorthand', 'x', '-x', 'kubectl get') });
    expect(parse('--namespace')).toEqual({ ok: false, error: message('flagNeedsArgument', '--namespace', 'kubectl get') });
    expect(parse('-n')).toEqual({ ok: false, error: message('flagNeedsArgument', "'n' in -n", 'kubectl get') });
    expect(parse('--grace-period=soon')).toEqual({ ok: false, error: message('invalidFlagValue', 'soon', '--grace-period', 'ParseInt', 'kubectl get') });
    expect(parse('-A=maybe')).toEqual({ ok: false, error: message('invalidFlagValue', 'maybe', '-A, --all-namespaces', 'ParseBool', 'kubectl get') });
  });

  it('notes real flags the simulation lacks', () => {
    expect(ok('-w').unsupported).toEqual(['-w']);
  });

  it('treats a lone dash as a word', () => {
    expect(ok('-f', '-').values.get('filename')).toEqual(['-']);
    expect(ok('-').positional).toEqual(['-']);
  });
});
