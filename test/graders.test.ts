import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { graders } from '../graders/index';
import { grade, type Grader } from '../src/grading/grader';
import { createSession, runLine } from '../src/shell/session';
import { bootCluster } from './support/cluster-fixture';
import type { Cluster } from '../src/cluster/cluster';

const workspace = fileURLToPath(new URL('../lessons/01-pod-ips/', import.meta.url));
const files = {
  readFile: (path: string) => {
    try {
      return readFileSync(`${workspace}${path}`, 'utf8');
    } catch {
      return undefined;
    }
  },
  listDir: () => undefined,
};

function grader(id: string): Grader {
  const g = graders.get(id);
  if (!g) throw new Error(`no grader ${id}`);
  return g;
}

function run(cluster: Cluster, lines: string[]): void {
  const session = createSession(cluster, files);
  for (const line of lines) runLine(line, session);
}

function failing(id: string, cluster: Cluster): string[] {
  return grade(grader(id), cluster).checks.filter((c) => !c.pass).map((c) => c.id);
}

describe('lesson 1 graders', () => {
  it('every grader id is <lesson>/<exercise> and check ids are unique within it', () => {
    for (const [id, g] of graders) {
      expect(id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(new Set(g.checks.map((c) => c.id)).size).toBe(g.checks.length);
    }
  });

  it('pod-ips/deploy fails on the starting cluster and passes after its solution', () => {
    const cluster = bootCluster('default', 1);
    expect(failing('pod-ips/deploy', cluster)).toEqual(['deployment', 'running', 'spread', 'ips']);
    run(cluster, ['kubectl apply -f web.yaml']);
    expect(failing('pod-ips/deploy', cluster)).toEqual(['running']);
    run(cluster, grader('pod-ips/deploy').solution);
    expect(grade(grader('pod-ips/deploy'), cluster).passed).toBe(true);
  });

  it('pod-ips/deploy says how many replicas were asked for when it is not three', () => {
    const cluster = bootCluster('default', 1);
    run(cluster, ['kubectl apply -f web.yaml', 'sleep 5']);
    cluster.api.update({ ...cluster.store.get('Deployment', 'default', 'web')!, spec: { ...cluster.store.get('Deployment', 'default', 'web')!.spec, replicas: 2 } });
    const report = grade(grader('pod-ips/deploy'), cluster);
    expect(report.checks[0]).toMatchObject({ pass: false, feedback: 'Deployment "web" asks for 2 replicas; this exercise wants 3.' });
  });

  it('pod-ips/replace fails until a pod is replaced and Ready, then passes', () => {
    const cluster = bootCluster('default', 1);
    run(cluster, grader('pod-ips/deploy').solution);
    expect(failing('pod-ips/replace', cluster)).toEqual(['replaced', 'ready-again', 'new-ip']);
    const first = cluster.store.list('Pod', 'default')[0]!;
    run(cluster, [`kubectl delete pod ${first.metadata.name}`]);
    expect(failing('pod-ips/replace', cluster)).toEqual(['ready-again']);
    run(cluster, ['sleep 5']);
    const report = grade(grader('pod-ips/replace'), cluster);
    expect(report.passed).toBe(true);
    expect(report.checks[2]!.feedback).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5} got 10\.244\.\d\.\d+ on worker-\d: a new pod, a new IP\.$/);
  });

  it('pod-ips/replace passes after its own solution', () => {
    const cluster = bootCluster('default', 1);
    run(cluster, grader('pod-ips/deploy').solution);
    run(cluster, grader('pod-ips/replace').solution);
    expect(grade(grader('pod-ips/replace'), cluster).passed).toBe(true);
  });

  it('a check that throws is reported as failed, not thrown', () => {
    const broken: Grader = { id: 'x/y', title: 't', hints: [], solution: [], checks: [{ id: 'c', title: 'c', run: () => { throw new Error('boom'); } }] };
    expect(grade(broken, bootCluster()).checks[0]).toEqual({ id: 'c', title: 'c', pass: false, feedback: 'This check failed to run: boom' });
  });
});
