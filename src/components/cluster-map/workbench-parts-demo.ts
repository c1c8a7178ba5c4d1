/**
 * Wiring for src/pages/dev/workbench-parts.astro, a page for trying the
 * editor and the cluster map on their own: a cluster booted in the tab, a
 * one-line stand-in terminal (the real one is the lesson workbench's), the
 * editor whose Apply types `kubectl apply -f FILE` into it, and the map.
 * The demo trace is made up from what is on the map, to show the overlay.
 */
import imagesYaml from '../../../content/images.yaml?raw';
import defaultScenario from '../../../content/scenarios/default.yaml?raw';
import { Cluster } from '../../cluster/cluster';
import { parseImageCatalogue } from '../../cluster/images/catalogue';
import { parseScenario } from '../../cluster/scenario';
import { createSession, runLine } from '../../shell/session';
import { mountEditor } from '../editor/mount-editor';
import { mountClusterMap, type MapTrace } from './mount-cluster-map';
import type { Pod, Service } from '../../cluster/api/types';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 80
`;
const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
`;

export function startWorkbenchPartsDemo(root: HTMLElement): void {
  const q = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  const cluster = Cluster.create({ scenario: parseScenario(defaultScenario, 'default.yaml'), seed: 1, catalogue: parseImageCatalogue(imagesYaml) });

  const editor = mountEditor(q('[data-part=editor]'), {
    files: [
      { path: 'web.yaml', text: WEB },
      { path: 'svc.yaml', text: SVC },
    ],
    onApply: (path) => run(`kubectl apply -f ${path}`),
  });
  const session = createSession(cluster, {
    readFile: (path) => editor.getFiles().find((f) => f.path === path.replace(/^\.\//, ''))?.text,
    listDir: (path) => (path === '.' || path === '' ? editor.getFiles().map((f) => f.path) : undefined),
  });

  const terminal = q<HTMLFormElement>('[data-part=terminal]');
  const output = q<HTMLPreElement>('[data-part=terminal] pre');
  const input = q<HTMLInputElement>('[data-part=terminal] input');
  const run = (line: string): void => {
    const result = runLine(line, session);
    output.textContent += `$ ${line}\n${result.output}`;
    output.scrollTop = output.scrollHeight;
  };
  terminal.addEventListener('submit', (e) => {
    e.preventDefault();
    run(input.value);
    input.value = '';
  });
  terminal.dataset.ready = 'true';

  const map = mountClusterMap(q('[data-part=map]'), cluster.store);
  // One virtual second a real second, so the map shows pods coming up.
  setInterval(() => cluster.advance(1000), 1000);

  q('[data-part=trace]').addEventListener('click', () => map.setTrace(demoTrace(cluster)));
  q('[data-part=clear-trace]').addEventListener('click', () => map.setTrace(undefined));
}

/** A made-up client → Service → pod path over what exists, to show the overlay. */
function demoTrace(cluster: Cluster): MapTrace | undefined {
  const svc = cluster.store.get('Service', 'default', 'web') as Service | undefined;
  const pods = cluster.store.list('Pod', 'default').filter((p: Pod) => p.status?.podIP);
  const client = pods[0];
  const target = pods[pods.length - 1];
  if (!svc || !client || !target) return undefined;
  const ip = svc.spec.clusterIP!;
  return {
    hops: [
      { kind: 'dns', serviceIP: ip, label: `web.default.svc.cluster.local → ${ip}` },
      { kind: 'rule', node: client.spec.nodeName, label: 'KUBE-SERVICES (demo)' },
      { kind: 'dnat', serviceIP: ip, label: `DNAT → ${target.status!.podIP}:80` },
      { kind: 'route', node: target.spec.nodeName, label: `route to ${target.spec.nodeName}` },
      { kind: 'answer', podIP: target.status!.podIP, label: 'HTTP 200' },
    ],
  };
}
