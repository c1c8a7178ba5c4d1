import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../../test/support/cluster-fixture';
import { memoryEnv } from '../commands/env.fixture';
import { runKubectl } from '../kubectl';
import { daemonSetStatusLine, deploymentStatusLine } from './rollout';
import type { DaemonSet, Deployment } from '../../cluster/api/types';

const session = () => {
  const env = memoryEnv(bareCluster());
  return { env, k: (...argv: string[]) => runKubectl(argv, env) };
};

describe('kubectl write-side verbs', () => {
  it('creates from generators and says so on stdout', () => {
    const { env, k } = session();
    expect(k('create', 'deployment', 'web', '--image=nginx', '--replicas=2')).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0, combined: 'deployment.apps/web created\n' });
    expect(env.cluster.store.get('Deployment', 'default', 'web')!.spec.replicas).toBe(2);
    expect(k('-n', 'kube-system', 'create', 'cm', 'x', '--from-literal=a=b').stdout).toBe('configmap/x created\n');
    expect(env.cluster.store.get('ConfigMap', 'kube-system', 'x')!.data).toEqual({ a: 'b' });
    expect(k('create', 'service', 'nodeport', 'np', '--tcp=80:8080', '--node-port=30100').stdout).toBe('service/np created\n');
    expect(env.cluster.store.get('Service', 'default', 'np')!.spec.ports![0]!.nodePort).toBe(30100);
  });

  it("prints kubectl's usage and flag errors, exiting 1", () => {
    const { k } = session();
    expect(k('create', 'deployment', 'web', '--imag=nginx')).toMatchObject({ stderr: "error: unknown flag: --imag\nSee 'kubectl create deployment --help' for usage.\n", exitCode: 1 });
    expect(k('create', 'deployment', 'a', 'b', '--image=nginx').stderr).toBe("error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n");
    expect(k('create', 'service', 'web').stderr).toBe("error: service requires a type: clusterip, nodeport, loadbalancer, externalname\nSee 'kubectl create service -h' for help and examples\n");
    expect(k('run', '--image=nginx').stderr).toBe("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
    expect(k('scale', 'deploy/web', '--replicas=2').stderr).toBe('Error from server (NotFound): deployments.apps "web" not found\n');
    expect(k('label', 'pod/x').stderr).toBe("error: at least one label update is required\nSee 'kubectl label -h' for help and examples\n");
    expect(k('create', 'deploy', 'web', '--image=nginx', '--dry-run=maybe').stderr).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
  });

  it('prints the object a client dry run would send, and creates nothing', () => {
    const { env, k } = session();
    expect(k('create', 'namespace', 'dev', '--dry-run=client', '-o', 'yaml').stdout).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: dev\nspec: {}\nstatus: {}\n',
    );
    expect(k('create', 'namespace', 'dev', '--dry-run=server').stdout).toBe('namespace/dev created (server dry run)\n');
    expect(env.cluster.store.get('Namespace', undefined, 'dev')).toBeUndefined();
  });

  it('never changes the cluster on a dry run, whatever the verb', () => {
    const { env, k } = session();
    k('create', 'deployment', 'web', '--image=nginx', '--port=80');
    k('run', 'solo', '--image=nginx');
    env.cluster.advance(10_000);
    const commands = [
      ['scale', 'deploy/web', '--replicas=4'],
      ['label', 'pod/solo', 'x=y'],
      ['annotate', 'pod/solo', 'x=y'],
      ['set', 'image', 'deploy/web', 'nginx=nginx:2'],
      ['expose', 'deploy/web'],
      ['rollout', 'restart', 'deploy/web'],
      ['create', 'configmap', 'c', '--from-literal=a=b'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...commands), fc.constantFrom('client', 'server'), (argv, mode) => {
        // The stored objects, not the whole snapshot: a server dry run of a Service draws a ClusterIP from the RNG.
        const before = JSON.stringify(env.cluster.store.all());
        const r = k(...argv, `--dry-run=${mode}`);
        return r.exitCode === 0 && JSON.stringify(env.cluster.store.all()) === before;
      }),
      { numRuns: 30 },
    );
  });

  it('exposes a deployment on the port its container declares', () => {
    const { env, k } = session();
    k('create', 'deployment', 'web', '--image=nginx', '--port=8080');
    expect(k('expose', 'deployment', 'web', '--port=80', '--target-port=8080', '--type=NodePort').stdout).toBe('service/web exposed\n');
    const svc = env.cluster.store.get('Service', 'default', 'web')!;
    expect(svc.spec).toMatchObject({ type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] });
    expect(k('expose', 'deployment', 'web', '--name=web2').stdout).toBe('service/web2 exposed\n');
    expect(env.cluster.store.get('Service', 'default', 'web2')!.spec.ports).toMatchObject([{ port: 8080, targetPort: 8080 }]);
    expect(k('expose', 'deployment', 'web', '--name=x', '--type=Internal').stderr).toBe(
      'error: invalid service type "Internal", must be one of ClusterIP, NodePort, LoadBalancer, ExternalName\n',
    );
  });

  it('waits in virtual time, and times out as kubectl does', () => {
    const { env, k } = session();
    k('run', 'solo', '--image=nginx');
    const start = env.cluster.clock.now();
    expect(k('wait', '--for=condition=Ready', 'pod/solo', '--timeout=60s')).toMatchObject({ stdout: 'pod/solo condition met\n', exitCode: 0 });
    expect(env.cluster.clock.now()).toBeGreaterThan(start);
    expect(k('wait', '--for=condition=Nope', 'pod/solo', '--timeout=5s')).toMatchObject({ stderr: 'error: timed out waiting for the condition on pods/solo\n', exitCode: 1 });
    expect(k('wait', '--for=delete', 'pod', '-l', 'run=nobody').stderr).toBe('error: no matching resources found\n');
  });

  it('prints help in kubectl’s layout', () => {
    const { k } = session();
    const help = k('scale', '--help').stdout;
    expect(help.startsWith('Set a new size for a deployment or replica set.\n\nExamples:\n  # ')).toBe(true);
    expect(help).toContain('\nUsage:\n  kubectl scale --replicas=COUNT (-f FILENAME | TYPE NAME | TYPE/NAME) [options]\n');
  });
});

describe('rollout status text', () => {
  const d = (status: Deployment['status'], replicas = 3, generation = 2): Deployment =>
    ({ kind: 'Deployment', metadata: { name: 'web', generation }, spec: { replicas }, status: { observedGeneration: 2, ...status } }) as unknown as Deployment;
  it('follows the rollout as kubectl words it', () => {
    expect(deploymentStatusLine(d({}, 3, 3))).toEqual({ text: 'Waiting for deployment spec update to be observed...', done: false });
    expect(deploymentStatusLine(d({ updatedReplicas: 1, replicas: 3 }))).toEqual({ text: 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...', done: false });
    expect(deploymentStatusLine(d({ updatedReplicas: 3, replicas: 4 }))).toEqual({ text: 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...', done: false });
    expect(deploymentStatusLine(d({ updatedReplicas: 3, replicas: 3, availableReplicas: 1 }))).toEqual({ text: 'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...', done: false });
    expect(deploymentStatusLine(d({ updatedReplicas: 3, replicas: 3, availableReplicas: 3 }))).toEqual({ text: 'deployment "web" successfully rolled out', done: true });
  });

  it('follows a daemon set rollout as kubectl words it', () => {
    const ds = (status: Partial<NonNullable<DaemonSet['status']>>, type: 'RollingUpdate' | 'OnDelete' = 'RollingUpdate'): DaemonSet =>
      ({ kind: 'DaemonSet', metadata: { name: 'agent', generation: 1 }, spec: { updateStrategy: { type } }, status: { observedGeneration: 1, desiredNumberScheduled: 4, ...status } }) as unknown as DaemonSet;
    expect(daemonSetStatusLine(ds({ updatedNumberScheduled: 2 }))).toEqual({ text: 'Waiting for daemon set "agent" rollout to finish: 2 out of 4 new pods have been updated...', done: false });
    expect(daemonSetStatusLine(ds({ updatedNumberScheduled: 4, numberAvailable: 3 }))).toEqual({ text: 'Waiting for daemon set "agent" rollout to finish: 3 of 4 updated pods are available...', done: false });
    expect(daemonSetStatusLine(ds({ updatedNumberScheduled: 4, numberAvailable: 4 }))).toEqual({ text: 'daemon set "agent" successfully rolled out', done: true });
    expect(daemonSetStatusLine(ds({}, 'OnDelete'))).toEqual({ error: { id: 'rolloutOnlyRollingUpdate', args: [] } });
  });
});

describe('kubectl logs', () => {
  it("prints the image's startup lines once the container runs, honouring --tail", () => {
    const { env, k } = session();
    k('run', 'web', '--image=nginx:1.27');
    expect(k('logs', 'web')).toMatchObject({ stderr: 'Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n', exitCode: 1 });
    env.cluster.advance(30_000);
    const started = env.cluster.store.get('Pod', 'default', 'web')!.status!.containerStatuses![0]!.state as { running: { startedAt: string } };
    const t = started.running.startedAt.replace('T', ' ').replace('Z', '').replace(/-/g, '/');
    const lines = k('logs', 'web').stdout.split('\n');
    expect(lines[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(lines).toContain(`${t} [notice] 1#1: nginx/1.27.5`);
    expect(k('logs', 'web', '--tail=1', '-f').stdout).toBe(`${t} [notice] 1#1: start worker process 30\n`);
    expect(k('logs', 'web', '--tail=0').stdout).toBe('');
    expect(k('logs').stderr).toBe("error: expected POD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
  });

  it('-l prints each matching pod in name order, the last 10 lines each unless --tail says otherwise', () => {
    const { env, k } = session();
    k('run', 'b', '--image=nginx:1.27', '--labels=app=web');
    k('run', 'a', '--image=nginx:1.27', '--labels=app=web');
    k('run', 'other', '--image=nginx:1.27');
    env.cluster.advance(30_000);
    const whole = (pod: string) => k('logs', pod).stdout.split('\n').slice(0, -1);
    expect(whole('a').length).toBeGreaterThan(10);
    const last = (pod: string, n: number) => whole(pod).slice(-n).map((l) => `${l}\n`).join('');
    expect(k('logs', '-l', 'app=web').stdout).toBe(last('a', 10) + last('b', 10));
    expect(k('logs', '-l', 'app=web', '--tail=1').stdout).toBe(last('a', 1) + last('b', 1));
    expect(k('logs', '-l', 'app=nope')).toMatchObject({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(k('logs', 'a', '-l', 'app=web')).toMatchObject({ stderr: "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n", exitCode: 1 });
  });
});

describe('kubectl explain and help', () => {
  it('lists the fields of a kind or of a field path, with their types', () => {
    const { k } = session();
    const svc = k('explain', 'svc').stdout;
    expect(svc.startsWith('KIND:       Service\nVERSION:    v1\n\nDESCRIPTION:\n')).toBe(true);
    expect(svc.endsWith('FIELDS:\n  apiVersion\t<string>\n  kind\t<string>\n  metadata\t<ObjectMeta>\n  spec\t<ServiceSpec>\n  status\t<ServiceStatus>\n\n')).toBe(true);
    expect(k('explain', 'pod.spec.containers').stdout).toContain('\nFIELD: containers <[]Container>\n\n');
    expect(k('explain', 'pod.spec.nope')).toMatchObject({ stderr: 'error: field "nope" does not exist\n', exitCode: 1 });
    expect(k('explain', 'widgets').stderr).toBe('error: the server doesn\'t have a resource type "widgets"\n');
  });

  it('answers `kubectl help VERB` like `kubectl VERB --help`', () => {
    const { k } = session();
    expect(k('help', 'label').stdout).toBe(k('label', '--help').stdout);
    expect(k('label', '--help').stdout).toContain('Usage:\n  kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [options]\n');
  });
});

describe('bad input to the write-side verbs', () => {
  it('never throws or reports a simulation defect, whatever the arguments', () => {
    const { env, k } = session();
    k('create', 'deployment', 'web', '--image=nginx', '--port=80');
    env.cluster.advance(10_000);
    const verbs = [['create', 'deployment'], ['create', 'service', 'nodeport'], ['create', 'configmap'], ['run'], ['expose'], ['scale'], ['label'], ['annotate'], ['set', 'image'], ['rollout', 'status'], ['rollout', 'undo'], ['rollout', 'history'], ['wait'], ['logs'], ['explain'], ['config'], ['help']];
    const tokens = ['web', 'deploy/web', 'pod', 'svc', 'x=', '=y', 'a=b', 'a-', '-', '--', '--image=', '--port=-5', '--port=abc', '--replicas=-1', '--tcp=1:2:3', '--tcp=', '--for=', '--for=condition=', '--timeout=1x', '--timeout=0', '-l', '!a', '--all', '--overwrite', '-o', 'yaml', '--dry-run=client', '--to-revision=99', 'nginx=', '*=busybox', '-c', 'deploy.spec.x', '--tail=-3'];
    fc.assert(
      fc.property(fc.constantFrom(...verbs), fc.array(fc.constantFrom(...tokens), { maxLength: 6 }), (verb, args) => {
        const r = k(...verb, ...args);
        return (r.exitCode === 0 || r.exitCode === 1) && !r.combined.includes('Podlab bug');
      }),
      { numRuns: 300 },
    );
  });
});
