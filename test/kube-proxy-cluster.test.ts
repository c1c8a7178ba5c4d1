import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../src/cluster/api/types';
import { iptables, iptablesSave } from '../src/network/kube-proxy/iptables-command';
import { natPath } from '../src/network/kube-proxy/nat-path';
import { KubeProxy } from '../src/network/kube-proxy/proxier';
import { SeededRandom } from '../src/cluster/random';
import { bootCluster } from './support/cluster-fixture';
import { deploymentManifest } from './support/manifests';

/** kube-proxy's rules on a booted default cluster, kept in step as controllers change it. */
describe('kube-proxy on the default cluster', () => {
  const cluster = bootCluster();
  const ctx = (node: string) => ({ cluster, node });

  it('programs the well-known kubernetes and kube-dns chains on every node', () => {
    for (const node of ['control-plane', 'worker-1', 'worker-2', 'worker-3']) {
      const nat = iptablesSave(['iptables-save', '-t', 'nat'], ctx(node)).stdout;
      expect(nat).toContain(
        '-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y\n',
      );
      expect(nat).toContain('-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment "default/kubernetes:https -> 172.18.0.2:6443" -j KUBE-SEP-');
      expect(nat).toContain(':KUBE-SVC-TCOU7JCQXEZGVUNU - [0:0]');
      expect(nat).toContain(':KUBE-SVC-ERIFXISQEP7F7OF4 - [0:0]');
    }
  });

  it('follows a Deployment and Service as the controllers create, scale and remove their endpoints', () => {
    cluster.api.create(deploymentManifest('web', 3));
    cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    cluster.advance(30_000);
    const chainOf = () => iptables(['iptables', '-t', 'nat', '-S', 'KUBE-SERVICES'], ctx('worker-2')).stdout.match(/"default\/web cluster IP".* -j (KUBE-SVC-\w+)/)?.[1];
    const svcChain = chainOf()!;
    expect(svcChain).toMatch(/^KUBE-SVC-/);
    const jumps = () => iptables(['iptables', '-t', 'nat', '-S', svcChain], ctx('worker-2')).stdout.split('\n').filter((l) => l.includes('-j KUBE-SEP-'));
    expect(jumps()).toHaveLength(3);

    const d = cluster.store.get('Deployment', 'default', 'web') as Deployment;
    cluster.api.update({ ...d, spec: { ...d.spec, replicas: 5 } } as Deployment);
    cluster.advance(30_000);
    expect(jumps()).toHaveLength(5);
    expect(jumps()[0]).toContain('--probability 0.20000000019');

    // Every new connection to the ClusterIP lands on one of the Service's pods.
    const rules = new KubeProxy(cluster.store, cluster.config).rules('worker-2');
    const clusterIP = (cluster.store.get('Service', 'default', 'web') as { spec: { clusterIP: string } }).spec.clusterIP;
    const podIPs = cluster.store
      .list('Pod', 'default')
      .filter((p) => p.metadata.labels?.app === 'web')
      .map((p) => p.status?.podIP);
    const rng = new SeededRandom(5);
    for (let i = 0; i < 50; i++) {
      const v = natPath(rules, { src: '10.244.2.99', dst: clusterIP, dport: 80, proto: 'tcp' }, rng).verdict;
      expect(v.type).toBe('DNAT');
      if (v.type === 'DNAT') expect(podIPs).toContain(v.ip);
    }

    cluster.api.delete('Service', 'default', 'web');
    cluster.advance(30_000);
    expect(chainOf()).toBeUndefined();
    expect(iptablesSave(['iptables-save', '-t', 'nat'], ctx('worker-2')).stdout).not.toContain(svcChain);
  });
});

describe('iptables commands and bad input', () => {
  const cluster = bootCluster();
  const word = fc.oneof(
    fc.constantFrom('-t', 'nat', 'filter', 'mangle', '-L', '-S', '-n', '-nL', '--line-numbers', '--list', '--list-rules', '--table', '-c', 'KUBE-SERVICES', 'INPUT', '-A', '-x', '--', '-'),
    fc.string({ maxLength: 8 }),
  );

  it('never throws and always answers with an exit code iptables uses', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.constantFrom('iptables', 'iptables-save'), (args, prog) => {
        const before = cluster.store.resourceVersion;
        const run = prog === 'iptables' ? iptables : iptablesSave;
        const out = run([prog, ...args], { cluster, node: 'worker-1' });
        expect([0, 1, 2, 3]).toContain(out.exitCode);
        if (out.exitCode === 0) expect(out.stderr).toBe('');
        else expect(out.stderr.length).toBeGreaterThan(0);
        expect(cluster.store.resourceVersion).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
