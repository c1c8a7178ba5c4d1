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
