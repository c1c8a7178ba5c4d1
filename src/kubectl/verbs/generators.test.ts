import { describe, expect, it } from 'vitest';
import { containerNameFor, deploymentFor, podFor, servicePortsFor } from './generators';

describe('kubectl generators', () => {
  it('names the container after the image, without registry, tag or digest', () => {
    expect(containerNameFor('nginx')).toBe('nginx');
    expect(containerNameFor('nginx:1.27')).toBe('nginx');
    expect(containerNameFor('registry.example:5000/team/api_server:2.1')).toBe('api-server');
    expect(containerNameFor('busybox@sha256:abc')).toBe('busybox');
  });

  it('builds a deployment selecting app=NAME, with the port only when given', () => {
    expect(deploymentFor({ name: 'web', images: ['nginx:1.27'], replicas: 3, port: -1 })).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
    });
    expect(deploymentFor({ name: 'web', images: ['nginx'], replicas: 1, port: 80 }).spec.template.spec.containers[0]!.ports).toEqual([{ containerPort: 80 }]);
  });

  it('reads --tcp port pairs, naming each port after its spec', () => {
    expect(servicePortsFor(['80:8080', '443'], undefined)).toEqual([
      { name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 },
      { name: '443', protocol: 'TCP', port: 443, targetPort: 443 },
    ]);
    expect(servicePortsFor(['80:80'], 30080)).toEqual([{ name: '80-80', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 }]);
    expect(servicePortsFor(['80:http:1'], undefined)).toBe('80:http:1');
    expect(servicePortsFor(['web'], undefined)).toBe('web');
  });

  it('builds a run pod labelled run=NAME, args or command from after --', () => {
    const base = { name: 'box', image: 'busybox', env: [], args: ['sleep', '60'], command: false, restart: 'Never' as const };
    expect(podFor(base)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'box', labels: { run: 'box' } },
      spec: { containers: [{ name: 'box', image: 'busybox', args: ['sleep', '60'] }], dnsPolicy: 'ClusterFirst', restartPolicy: 'Never' },
    });
    expect(podFor({ ...base, command: true }).spec.containers[0]!.command).toEqual(['sleep', '60']);
  });
});

describe('kubectl create configmap --from-file', () => {
  it('stores a file under its base name or the given key, a folder file by file, and says what create_configmap.go says on errors', async () => {
    const { memoryEnv } = await import('../commands/env.fixture');
    const { bareCluster } = await import('../../../test/support/cluster-fixture');
    const { runKubectl } = await import('../kubectl');
    const env = memoryEnv(bareCluster(), { 'default.conf': 'server {}\n', 'conf/a.conf': 'a\n', 'conf/b.conf': 'b\n' });
    const k = (...argv: string[]) => runKubectl(argv, env);
    expect(k('create', 'configmap', 'nginxconfigmap', '--from-file=default.conf').stdout).toBe('configmap/nginxconfigmap created\n');
    expect(env.cluster.store.get('ConfigMap', 'default', 'nginxconfigmap')!.data).toEqual({ 'default.conf': 'server {}\n' });
    k('create', 'configmap', 'keyed', '--from-file=nginx.conf=default.conf');
    expect(env.cluster.store.get('ConfigMap', 'default', 'keyed')!.data).toEqual({ 'nginx.conf': 'server {}\n' });
    k('create', 'configmap', 'folder', '--from-file=conf');
    expect(env.cluster.store.get('ConfigMap', 'default', 'folder')!.data).toEqual({ 'a.conf': 'a\n', 'b.conf': 'b\n' });
    expect(k('create', 'configmap', 'x', '--from-file=nope.conf')).toMatchObject({ stderr: 'error: error reading nope.conf: no such file or directory\n', exitCode: 1 });
    expect(k('create', 'configmap', 'y', '--from-file=a=default.conf', '--from-literal=a=b').stderr).toBe(
      'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "y"\n',
    );
  });
});
