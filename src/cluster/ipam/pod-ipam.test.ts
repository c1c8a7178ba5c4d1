import { describe, expect, it } from 'vitest';
import { PodIpam } from './pod-ipam';

describe('PodIpam (host-local)', () => {
  it('hands out addresses in order from .2 and does not reuse a released one at once', () => {
    const ipam = new PodIpam(new Map([['worker-1', '10.244.1.0/24']]), {});
    expect(ipam.allocate('worker-1')).toBe('10.244.1.2');
    expect(ipam.allocate('worker-1')).toBe('10.244.1.3');
    ipam.release('worker-1', '10.244.1.2');
    expect(ipam.allocate('worker-1')).toBe('10.244.1.4');
  });

  it('wraps around to free addresses and reports exhaustion', () => {
    const ipam = new PodIpam(new Map([['n', '10.0.0.0/29']]), {});
    const got = [ipam.allocate('n'), ipam.allocate('n'), ipam.allocate('n'), ipam.allocate('n'), ipam.allocate('n')];
    expect(got).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
    expect(ipam.allocate('n')).toBeUndefined();
    ipam.release('n', '10.0.0.3');
    expect(ipam.allocate('n')).toBe('10.0.0.3');
  });

  it('continues after the last reserved address kept in its state', () => {
    const state: Record<string, unknown> = {};
    const a = new PodIpam(new Map([['n', '10.244.1.0/24']]), state);
    a.allocate('n');
    a.allocate('n');
    const b = new PodIpam(new Map([['n', '10.244.1.0/24']]), state);
    expect(b.allocate('n')).toBe('10.244.1.4');
  });
});
