import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random';
import { ipToInt } from './ipv4';
import { NodePortAllocator } from './node-port-allocator';
import { ServiceIpAllocator } from './service-ip-allocator';

describe('ServiceIpAllocator', () => {
  it('draws dynamic ClusterIPs from above the static band of a /12', () => {
    const a = new ServiceIpAllocator('10.96.0.0/12', new SeededRandom(1));
    for (let i = 0; i < 50; i++) {
      const ip = a.allocate()!;
      // The static band is the first 256 addresses: 10.96.0.1 .. 10.96.1.0.
      expect(ipToInt(ip)).toBeGreaterThan(ipToInt('10.96.1.0'));
      expect(a.contains(ip)).toBe(true);
    }
  });

  it('never hands out the network or broadcast address, and reports a full range', () => {
    const a = new ServiceIpAllocator('10.0.0.0/29', new SeededRandom(1));
    const got = new Set<string>();
    for (let ip = a.allocate(); ip; ip = a.allocate()) got.add(ip);
    expect([...got].sort()).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
    a.release('10.0.0.3');
    expect(a.allocate()).toBe('10.0.0.3');
  });
});

describe('NodePortAllocator', () => {
  it('stays inside the range and never repeats a port', () => {
    const a = new NodePortAllocator(30000, 30099, new SeededRandom(3));
    const ports = Array.from({ length: 100 }, () => a.allocate()!);
    expect(new Set(ports).size).toBe(100);
    expect(Math.min(...ports)).toBe(30000);
    expect(Math.max(...ports)).toBe(30099);
    expect(a.allocate()).toBeUndefined();
  });
});
