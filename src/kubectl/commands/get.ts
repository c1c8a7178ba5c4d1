import { kindPrefix, lookupResource, type ResourceInfo } from '../../cluster/api/resources';
import type { KubeObject } from '../../cluster/api/types';
import { EventRecorder } from '../../cluster/runtime/event-recorder';
import { flag, boolFlag, type ParsedArgs } from '../args';
import type { KubectlEnv, Output } from '../context';
import { messages } from '../messages';
import { age } from '../printers/age';
import { COLUMNS } from '../printers/columns';
import { toJson, toYaml } from '../printers/output';
import { formatTable } from '../printers/table';
import { matchesLabelQuery, parseLabelQuery } from '../selector';
import { formatApiError } from '../messages';
import { notFound } from '../../cluster/api/errors';

/** `kubectl get all` lists these, in this order. */
const ALL = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets'];

interface Request {
  info: ResourceInfo;
  names: string[];
}

/** Turns `pods`, `po web db`, `pod/web`, `deploy,svc` into typed requests; an error text for an unknown type. */
function parseTargets(positional: string[]): { requests: Request[]; error?: string } {
  const requests: Request[] = [];
  if (positional.length === 0) return { requests, error: messages.needResource() };
  if (positional[0]!.includes('/')) {
    for (const arg of positional) {
      const [type, name] = arg.split('/', 2) as [string, string];
      const info = lookupResource(type);
      if (!info) return { requests, error: messages.unknownResourceType(type) };
      requests.push({ info, names: [name] });
    }
    return { requests };
  }
  const [types, ...names] = positional;
  for (const t of types!.split(',')) {
    if (t === 'all') {
      for (const a of ALL) requests.push({ info: lookupResource(a)!, names });
      continue;
    }
    const info = lookupResource(t);
    if (!info) return { requests, error: messages.unknownResourceType(t) };
    requests.push({ info, names });
  }
  return { requests };
}

export function runGet(args: ParsedArgs, env: KubectlEnv, out: Output): void {
  const { requests, error } = parseTargets(args.positional);
  if (error) return out.err(`${error}\n`);
  const allNamespaces = boolFlag(args, 'all-namespaces');
  const namespace = flag(args, 'namespace') ?? env.namespace ?? 'default';
  const output = flag(args, 'output') ?? '';
  if (!['', 'wide', 'yaml', 'json', 'name'].includes(output)) return out.err(`${messages.unsupportedOutput(output)}\n`);
  const selectorText = flag(args, 'selector');
  const selector = selectorText !== undefined ? parseLabelQuery(selectorText) : undefined;
  if (selector instanceof Error) return out.err(`error: ${selector.message}\n`);
  const noHeaders = boolFlag(args, 'no-headers');
  const cluster = env.cluster;
  const now = cluster.clock.now();
  const multiple = requests.length > 1;

  const found: { info: ResourceInfo; objects: KubeObject[] }[] = [];
  const errors: string[] = [];
  for (const req of requests) {
    const ns = req.info.namespaced && !allNamespaces ? namespace : undefined;
    let objects: KubeObject[];
    if (req.names.length > 0) {
      objects = [];
      for (const name of req.names) {
        const obj = lookup(env, req.info, ns ?? namespace, name);
        if (obj) objects.push(obj);
        else errors.push(formatApiError(notFound(req.info, name)));
      }
    } else {
      objects = list(env, req.info, ns);
      if (selector) objects = objects.filter((o) => matchesLabelQuery(selector, o.metadata.labels));
    }
    found.push({ info: req.info, objects });
  }

  // The apiserver's deprecation warning for v1 Endpoints (v1.33+), printed by kubectl on stderr.
  if (requests.some((r) => r.info.kind === 'Endpoints')) out.note(`${messages.endpointsDeprecated()}\n`);
  const everything = found.flatMap((f) => f.objects);
  if (output === 'yaml' || output === 'json') {
    const single = requests.length === 1 && requests[0]!.names.length === 1;
    if (everything.length > 0 || !single) out.out(output === 'yaml' ? toYaml(everything, single) : toJson(everything, single));
  } else if (output === 'name') {
    for (const f of found) for (const o of f.objects) out.out(`${kindPrefix(f.info)}/${o.metadata.name}\n`);
  } else {
    const tables: string[] = [];
    for (const f of found) {
      if (f.objects.length === 0) continue;
      tables.push(table(f.info, f.objects, { wide: output === 'wide', allNamespaces, prefix: multiple, noHeaders, now, env }));
    }
    out.out(tables.join('\n'));
  }
  for (const e of errors) out.err(`${e}\n`);
  if (everything.length === 0 && errors.length === 0 && output !== 'yaml' && output !== 'json') {
    const scoped = requests.some((r) => r.info.namespaced) && !allNamespaces;
    out.note(`${messages.noResources(scoped ? namespace : undefined)}\n`);
  }
}

function lookup(env: KubectlEnv, info: ResourceInfo, namespace: string, name: string): KubeObject | undefined {
  if (info.kind === 'Event') return list(env, info, namespace).find((e) => e.metadata.name === name);
  return env.cluster.store.get(info.kind, info.namespaced ? namespace : undefined, name);
}

function list(env: KubectlEnv, info: ResourceInfo, namespace: string | undefined): KubeObject[] {
  // Events list in etcd key order: by name, which is the object's name and a time suffix.
  if (info.kind === 'Event') {
    return env.cluster.events
      .list({ namespace })
      .map((e) => EventRecorder.toObject(e))
      .sort((a, b) => (`${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1));
  }
  return env.cluster.store.list(info.kind, namespace);
}

interface TableOptions {
  wide: boolean;
  allNamespaces: boolean;
  prefix: boolean;
  noHeaders: boolean;
  now: number;
  env: KubectlEnv;
}

function table(info: ResourceInfo, objects: KubeObject[], o: TableOptions): string {
  if (info.kind === 'Event') return eventTable(objects, o);
  const columns = COLUMNS[info.kind]!;
  const headers = [...(o.allNamespaces && info.namespaced ? ['NAMESPACE'] : []), ...columns.headers, ...(o.wide ? columns.wide : [])];
  const rows = objects.map((obj) => {
    const { cells, wide } = columns.row(obj, o.now);
    if (o.prefix) cells[0] = `${kindPrefix(info)}/${cells[0]}`;
    return [...(o.allNamespaces && info.namespaced ? [obj.metadata.namespace ?? ''] : []), ...cells, ...(o.wide ? wide : [])];
  });
  return formatTable(o.noHeaders ? rows : [headers, ...rows]);
}

/** `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE, oldest first. */
function eventTable(objects: KubeObject[], o: TableOptions): string {
  const headers = [...(o.allNamespaces ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  const rows = objects.map((obj) => {
    const e = obj as unknown as { lastTimestamp: string; type: string; reason: string; message: string; involvedObject: { kind: string; name: string } };
    return [
      ...(o.allNamespaces ? [obj.metadata.namespace ?? ''] : []),
      age(e.lastTimestamp, o.now),
      e.type,
      e.reason,
      `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`,
      e.message,
    ];
  });
  return formatTable(o.noHeaders ? rows : [headers, ...rows]);
}
