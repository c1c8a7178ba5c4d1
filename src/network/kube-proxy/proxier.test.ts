import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Service } from '../../cluster/api/types';
import type { ObjectStore } from '../../cluster/store/object-store';
import { endpointSlice, podEndpoints, service, storeWithNodes, type EndpointSpec } from '../../../test/support/kube-proxy-fixture';
import { saveRule, saveTable } from './iptables-save';
import { KubeProxy } from './proxier';
import { chainOrder, findTable, type NodeRules } from './rules';

const NOW = Date.parse('2026-01-05T09:10:00Z');
const CIDR = { clusterCIDR: '10.244.0.0/16' };
const testdata = new URL('./testdata/', import.meta.url);

/** The filter and nat tables of a node, as `iptables-save -t filter; iptables-save -t nat` print them. */
function dump(rules: NodeRules): string {
  expect(danglingJumps(rules)).toEqual([]);
  return saveTable(findTable(rules, 'filter')!, NOW) + saveTable(findTable(rules, 'nat')!, NOW);
}

/** Compares with testdata/NAME.txt; UPDATE_GOLDEN=1 rewrites it. */
function golden(name: string, actual: string): void {
  const file = new URL(`${name}.txt`, testdata);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

function storeWith(svc: Service, slices: EndpointSlice[] = []): ObjectStore {
  const store = storeWithNodes();
  store.add(svc);
  for (const s of slices) store.add(s);
  return store;
}

const web = (spec: Partial<Service['spec']> = {}) => service('web', { clusterIP: '10.96.100.10', ...spec });

describe('kube-proxy rules, golden dumps for worker-1', () => {
  it.each([0, 1, 2, 3, 10])('a ClusterIP Service with %i endpoints', (n) => {
    const store = storeWith(web(), n === 0 ? [] : [endpointSlice('web', podEndpoints(n))]);
    golden(`clusterip-${n}-endpoints`, dump(new KubeProxy(store, CIDR).rules('worker-1')));
  });

  it('a NodePort Service', () => {
    const svc = web({ type: 'NodePort', ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }] });
    golden('nodeport', dump(new KubeProxy(storeWith(svc, [endpointSlice('web', podEndpoints(2))]), CIDR).rules('worker-1')));
  });

  it('a NodePort Service without endpoints', () => {
    const svc = web({ type: 'NodePort', ports: [{ protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }] });
    golden('nodeport-no-endpoints', dump(new KubeProxy(storeWith(svc), CIDR).rules('worker-1')));
  });

  it('ClientIP session affinity', () => {
    const svc = web({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } });
    golden('affinity-clientip', dump(new KubeProxy(storeWith(svc, [endpointSlice('web', podEndpoints(2))]), CIDR).rules('worker-1')));
  });

  it('externalTrafficPolicy Local, on a node with and a node without a local endpoint', () => {
    const svc = web({
      type: 'NodePort',
      externalTrafficPolicy: 'Local',
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }],
    });
    const store = storeWith(svc, [endpointSlice('web', podEndpoints(2))]);
    const proxy = new KubeProxy(store, CIDR);
    golden('etp-local-with-local-endpoint', dump(proxy.rules('worker-1')));
    golden('etp-local-without-local-endpoint', dump(proxy.rules('worker-3')));
  });

  it('internalTrafficPolicy Local on a node without a local endpoint drops ClusterIP traffic', () => {
    const svc = web({ internalTrafficPolicy: 'Local' });
    const proxy = new KubeProxy(storeWith(svc, [endpointSlice('web', podEndpoints(1))]), CIDR);
    golden('itp-local-without-local-endpoint', dump(proxy.rules('worker-3')));
    const local = dump(proxy.rules('worker-1'));
    expect(local).toContain(':KUBE-SVL-');
    expect(local).not.toContain(':KUBE-SVC-');
  });

  it('a LoadBalancer with an ingress IP, source ranges and an external IP', () => {
    const svc = web({
      type: 'LoadBalancer',
      externalIPs: ['192.168.10.5'],
      loadBalancerSourceRanges: ['203.0.113.0/24'],
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }],
    });
    svc.status = { loadBalancer: { ingress: [{ ip: '198.51.100.7' }] } };
    golden('loadbalancer-firewall', dump(new KubeProxy(storeWith(svc, [endpointSlice('web', podEndpoints(1))]), CIDR).rules('worker-1')));
  });

  const empty = dump(new KubeProxy(storeWithNodes(), CIDR).rules('worker-1'));

  it('a headless Service gets no rules', () => {
    const svc = service('web', { clusterIP: 'None' });
    expect(dump(new KubeProxy(storeWith(svc, [endpointSlice('web', podEndpoints(3))]), CIDR).rules('worker-1'))).toBe(empty);
  });

  it('an ExternalName Service gets no rules', () => {
    const svc = service('web', { type: 'ExternalName', externalName: 'example.com', clusterIP: '' });
    delete svc.spec.clusterIP;
    expect(dump(new KubeProxy(storeWith(svc), CIDR).rules('worker-1'))).toBe(empty);
  });

  it('drops per-endpoint comments past 1,000 endpoints, as kube-proxy does', () => {
    const store = storeWithNodes();
    for (let i = 0; i < 11; i++) {
      store.add(service(`s${i}`, { clusterIP: `10.96.1.${i + 2}` }));
      store.add(endpointSlice(`s${i}`, podEndpoints(100, i * 100)));
    }
    const nat = findTable(new KubeProxy(store, CIDR).rules('worker-1'), 'nat')!;
    const sep = [...nat.rules.entries()].find(([c]) => c.startsWith('KUBE-SEP-'))!;
    expect(saveRule(sep[1][0]!)).toMatch(/^-A KUBE-SEP-\w+ -s [\d.]+\/32 -j KUBE-MARK-MASQ$/);
  });
});

/** Every jump in every table lands on a chain that exists in that table. */
function danglingJumps(rules: NodeRules): string[] {
  const out: string[] = [];
  for (const table of rules.tables) {
    for (const chain of chainOrder(table)) {
      for (const r of table.rules.get(chain) ?? []) {
        if (r.target?.type === 'jump' && !table.rules.has(r.target.chain)) out.push(`${table.name}: ${saveRule(r)}`);
      }
    }
  }
  return out;
}

describe('incremental sync', () => {
  // A random history of Service and EndpointSlice changes; after each step the
  // cached proxier must print exactly what a fresh one computes from the store.
  const step = fc.record({
    svc: fc.integer({ min: 0, max: 4 }),
    action: fc.constantFrom('endpoints', 'delete-slice', 'delete-service', 'nodeport', 'affinity', 'etp-local', 'itp-local', 'recreate'),
    n: fc.integer({ min: 0, max: 5 }),
    offset: fc.integer({ min: 0, max: 30 }),
    ready: fc.boolean(),
  });

  it('matches a full recomputation after every change', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const store = storeWithNodes();
        for (let i = 0; i < 5; i++) {
          store.add(service(`s${i}`, { clusterIP: `10.96.2.${i + 2}` }));
          store.add(endpointSlice(`s${i}`, podEndpoints(2, i * 3)));
        }
        const proxy = new KubeProxy(store, CIDR);
        proxy.rules('worker-1');
        proxy.rules('worker-2');
        for (const s of steps) {
          applyStep(store, s);
          for (const node of ['worker-1', 'worker-2']) {
            const cached = proxy.rules(node);
            expect(danglingJumps(cached)).toEqual([]);
            const fresh = new KubeProxy(store, CIDR);
            expect(dump(cached)).toBe(dump(fresh.rules(node)));
            fresh.dispose();
          }
        }
        proxy.dispose();
      }),
      { numRuns: 40 },
    );
  });
});

function applyStep(store: ObjectStore, s: { svc: number; action: string; n: number; offset: number; ready: boolean }): void {
  const name = `s${s.svc}`;
  const svc = store.get('Service', 'default', name) as Service | undefined;
  const slice = store.get('EndpointSlice', 'default', `${name}-abcde`) as EndpointSlice | undefined;
  const endpoints: EndpointSpec[] = podEndpoints(s.n, s.offset).map((e, i) => ({ ...e, ready: i === 0 ? s.ready : true }));
  const put = (obj: Service | EndpointSlice, old: unknown) => (old ? store.replace(obj) : store.add(obj));
  switch (s.action) {
    case 'endpoints':
      put(endpointSlice(name, endpoints), slice);
      break;
    case 'delete-slice':
      store.remove('EndpointSlice', 'default', `${name}-abcde`);
      break;
    case 'delete-service':
      store.remove('Service', 'default', name);
      break;
    case 'recreate':
      put(service(name, { clusterIP: `10.96.2.${s.svc + 2}` }), svc);
      break;
    default: {
      if (!svc) return;
      const spec = { ...svc.spec };
      if (s.action === 'nodeport') {
        spec.type = 'NodePort';
        spec.ports = [{ ...spec.ports![0]!, nodePort: 30000 + s.svc }];
      } else if (s.action === 'affinity') spec.sessionAffinity = 'ClientIP';
      else if (s.action === 'etp-local') {
        spec.type = 'NodePort';
        spec.externalTrafficPolicy = 'Local';
        spec.ports = [{ ...spec.ports![0]!, nodePort: 30000 + s.svc }];
      } else spec.internalTrafficPolicy = 'Local';
      store.replace({ ...svc, spec });
    }
  }
}
