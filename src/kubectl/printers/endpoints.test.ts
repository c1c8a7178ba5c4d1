import { describe, expect, it } from 'vitest';
import type { Endpoints } from '../../cluster/api/types';
import { endpointsPrinter, endpointsText } from './endpoints';
import { NOW, obj } from './objects.fixture';

const ep = (subsets: Endpoints['subsets']) => obj<Endpoints>('Endpoints', 'web', subsets ? { subsets } : {});
const addrs = (...ips: string[]) => ips.map((ip) => ({ ip }));

describe('endpoints printer (formatEndpoints)', () => {
  it('prints <none> without subsets', () => {
    expect(endpointsPrinter.row(ep(undefined), NOW, false)).toEqual(['web', '<none>', '5m']);
  });

  it('lists ip:port, all addresses of one port before the next port', () => {
    const text = endpointsText(ep([{ addresses: addrs('10.244.1.3', '10.244.2.3'), ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }]));
    expect(text).toBe('10.244.1.3:80,10.244.2.3:80,10.244.1.3:443 + 1 more...');
  });

  it('prints bare IPs for a subset without ports', () => {
    expect(endpointsText(ep([{ addresses: addrs('10.244.1.3') }]))).toBe('10.244.1.3');
  });

  it('prints nothing when only not-ready addresses exist', () => {
    expect(endpointsText(ep([{ notReadyAddresses: addrs('10.244.1.3'), ports: [{ port: 80 }] }]))).toBe('');
  });
});
