import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from '../../cluster/api/types';
import { endpointSlicePrinter } from './endpointslices';
import { NOW, obj } from './objects.fixture';

const slice = (ports: EndpointSlice['ports'], endpoints: EndpointSlice['endpoints']) =>
  obj<EndpointSlice>('EndpointSlice', 'web-abc12', { addressType: 'IPv4', ports, endpoints });
const ready = (ip: string) => ({ addresses: [ip], conditions: { ready: true } });

describe('endpointslice printer', () => {
  it('lists ports and every address, ready or not, three then "+ N more..."', () => {
    const s = slice([{ port: 8080, protocol: 'TCP' }], [ready('10.244.1.2'), ready('10.244.2.3'), { addresses: ['10.244.3.4'], conditions: { ready: false } }, ready('10.244.1.9')]);
    expect(endpointSlicePrinter.headers(false)).toEqual(['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']);
    expect(endpointSlicePrinter.row(s, NOW, false)).toEqual(['web-abc12', 'IPv4', '8080', '10.244.1.2,10.244.2.3,10.244.3.4 + 1 more...', '5m']);
  });

  it('prints <unset> for no ports or endpoints, a name or * for a port without a number', () => {
    expect(endpointSlicePrinter.row(slice(null, null), NOW, false).slice(2, 4)).toEqual(['<unset>', '<unset>']);
    expect(endpointSlicePrinter.row(slice([{ name: 'http' }, {}], []), NOW, false)[2]).toBe('http,*');
  });
});
