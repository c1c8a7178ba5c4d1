import type { Cluster } from '../cluster/cluster';
import { bootCluster } from '../../test/support/cluster-fixture';
import { deploymentManifest } from '../../test/support/manifests';

/** Manifests and a booted cluster the network tests share. */

export const svc = (name: string, spec: Record<string, unknown>, namespace = 'default') => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec });

export const pod = (name: string, spec: Record<string, unknown>, labels: Record<string, string> = {}, namespace = 'default') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec,
});

export const sleeper = (name: string, image = 'busybox:1.36', extra: Record<string, unknown> = {}) =>
  pod(name, { containers: [{ name: name, image, command: ['sleep', '3600'] }], ...extra });

/**
 * The default kind-like cluster with: `web` (3 nginx pods) behind a
 * ClusterIP Service `web` (80/http) and a NodePort `web-np`; `echo`
 * (http-echo on 5678) behind a headless Service; `empty` (no endpoints);
 * `ext` (ExternalName); `db` (headless) with pod `db-0` (hostname db-0,
 * subdomain db, agnhost netexec); a busybox `client` and a netshoot `shoot`.
 */
export function networkCluster(seed = 7): Cluster {
  const c = bootCluster('default', seed);
  const create = (m: Record<string, unknown>) => c.api.create(m);
  create(deploymentManifest('web', 3, 'nginx:1.27.5'));
  create(svc('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 80 }] }));
  create(svc('web-np', { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 80, nodePort: 30080 }] }));
  create(deploymentManifest('echo', 2, 'hashicorp/http-echo:1.0', { args: ['-text=hello from echo'] }));
  create(svc('echo', { clusterIP: 'None', selector: { app: 'echo' }, ports: [{ name: 'http', port: 5678 }] }));
  create(svc('empty', { selector: { app: 'nothing' }, ports: [{ name: 'http', port: 80 }] }));
  create(svc('ext', { type: 'ExternalName', externalName: 'worker-1' }));
  create(svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'http', port: 8080 }] }));
  create(pod('db-0', { hostname: 'db-0', subdomain: 'db', containers: [{ name: 'agnhost', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', args: ['netexec'] }] }, { app: 'db' }));
  create(sleeper('client'));
  create(sleeper('shoot', 'nicolaka/netshoot'));
  c.advance(30_000);
  return c;
}
