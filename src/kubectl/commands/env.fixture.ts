import type { Cluster } from '../../cluster/cluster';
import type { KubectlEnv } from '../env';

/** A kubectl env over an in-memory workspace: paths ending in `/` are folders of the files under them. */
export function memoryEnv(cluster: Cluster, files: Record<string, string> = {}): KubectlEnv {
  const clean = (p: string) => p.replace(/\/+$/, '');
  return {
    cluster,
    readFile: (path) => files[path],
    listDir(path) {
      const prefix = `${clean(path)}/`;
      const entries = Object.keys(files)
        .filter((f) => f.startsWith(prefix))
        .map((f) => f.slice(prefix.length))
        .filter((f) => !f.includes('/'));
      return entries.length > 0 ? entries : undefined;
    },
  };
}

export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

export const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
  - port: 80
`;

export function podManifest(name: string, labels: Record<string, string> = {}): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } });
}
