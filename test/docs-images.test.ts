import { describe, expect, it } from 'vitest';
import { testCatalogue } from './support/cluster-fixture';

/**
 * The images of the kubernetes.io example manifests and tutorials, as the
 * catalogue (content/images.yaml) says they behave: what listens, what exits.
 */
describe('docs images in the catalogue', () => {
  const catalogue = testCatalogue();
  const behaviour = (image: string, command?: string[], args?: string[]) => catalogue.behaviour({ image, command, args });
  const ports = (image: string) => behaviour(image)!.listeners.map((l) => l.port);

  it.each([
    ['gcr.io/google-samples/hello-app:1.0', [8080]],
    ['gcr.io/google-samples/hello-go-gke:1.0', [80]],
    ['gcr.io/google-samples/hello-frontend:1.0', [80]],
    ['mongo:4.2', [27017]],
    ['docker.io/redis:6.0.5', [6379]],
    ['us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower:v2', [6379]],
    ['docker.io/corelab/gb-frontend:v5', [80]],
    ['registry.k8s.io/goproxy:0.1', [8080]],
    ['bprashanth/nginxhttps:1.0', [80, 443]],
    ['gcr.io/google-samples/kubernetes-bootcamp:v1', [8080]],
    ['registry.k8s.io/echoserver:1.10', [8080]],
    ['k8s.gcr.io/fluentd-elasticsearch:1.20', []],
  ])('%s runs and listens on %j', (image, expected) => {
    expect(behaviour(image)!.exitsAfterSeconds).toBeUndefined();
    expect(ports(image)).toEqual(expected);
  });

  it('runs the stress images until stopped, with no listener', () => {
    const vish = behaviour('vish/stress', undefined, ['-cpus', '2'])!;
    const polinux = behaviour('polinux/stress', ['stress'], ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'])!;
    for (const b of [vish, polinux]) {
      expect(b.exitsAfterSeconds).toBeUndefined();
      expect(b.listeners).toEqual([]);
    }
  });

  it('lets debian commands exit, and ships no network tools in it', () => {
    expect(behaviour('debian', ['printenv'], ['HOSTNAME', 'KUBERNETES_PORT'])!.exitsAfterSeconds).toBe(0);
    const tools = catalogue.lookup('debian')!.tools;
    expect(tools).toContain('bash');
    for (const t of ['ping', 'curl', 'nslookup', 'ip', 'wget']) expect(tools).not.toContain(t);
  });

  it('gives registry.k8s.io/busybox the tools of docker.io busybox, and jessie-dnsutils BIND tools', () => {
    expect(catalogue.lookup('registry.k8s.io/busybox:1.27.2')!.tools).toEqual(catalogue.lookup('busybox')!.tools);
    expect(catalogue.lookup('registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3')!.tools).toEqual(expect.arrayContaining(['nslookup', 'dig', 'host']));
  });
});
