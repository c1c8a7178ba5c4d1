import { describe, expect, it } from 'vitest';
import { notFound } from '../../cluster/api/errors';
import { lookupResource } from '../../cluster/api/resources';
import type { KubeObject } from '../../cluster/api/types';
import type { GetGroup, GetResult } from '../commands/get';
import { apiError } from '../errors';
import { message } from '../messages';
import type { GetCommand } from '../parse/command';
import { printGet } from './get';
import { NOW, pod, running, service } from './objects.fixture';

const info = (r: string) => lookupResource(r)!;
const web = pod('web', [running('nginx')], { metadata: { labels: { app: 'web' } } });
const svc = service('web', { type: 'ClusterIP', clusterIPs: ['10.96.0.20'], ports: [{ port: 80, protocol: 'TCP' }] });

function result(groups: GetGroup[], command: Partial<GetCommand> = {}, extra: Partial<GetResult> = {}): GetResult {
  const cmd: GetCommand = { verb: 'get', targets: { form: 'types', types: groups.map((g) => g.info), names: [] }, filenames: [], allNamespaces: false, output: '', noHeaders: false, showLabels: false, labelColumns: [], watch: false, ignoreNotFound: false, ...command };
  return { command: cmd, groups, withKind: new Set(groups.map((g) => g.info.kind)).size > 1, singleItem: false, allNamespaced: true, namespace: 'default', warnings: [], now: NOW, ...extra };
}

const text = (r: GetResult) => printGet(r).map((c) => c.text).join('');
const streams = (r: GetResult) => printGet(r).map((c) => c.stream);

describe('printGet', () => {
  it('prints one table per resource, prefixed with the kind and a blank line between', () => {
    expect(text(result([{ info: info('pods'), objects: [web] }, { info: info('services'), objects: [svc] }]))).toBe(
      'NAME      READY   STATUS    RESTARTS   AGE\npod/web   1/1     Running   0          5m\n\n' +
        'NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/web   ClusterIP   10.96.0.20   <none>        80/TCP    5m\n',
    );
  });

  it('keeps the kind prefix when a requested resource had nothing, and skips its table', () => {
    expect(text(result([{ info: info('pods'), objects: [] }, { info: info('services'), objects: [svc] }]))).toBe(
      'NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/web   ClusterIP   10.96.0.20   <none>        80/TCP    5m\n',
    );
  });

  it('leaves out headers and blank lines with --no-headers', () => {
    expect(text(result([{ info: info('pods'), objects: [web] }, { info: info('services'), objects: [svc] }], { noHeaders: true }))).toBe(
      'pod/web   1/1   Running   0     5m\nservice/web   ClusterIP   10.96.0.20   <none>   80/TCP   5m\n',
    );
  });

  it('adds NAMESPACE to namespaced tables with -A, and LABELS with --show-labels', () => {
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', uid: 'n', resourceVersion: '1', creationTimestamp: web.metadata.creationTimestamp }, spec: {} } as KubeObject;
    const r = result([{ info: info('pods'), objects: [web] }, { info: info('nodes'), objects: [node] }], { allNamespaces: true, showLabels: true }, { allNamespaced: false });
    expect(text(r)).toBe(
      'NAMESPACE   NAME      READY   STATUS    RESTARTS   AGE   LABELS\ndefault     pod/web   1/1     Running   0          5m    app=web\n\n' +
        'NAME            STATUS    ROLES    AGE   VERSION   LABELS\nnode/worker-1   Unknown   <none>   5m              <none>\n',
    );
  });

  it('says No resources found on stderr, naming the namespace unless listing across them', () => {
    const empty = result([{ info: info('pods'), objects: [] }]);
    expect(printGet(empty)).toEqual([{ stream: 'stderr', text: 'No resources found in default namespace.\n' }]);
    expect(text(result([{ info: info('pods'), objects: [] }], { allNamespaces: true }, { allNamespaced: false }))).toBe('No resources found\n');
    expect(printGet(result([{ info: info('pods'), objects: [] }], { ignoreNotFound: true }))).toEqual([]);
  });

  it('prints what it found, then errors for what it did not', () => {
    const r = result([{ info: info('pods'), objects: [web] }], {}, { error: { type: 'aggregate', errors: [apiError(notFound(info('pods'), 'db'))] } });
    expect(text(r)).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          5m\nError from server (NotFound): pods "db" not found\n');
    expect(streams(r)).toEqual(['stdout', 'stderr']);
  });

  it('prints warnings first', () => {
    const r = result([{ info: info('endpoints'), objects: [] }], {}, { warnings: [message('endpointsDeprecated')] });
    expect(text(r)).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nNo resources found in default namespace.\n');
  });

  it('prints -o name as kind/name lines, and nothing at all when there is nothing', () => {
    expect(text(result([{ info: info('pods'), objects: [web] }, { info: info('deployments'), objects: [] }], { output: 'name' }))).toBe('pod/web\n');
    expect(printGet(result([{ info: info('pods'), objects: [] }], { output: 'name' }))).toEqual([]);
  });

  it('prints -o yaml as the object when one was named, else as a List', () => {
    const minimal = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { b: '2', a: '1' } } as unknown as KubeObject;
    expect(text(result([{ info: info('configmaps'), objects: [minimal] }], { output: 'yaml' }, { singleItem: true }))).toBe(
      'apiVersion: v1\ndata:\n  a: "1"\n  b: "2"\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: default\n',
    );
    expect(text(result([{ info: info('configmaps'), objects: [] }], { output: 'yaml' }))).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
    expect(text(result([{ info: info('configmaps'), objects: [minimal] }], { output: 'json' }))).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [\n        {\n            "apiVersion": "v1",\n            "data": {\n                "a": "1",\n                "b": "2"\n            },\n            "kind": "ConfigMap",\n            "metadata": {\n                "name": "cfg",\n                "namespace": "default"\n            }\n        }\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });

  it('prints only the error when a single named object is missing with -o yaml', () => {
    const r = result([], { output: 'yaml' }, { singleItem: true, error: apiError(notFound(info('pods'), 'x')) });
    expect(text(r)).toBe('Error from server (NotFound): pods "x" not found\n');
  });
});
