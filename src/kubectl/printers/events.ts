import type { Event } from '../../cluster/api/types';
import { age } from './age';
import type { KindPrinter } from './kind-printer';

/** formatEventSource: the component, then `, host` when there is one. */
function source(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const host = e.source?.host || e.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

/**
 * printEvent: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; -o wide adds
 * SUBOBJECT and SOURCE before MESSAGE and FIRST SEEN, COUNT, NAME after it.
 */
export const eventPrinter: KindPrinter<Event> = {
  headers: (wide) =>
    wide
      ? ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME']
      : ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  row(e, now, wide) {
    const first = age(e.firstTimestamp, now);
    const last = e.lastTimestamp ? age(e.lastTimestamp, now) : first;
    const involved = e.involvedObject;
    const object = involved.name ? `${involved.kind.toLowerCase()}/${involved.name}` : involved.kind.toLowerCase();
    const text = e.message.trim();
    if (!wide) return [last, e.type, e.reason, object, text];
    return [last, e.type, e.reason, object, involved.fieldPath ?? '', source(e), text, first, String(e.count || 1), e.metadata.name];
  },
  nameColumn: (wide) => (wide ? 9 : undefined),
};
