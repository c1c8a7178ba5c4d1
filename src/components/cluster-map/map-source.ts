import type { ObjectStore } from '../../cluster/store/object-store';
import type { MapObjects } from './layout';

/** What the map reads from a cluster: the store's list and watch, nothing else. */
export type MapSource = Pick<ObjectStore, 'list' | 'subscribe'>;

export function mapObjectsOf(source: MapSource): MapObjects {
  return {
    nodes: source.list('Node'),
    pods: source.list('Pod'),
    services: source.list('Service'),
    endpointSlices: source.list('EndpointSlice'),
  };
}

/** The kinds whose watch events change the picture. */
export const MAP_KINDS: ReadonlySet<string> = new Set(['Node', 'Pod', 'Service', 'EndpointSlice']);
