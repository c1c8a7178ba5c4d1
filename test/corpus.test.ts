import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DECODE_SHAPES, decodeObject } from '../src/cluster/api/decode';
import type { Cluster } from '../src/cluster/cluster';
import { runKubectl } from '../src/kubectl/kubectl';
import { bootCluster } from './support/cluster-fixture';

/**
 * Every example manifest of the Kubernetes documentation in the shared
 * corpus must apply as on a real cluster. The corpus is not part of this
 * repository (the project's own fixtures are); where it is not beside the
 * checkout and PODLAB_CORPUS does not name it, these checks are skipped.
 */
const corpus = process.env.PODLAB_CORPUS ? `${process.env.PODLAB_CORPUS.replace(/\/$/, '')}/` : fileURLToPath(new URL('../../shared/corpus/manifests/', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => (statSync(`${dir}${e}`).isDirectory() ? yamlFiles(`${dir}${e}/`) : e.endsWith('.yaml') ? [`${dir}${e}`] : []));
}

/**
 * Every object the cluster keeps, of a kind a manifest can create, must
 * decode strictly again, as `kubectl get -o yaml | kubectl apply -f -`
 * (or `kubectl edit`) sends it back: the simulation writes no field the
 * API types lack.
 */
function expectStoredObjectsDecode(cluster: Cluster): void {
  for (const obj of cluster.store.all()) {
    if (!(obj.kind in DECODE_SHAPES)) continue;
    expect(() => decodeObject(JSON.parse(JSON.stringify(obj))), `${obj.kind} ${obj.metadata.name}`).not.toThrow();
  }
}

describe('objects the cluster keeps', () => {
  it('decode strictly, from the start and once things have run', () => {
    for (const scenario of ['default', 'ipvs', 'metallb']) {
      const cluster = bootCluster(scenario);
      expectStoredObjectsDecode(cluster);
      cluster.advance(60_000);
      expectStoredObjectsDecode(cluster);
    }
  });
});

describe.skipIf(!existsSync(corpus))('kubernetes.io example manifests', () => {
  const files = existsSync(corpus) ? yamlFiles(corpus) : [];
  it.each(files.map((f) => [f.slice(corpus.length), f]))('%s applies', (_name, file) => {
    const cluster = bootCluster();
    const text = readFileSync(file, 'utf8');
    // The docs have the reader create the example's namespace first (`kubectl create namespace qos-example`).
    for (const m of text.matchAll(/namespace:\s*"?([a-z0-9-]+)"?/g)) {
      const ns = m[1]!;
      if (!cluster.store.get('Namespace', undefined, ns)) runKubectl(['apply', '-f', 'ns.yaml'], { cluster, readFile: () => `{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"${ns}"}}`, listDir: () => undefined });
    }
    const result = runKubectl(['apply', '-f', 'm.yaml'], { cluster, readFile: () => text, listDir: () => undefined });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    cluster.advance(30_000);
    expectStoredObjectsDecode(cluster);
    expectPodsAsOnARealCluster(cluster);
  });
});

/**
 * Pods the docs' manifests make run as on a real cluster: every image is
 * pulled (none in ErrImagePull/ImagePullBackOff), servers run and turn Ready,
 * containers whose command exits complete. Only the learner's pods (not
 * kube-system) count; init containers and probes the example means to fail
 * are the docs' point and are left alone.
 */
function expectPodsAsOnARealCluster(cluster: Cluster): void {
  for (const obj of cluster.store.all()) {
    if (obj.kind !== 'Pod' || obj.metadata.namespace === 'kube-system') continue;
    const pod = obj as unknown as { metadata: { name: string }; spec: { nodeName?: string; containers: { image?: string; livenessProbe?: unknown; readinessProbe?: unknown }[]; restartPolicy?: string }; status?: { phase?: string; conditions?: { type: string; reason?: string }[]; containerStatuses?: { name: string; ready: boolean; state: { waiting?: { reason?: string }; running?: object; terminated?: { reason?: string } } }[] } };
    const name = pod.metadata.name;
    for (const s of pod.status?.containerStatuses ?? []) {
      expect(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName'], `${name}/${s.name}`).not.toContain(s.state.waiting?.reason);
    }
    // Examples whose probes are meant to fail (liveness restarts) or whose pods stay pending are not judged further.
    if (pod.spec.containers.some((c) => c.livenessProbe || c.readinessProbe)) continue;
    // A pod bound to a node that does not exist (pod-nginx-specific-node.yaml's foo-node) is never
    // started: it stays as the apiserver created it, Pending.
    // So is one no node fits (pod-nginx.yaml's nodeSelector disktype=ssd, until a node is labelled).
    const unschedulable = pod.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable');
    if ((pod.spec.nodeName && !cluster.store.get('Node', undefined, pod.spec.nodeName)) || unschedulable) {
      expect(pod.status?.phase, name).toBe('Pending');
      continue;
    }
    expect(['Running', 'Succeeded'], name).toContain(pod.status?.phase);
    for (const s of pod.status?.containerStatuses ?? []) {
      const ok = (s.state.running !== undefined && s.ready) || s.state.terminated?.reason === 'Completed' || (s.state.waiting?.reason === 'CrashLoopBackOff' && pod.spec.restartPolicy !== 'Never');
      expect(ok, `${name}/${s.name}: ${JSON.stringify(s.state)}`).toBe(true);
    }
  }
}
