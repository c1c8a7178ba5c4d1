import type { Endpoints } from '../../cluster/api/types';
import { age } from './age';
import { simplePrinter } from './kind-printer';

/**
 * formatEndpoints: subsets, then ports, then addresses (all addresses of
 * the first port before the second); headless subsets without ports give
 * bare IPs. `<none>` without subsets; three shown, then ` + N more...`.
 */
export function endpointsText(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const items: string[] = [];
  for (const subset of subsets) {
    const ports = subset.ports ?? [];
    const addresses = subset.addresses ?? [];
    if (ports.length === 0) for (const a of addresses) items.push(a.ip);
    for (const p of ports) for (const a of addresses) items.push(a.ip.includes(':') ? `[${a.ip}]:${p.port}` : `${a.ip}:${p.port}`);
  }
  const shown = items.slice(0, 3).join(',');
  return items.length > 3 ? `${shown} + ${items.length - 3} more...` : shown;
}

export const endpointsPrinter = simplePrinter<Endpoints>(['NAME', 'ENDPOINTS', 'AGE'], [], (ep, now) => [ep.metadata.name, endpointsText(ep), age(ep.metadata.creationTimestamp, now)]);
