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
  });
});
