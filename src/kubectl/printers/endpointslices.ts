import type { EndpointSlice } from '../../cluster/api/types';
import { age } from './age';
import { listWithMore } from './format';
import { simplePrinter } from './kind-printer';

/** formatDiscoveryPorts: each port's number, else its name, else `*`. */
export function slicePortsText(s: EndpointSlice): string {
  return listWithMore((s.ports ?? []).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : p.name ?? '*')), '<unset>');
}

/** formatDiscoveryEndpoints: every address of every endpoint, ready or not. */
export function sliceEndpointsText(s: EndpointSlice): string {
  return listWithMore((s.endpoints ?? []).flatMap((e) => e.addresses), '<unset>');
}

export const endpointSlicePrinter = simplePrinter<EndpointSlice>(['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'], [], (s, now) => [
  s.metadata.name,
  s.addressType,
  slicePortsText(s),
  sliceEndpointsText(s),
  age(s.metadata.creationTimestamp, now),
]);
