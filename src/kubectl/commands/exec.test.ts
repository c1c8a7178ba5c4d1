import { describe, expect, it } from 'vitest';
import { bootCluster } from '../../../test/support/cluster-fixture';
import { runKubectl } from '../kubectl';
import { memoryEnv } from './env.fixture';

const kubectl = (line: string, env = memoryEnv(bootCluster())) => runKubectl(line.split(' '), env);

describe('kubectl exec, run and debug', () => {
  it('run creates a pod labelled run=NAME, or attaches with -it', () => {
    const env = memoryEnv(bootCluster());
    expect(kubectl('run web --image=nginx --port=80', env)).toMatchObject({ stdout: 'pod/web created\n', exitCode: 0 });
    const pod = env.cluster.store.get('Pod', 'default', 'web')!;
    expect(pod.metadata.labels).toEqual({ run: 'web' });
    expect(pod.spec.containers[0]).toMatchObject({ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] });
    const attached = kubectl('run tmp -it --rm --image=busybox --restart=Never -- sh', env);
    expect(attached.attach).toMatchObject({ verb: 'run', argv: ['sh'], stdin: true, tty: true, removeOnExit: true, target: { kind: 'pod', pod: 'tmp', container: 'tmp' } });
    expect(env.cluster.store.get('Pod', 'default', 'tmp')?.status?.phase).toBe('Running');
  });

  it('run refuses what kubectl refuses', () => {
    expect(kubectl('run web')).toMatchObject({ stderr: 'error: required flag(s) "image" not set\n', exitCode: 1 });
    expect(kubectl('run --image=nginx')).toMatchObject({ stderr: "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n", exitCode: 1 });
    expect(kubectl('run web --image=nginx --restart=Sometimes')).toMatchObject({ stderr: "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n", exitCode: 1 });
    expect(kubectl('run web --image=nginx --expose')).toMatchObject({ stderr: 'error: "kubectl run --expose" is not available in this simulated cluster\n', exitCode: 1 });
  });

  it('run -it gives up when the pod never runs, as --pod-running-timeout does', () => {
    expect(kubectl('run x -it --image=ngnix -- sh')).toMatchObject({ stderr: 'error: timed out waiting for the condition\n', exitCode: 1 });
  });

  it('exec names the container it defaulted to among several', () => {
    const env = memoryEnv(bootCluster(), {
      'two.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\nspec:\n  containers:\n  - name: a\n    image: busybox\n    command: ["sleep", "3600"]\n  - name: b\n    image: nginx\n',
    });
    kubectl('apply -f two.yaml', env);
    env.cluster.advance(10_000);
    const r = kubectl('exec two -- ls', env);
    expect(r.stderr).toBe('Defaulted container "a" out of: a, b\n');
    expect(r.attach).toMatchObject({ verb: 'exec', argv: ['ls'], target: { container: 'a', image: 'busybox' } });
    expect(kubectl('exec -c b two -- ls', env).attach?.target).toMatchObject({ container: 'b', image: 'nginx' });
  });

  it('debug starts a node-debugger pod on the node, on its network', () => {
    const env = memoryEnv(bootCluster());
    const r = kubectl('debug node/worker-1 -it --image=busybox', env);
    const name = /node-debugger-worker-1-[bcdfghjklmnpqrstvwxz2456789]{5}/.exec(r.stderr)![0];
    expect(r.stderr).toBe(`Creating debugging pod ${name} with container debugger on node worker-1.\nIf you don't see a command prompt, try pressing enter.\n`);
    expect(env.cluster.store.get('Pod', 'default', name)!.spec).toMatchObject({ nodeName: 'worker-1', hostNetwork: true });
    expect(kubectl('debug node/nope -it --image=busybox')).toMatchObject({ stderr: 'Error from server (NotFound): nodes "nope" not found\n', exitCode: 1 });
    expect(kubectl('debug web -it --image=busybox')).toMatchObject({ stderr: 'error: "kubectl debug POD (ephemeral containers)" is not available in this simulated cluster\n', exitCode: 1 });
  });

  it('exec reaches a workload through its most active pod', () => {
    const env = memoryEnv(bootCluster(), { 'web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: { app: web }\n  template:\n    metadata:\n      labels: { app: web }\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n' });
    kubectl('apply -f web.yaml', env);
    env.cluster.advance(10_000);
    const first = env.cluster.store.list('Pod', 'default').map((p) => p.metadata.name).sort()[0];
    expect(kubectl('exec deploy/web -- ls', env).attach?.target).toMatchObject({ pod: first, container: 'nginx' });
    expect(kubectl('exec deploy/nope -- ls', env)).toMatchObject({ stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
    expect(kubectl('exec svc/web -- ls', env)).toMatchObject({ stderr: 'error: "kubectl exec svc/NAME" is not available in this simulated cluster\n', exitCode: 1 });
  });
});
