/**
 * The live cluster map: plain SVG drawn from layout.ts, redrawn (at most
 * once a frame) when the store's watch reports a change to a node, pod,
 * Service or EndpointSlice. A packet trace, when set, is drawn over it.
 * All decisions live in layout.ts and trace-adapter.ts; this file only
 * turns their boxes into elements.
 */
import { layoutClusterMap, type LayoutOptions, type MapLayout } from './layout';
import { MAP_KINDS, mapObjectsOf, type MapSource } from './map-source';
import { placeTrace, type MapTrace, type PlacedTrace } from './trace-adapter';
import './cluster-map.css';

export type { MapTrace, MapHop } from './trace-adapter';

export interface ClusterMapHandle {
  /** Draws a packet's path over the map; undefined clears it. */
  setTrace(trace: MapTrace | undefined): void;
  /** Redraws now (watch events redraw by themselves). */
  refresh(): void;
  dispose(): void;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export function mountClusterMap(el: HTMLElement, source: MapSource, options: LayoutOptions = {}): ClusterMapHandle {
  const root = document.createElement('figure');
  root.className = 'podlab-map';
  const picture = svg('svg', { role: 'img', class: 'podlab-map-svg' });
  // The hops are numbered on the picture and told in words here: readable at any size, and by screen readers.
  const hopList = document.createElement('ol');
  hopList.className = 'podlab-map-hops';
  hopList.setAttribute('aria-label', 'Packet path');
  root.append(picture, hopList);
  el.replaceChildren(root);

  let trace: MapTrace | undefined;
  let frame: number | undefined;

  const draw = (): void => {
    frame = undefined;
    const layout = layoutClusterMap(mapObjectsOf(source), options);
    const placed = trace ? placeTrace(trace, layout) : undefined;
    picture.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
    picture.setAttribute('aria-label', summary(layout));
    picture.replaceChildren(defs(), ...drawServices(layout), ...drawNodes(layout), drawArrows(layout), ...(placed ? drawTrace(placed) : []));
    const notShown = new Set(placed?.unplaced.map((h) => h.step));
    hopList.replaceChildren(
      ...(trace?.hops ?? []).map((h, i) => {
        const li = document.createElement('li');
        li.value = i + 1;
        li.dataset.kind = h.kind;
        li.textContent = notShown.has(i + 1) ? `${h.label} (not on the map)` : h.label;
        return li;
      }),
    );
  };

  const schedule = (): void => {
    if (frame !== undefined) return;
    frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(draw) : (setTimeout(draw, 0) as unknown as number);
  };
  const unsubscribe = source.subscribe((event) => {
    if (MAP_KINDS.has(event.object.kind)) schedule();
  });
  draw();

  return {
    setTrace(next) {
      trace = next;
      draw();
    },
    refresh: draw,
    dispose() {
      unsubscribe();
      if (frame !== undefined && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      root.remove();
    },
  };
}

function summary(layout: MapLayout): string {
  const pods = layout.nodes.reduce((n, node) => n + node.pods.length, 0);
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return `Cluster map: ${count(layout.nodes.length, 'node')}, ${count(pods, 'pod')}, ${count(layout.services.length, 'Service')}`;
}

function defs(): SVGDefsElement {
  const d = svg('defs', {});
  for (const id of ['podlab-arrow', 'podlab-trace-arrow']) {
    const marker = svg('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: `${id}-head` }));
    d.append(marker);
  }
  return d;
}

function drawServices(layout: MapLayout): SVGGElement[] {
  return layout.services.map((s) => {
    const g = svg('g', { class: 'podlab-map-service', 'data-key': s.key });
    g.append(
      svg('rect', { x: s.x, y: s.y, width: s.w, height: s.h, rx: 8 }),
      svg('text', { x: s.x + 10, y: s.y + 20, class: 'podlab-map-title' }, `svc/${s.name}${s.namespace === 'default' ? '' : ` (${s.namespace})`}`),
      svg('text', { x: s.x + 10, y: s.y + 40, class: 'podlab-map-detail' }, `${s.type} ${s.clusterIP ?? ''} ${s.ports}`),
    );
    return g;
  });
}

function drawNodes(layout: MapLayout): SVGGElement[] {
  return layout.nodes.map((n) => {
    const g = svg('g', { class: 'podlab-map-node', 'data-node': n.name });
    g.append(
      svg('rect', { x: n.x, y: n.y, width: n.w, height: n.h, rx: 10 }),
      svg('text', { x: n.x + 10, y: n.y + 20, class: 'podlab-map-title' }, n.name),
      svg('text', { x: n.x + 10, y: n.y + 38, class: 'podlab-map-detail' }, `${n.internalIP ?? ''}  pods ${n.podCIDR ?? '—'}`),
    );
    for (const p of n.pods) {
      const pod = svg('g', { class: `podlab-map-pod podlab-pod-${p.state}`, 'data-key': p.key });
      pod.append(
        svg('rect', { x: p.x, y: p.y, width: p.w, height: p.h, rx: 5 }),
        svg('circle', { cx: p.x + 11, cy: p.y + p.h / 2, r: 5 }),
        svg('text', { x: p.x + 22, y: p.y + 14, class: 'podlab-map-detail' }, p.name),
        svg('text', { x: p.x + 22, y: p.y + 28, class: 'podlab-map-ip' }, p.ip ?? '<none>'),
        svg('title', {}, `${p.namespace}/${p.name}: ${p.state}`),
      );
      g.append(pod);
    }
    return g;
  });
}

function drawArrows(layout: MapLayout): SVGGElement {
  const g = svg('g', { class: 'podlab-map-arrows' });
  for (const a of layout.arrows) {
    g.append(svg('line', { x1: a.x1, y1: a.y1, x2: a.x2, y2: a.y2, 'marker-end': 'url(#podlab-arrow)', 'data-service': a.service, 'data-ip': a.ip }));
  }
  return g;
}

function drawTrace(placed: PlacedTrace): SVGElement[] {
  if (placed.points.length === 0) return [];
  const g = svg('g', { class: 'podlab-map-trace' });
  const path = placed.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  g.append(svg('path', { d: path, 'marker-end': 'url(#podlab-trace-arrow)' }));
  for (const p of placed.points) {
    const hop = svg('g', { class: `podlab-trace-hop podlab-trace-${p.kind}` });
    hop.append(
      // Hops at one spot sit side by side, so every number stays readable.
      svg('circle', { cx: p.x + 22 * p.stack, cy: p.y, r: 10 }),
      svg('text', { x: p.x + 22 * p.stack, y: p.y + 4, 'text-anchor': 'middle', class: 'podlab-trace-step' }, String(p.step)),
    );
    g.append(hop);
  }
  return [g];
}
