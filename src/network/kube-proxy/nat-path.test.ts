import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../cluster/api/types';
import { SeededRandom } from '../../cluster/random';
import { endpointSlice, podEndpoints, service, storeWithNodes } from '../../../test/support/kube-proxy-fixture';
import { inCidr, natPath, RecentTable, type Packet } from './nat-path';
import { KubeProxy } from './proxier';
import type { NodeRules } from './rules';

const CIDR = { clusterCIDR: '10.244.0.0/16' };
const CLUSTER_IP = '10.96.100.10';

function rulesFor(spec: Partial<Service['spec']>, endpoints: number, node = 'worker-1'): NodeRules {
  const store = storeWithNodes();
  store.add(service('web', { clusterIP: CLUSTER_IP, ...spec }));
  if (endpoints > 0) store.add(endpointSlice('web', podEndpoints(endpoints)));
  return new KubeProxy(store, CIDR).rules(node);
}

const nodePort = { type: 'NodePort' as const, ports: [{ name: 'http', protocol: 'TCP' as const, port: 80, targetPort: 8080, nodePort: 30080 }] };
const tcp = (src: string, dst: string, dport: number): Packet => ({ src, dst, dport, proto: 'tcp' });

describe('natPath: flows through kube-proxy rules (worker-1)', () => {
  // Two endpoints: 10.244.1.2 (worker-1) and 10.244.2.2 (worker-2).
  it.each([
    ['pod -> ClusterIP', {}, tcp('10.244.1.9', CLUSTER_IP, 80), 'PREROUTING', 'DNAT', false],
    ['node -> ClusterIP (masqueraded: not from a pod)', {}, tcp('172.18.0.3', CLUSTER_IP, 80), 'OUTPUT', 'DNAT', true],
    ['pod -> ClusterIP, wrong port', {}, tcp('10.244.1.9', CLUSTER_IP, 81), 'PREROUTING', 'none', false],
    ['outside -> NodePort (masqueraded)', nodePort, tcp('192.168.1.50', '172.18.0.3', 30080), 'PREROUTING', 'DNAT', true],
    ['outside -> NodePort on localhost-less port', nodePort, tcp('192.168.1.50', '172.18.0.3', 30081), 'PREROUTING', 'none', false],
    ['outside -> NodePort, ETP Local, local endpoint (source kept)', { ...nodePort, externalTrafficPolicy: 'Local' as const }, tcp('192.168.1.50', '172.18.0.3', 30080), 'PREROUTING', 'DNAT', false],
  ] as const)('%s', (_label, spec, packet, hook, verdict, masquerade) => {
    const path = natPath(rulesFor(spec, 2), packet, new SeededRandom(7), { hook });
    expect(path.verdict.type).toBe(verdict);
    expect(path.masquerade).toBe(masquerade);
    if (verdict === 'DNAT') expect(['10.244.1.2:8080', '10.244.2.2:8080']).toContain((path.verdict as { to: string }).to);
  });

  it('ETP Local sends outside traffic only to the node-local endpoint', () => {
    const rules = rulesFor({ ...nodePort, externalTrafficPolicy: 'Local' }, 2);
    for (let seed = 0; seed < 20; seed++) {
      const path = natPath(rules, tcp('192.168.1.50', '172.18.0.3', 30080), new SeededRandom(seed));
      expect(path.verdict).toEqual({ type: 'DNAT', to: '10.244.1.2:8080', ip: '10.244.1.2', port: 8080 });
    }
  });

  it('ETP Local on a node without a local endpoint drops outside traffic in the filter table', () => {
    const rules = rulesFor({ ...nodePort, externalTrafficPolicy: 'Local' }, 2, 'worker-3');
    const path = natPath(rules, tcp('192.168.1.50', '172.18.0.5', 30080), new SeededRandom(1));
    expect(path.verdict).toEqual({ type: 'DROP' });
    expect(path.hops.at(-1)).toMatchObject({ table: 'filter', chain: 'KUBE-EXTERNAL-SERVICES' });
  });

  it('a Service without endpoints is rejected by the filter table', () => {
    const path = natPath(rulesFor({}, 0), tcp('10.244.1.9', CLUSTER_IP, 80), new SeededRandom(1));
    expect(path.verdict).toEqual({ type: 'REJECT' });
    // Jumps that matched and fell through back to their caller are hops too.
    expect(path.hops.map((h) => `${h.table} ${h.chain}`)).toEqual([
      'nat PREROUTING',
      'filter FORWARD',
      'filter FORWARD',
      'filter FORWARD',
      'filter KUBE-SERVICES',
    ]);
    expect(path.hops.at(-1)!.rule).toBe(
      '-A KUBE-SERVICES -d 10.96.100.10/32 -p tcp -m comment --comment "default/web:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    );
  });

  it('lists every hop with the rule that matched and its probability', () => {
    const path = natPath(rulesFor({}, 3), tcp('10.244.1.9', CLUSTER_IP, 80), new SeededRandom(3));
    expect(path.hops[0]).toEqual({ table: 'nat', chain: 'PREROUTING', rule: '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES' });
    expect(path.hops[1]!.chain).toBe('KUBE-SERVICES');
    const svcHop = path.hops.find((h) => h.chain.startsWith('KUBE-SVC-') && h.rule.includes('-j KUBE-SEP-'))!;
    const sepHop = path.hops.at(-1)!;
    expect(sepHop.rule).toContain(`-j DNAT --to-destination ${(path.verdict as { to: string }).to}`);
    if (svcHop.probability !== undefined) expect(['0.33333333349', '0.50000000000']).toContain(svcHop.probability);
  });

  it('masquerades a pod reaching itself through its Service (hairpin)', () => {
    const path = natPath(rulesFor({}, 1), tcp('10.244.1.2', CLUSTER_IP, 80), new SeededRandom(1));
    expect(path.verdict.type).toBe('DNAT');
    expect(path.masquerade).toBe(true);
  });

  it('ClientIP affinity keeps a client on its first endpoint', () => {
    const rules = rulesFor({ sessionAffinity: 'ClientIP' }, 5);
    const recent = new RecentTable();
    const rng = new SeededRandom(11);
    const first = natPath(rules, tcp('10.244.3.7', CLUSTER_IP, 80), rng, { recent, now: 0 });
    for (let i = 1; i < 30; i++) {
      const again = natPath(rules, tcp('10.244.3.7', CLUSTER_IP, 80), rng, { recent, now: i * 1000 });
      expect(again.verdict).toEqual(first.verdict);
    }
    // After the timeout (10800 s) the choice is random again: over many clients, more than one endpoint is used.
    const later = new Set<string>();
    for (let i = 0; i < 30; i++) later.add(JSON.stringify(natPath(rules, tcp('10.244.3.7', CLUSTER_IP, 80), rng, { recent, now: 10_801_000 + i * 10_801_000 }).verdict));
    expect(later.size).toBeGreaterThan(1);
  });
});

describe('natPath endpoint choice', () => {
  // Chi-square critical values at p = 0.001 for 1..9 degrees of freedom.
  const CRITICAL = [10.83, 13.82, 16.27, 18.47, 20.52, 22.46, 24.32, 26.12, 27.88];

  it('picks each of n endpoints with probability 1/n (chi-square bound)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, seed) => {
        const rules = rulesFor({}, n);
        const rng = new SeededRandom(seed);
        const counts = new Map<string, number>();
        const walks = 200 * n;
        for (let i = 0; i < walks; i++) {
          const v = natPath(rules, tcp('10.244.1.9', CLUSTER_IP, 80), rng).verdict;
          if (v.type !== 'DNAT') throw new Error(`no DNAT: ${v.type}`);
          counts.set(v.to, (counts.get(v.to) ?? 0) + 1);
        }
        expect(counts.size).toBe(n);
        const expected = walks / n;
        let chi2 = 0;
        for (const c of counts.values()) chi2 += (c - expected) ** 2 / expected;
        expect(chi2).toBeLessThan(CRITICAL[n - 2]!);
      }),
      { numRuns: 15, seed: 20260105 },
    );
  });
});

describe('inCidr', () => {
  it.each([
    ['10.244.1.2', '10.244.0.0/16', true],
    ['10.245.1.2', '10.244.0.0/16', false],
    ['10.96.0.1', '10.96.0.1', true],
    ['10.96.0.1', '10.96.0.1/32', true],
    ['1.2.3.4', '0.0.0.0/0', true],
    ['not-an-ip', '0.0.0.0/0', false],
  ])('%s in %s: %s', (ip, cidr, want) => {
    expect(inCidr(ip, cidr)).toBe(want);
  });
});
