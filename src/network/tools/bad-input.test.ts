import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkCluster } from '../network.fixture';
import { runTrace } from '../connect/trace-format';
import { networkTools, runNetworkTool } from './index';

const c = networkCluster(3);
const word = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('-', '--', '-c', '-O', '-T', '-m', '-type=', '-x', '+short', '+search', '@', '@10.96.0.10', 'web', 'web:99999', 'http://', 'http://web:0/', '::', '0', '-1', '__proto__', 'constructor', '10.96.0.1', '999.1.1.1', 'a'.repeat(300)),
);

describe('tools on arbitrary arguments', () => {
  it('never throw, always exit with a code, and leave the cluster as it was', () => {
    const before = c.store.resourceVersion;
    const contexts = [
      { cluster: c, from: { kind: 'pod' as const, namespace: 'default', name: 'client' }, image: 'busybox:1.36' },
      { cluster: c, from: { kind: 'pod' as const, namespace: 'default', name: 'shoot' }, image: 'nicolaka/netshoot' },
      { cluster: c, from: { kind: 'pod' as const, namespace: 'default', name: 'ghost' }, image: 'busybox' },
      { cluster: c, from: { kind: 'node' as const, name: 'worker-2' }, image: '' },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(networkTools), 'trace', '__proto__'), fc.constantFrom(...contexts), fc.array(word, { maxLength: 5 }), (tool, ctx, argv) => {
        const r = tool === 'trace' ? runTrace(argv, c) : runNetworkTool(tool, argv, ctx);
        expect(Number.isInteger(r.exitCode)).toBe(true);
        expect(typeof r.stdout).toBe('string');
        expect(typeof r.stderr).toBe('string');
      }),
      { numRuns: 200 },
    );
    expect(c.store.resourceVersion).toBe(before);
  }, 60_000);
});
