import type { Deployment, KubeObject, Pod, ReplicaSet, Service, ServicePort, ServiceType } from '../../cluster/api/types';
import type { KubectlEnv } from '../env';
import { message } from '../messages';
import type { Printed } from '../output';
import { flagValue, type FlagDef } from '../parse/flags';
import { createGenerated, DRY_RUN_FLAG, fail, failWith, isPrinted, OUTPUT_FLAG, parseVerb, PRINT_EXTRAS } from './common';
import { resolveObjects } from './resolve';

const EXPOSE_FLAGS: readonly FlagDef[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  ...PRINT_EXTRAS,
  { name: 'port', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'labels', type: 'string', supported: false },
  { name: 'cluster-ip', type: 'string', supported: false },
  { name: 'external-ip', type: 'string', supported: false },
  { name: 'session-affinity', type: 'string', supported: false },
  { name: 'load-balancer-ip', type: 'string', supported: false },
  { name: 'filename', short: 'f', type: 'string', supported: false },
];

const TYPES: Record<string, ServiceType> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer' };

/** What expose reads off the object it exposes (polymorphichelpers: MapBasedSelectorForObject, PortsForObject). */
function introspect(obj: KubeObject): { selector?: Record<string, string>; selectorError?: string; ports: { port: number; protocol: ServicePort['protocol'] }[] } {
  const containerPorts = (spec: Pod['spec']) =>
    spec.containers.flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? ('TCP' as const) })));
  switch (obj.kind) {
    case 'Pod': {
      const pod = obj as Pod;
      const labels = pod.metadata.labels ?? {};
      return Object.keys(labels).length > 0 ? { selector: labels, ports: containerPorts(pod.spec) } : { selectorError: 'exposeNoLabels', ports: containerPorts(pod.spec) };
    }
    case 'Deployment':
    case 'ReplicaSet': {
      const o = obj as Deployment | ReplicaSet;
      if (o.spec.selector.matchExpressions?.length) return { selectorError: 'matchExpressions', ports: containerPorts(o.spec.template.spec) };
      return { selector: o.spec.selector.matchLabels ?? {}, ports: containerPorts(o.spec.template.spec) };
    }
    case 'Service': {
      const s = obj as Service;
      return { ...(s.spec.selector ? { selector: s.spec.selector } : { selectorError: 'noSelector' }), ports: (s.spec.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' })) };
    }
  }
  return { ports: [] };
}

/**
 * `kubectl expose TYPE NAME`: a Service whose selector and ports come from
 * the object (a pod's labels, a deployment's or replica set's selector, a
 * service's selector), as kubectl's service generator builds it.
 */
export function runExpose(argv: readonly string[], env: KubectlEnv): Printed {
  const ctx = parseVerb(argv, EXPOSE_FLAGS, 'kubectl expose', env);
  if (isPrinted(ctx)) return ctx;
  const resolved = resolveObjects(ctx, ctx.flags.positional);
  if (!resolved.ok) return failWith(resolved.error);
  const { object } = resolved.found[0]!;
  if (!['Pod', 'Deployment', 'ReplicaSet', 'Service'].includes(object.kind)) return fail(message('cannotExpose', object.kind));
  const facts = introspect(object);
  let selector = facts.selector;
  const selectorText = flagValue(ctx.flags, 'selector');
  if (selectorText) {
    selector = {};
    for (const pair of selectorText.split(',')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) return fail(message('exposeNoSelector', `invalid selector: ${pair}`));
      selector[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  if (!selector) {
    if (facts.selectorError === 'exposeNoLabels') return fail(message('exposeNoSelector', 'the pod has no labels and cannot be exposed'));
    // Uncertain wording for selectors with matchExpressions or services without one.
    return fail(message('exposeNoSelector', `couldn't convert expressions - "${object.metadata.name}" to map-based selector format`));
  }
  const typeText = flagValue(ctx.flags, 'type') ?? '';
  const type = typeText === '' ? 'ClusterIP' : TYPES[typeText.toLowerCase()];
  if (!type) return fail(message('invalidServiceType', typeText));
  const portText = flagValue(ctx.flags, 'port');
  const protocolFlag = flagValue(ctx.flags, 'protocol');
  const targetText = flagValue(ctx.flags, 'target-port');
  const target = targetText === undefined ? undefined : /^\d+$/.test(targetText) ? Number(targetText) : targetText;
  let ports: ServicePort[];
  if (portText) {
    ports = portText.split(',').map((p) => ({ protocol: (protocolFlag ?? 'TCP') as ServicePort['protocol'], port: Number(p), targetPort: target ?? Number(p) }));
    if (ports.some((p) => !Number.isInteger(p.port))) return fail(message('invalidPortSpec', portText));
  } else {
    if (facts.ports.length === 0) return fail(message('exposeNoPort'));
    // Several ports are named port-1, port-2 ...; one stays unnamed.
    ports = facts.ports.map((p, i) => ({
      ...(facts.ports.length > 1 ? { name: `port-${i + 1}` } : {}),
      protocol: (protocolFlag ?? p.protocol) as ServicePort['protocol'],
      port: p.port,
      targetPort: target ?? p.port,
    }));
  }
  const name = flagValue(ctx.flags, 'name') || object.metadata.name;
  const labels = object.metadata.labels;
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(ctx.explicitNamespace ? { namespace: ctx.namespace } : {}), ...(labels && Object.keys(labels).length > 0 ? { labels } : {}) },
    spec: { ports, selector, ...(typeText ? { type } : {}) },
  } as Service;
  return createGenerated(ctx, service, 'exposed');
}
