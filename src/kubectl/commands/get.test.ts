import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../../test/support/cluster-fixture';
import type { GetCommand } from '../parse/command';
import { parseTargets } from '../parse/targets';
import { executeWrite } from './apply';
import { DEPLOYMENT, memoryEnv, podManifest, SERVICE } from './env.fixture';
import { executeGet } from './get';

function get(args: string[], extra: Partial<GetCommand> = {}): GetCommand {
  const targets = parseTargets(args);
  if (!targets.ok) throw new Error('bad targets');
  return { verb: 'get', targets: targets.targets, filenames: [], allNamespaces: false, output: '', noHeaders: false, showLabels: false, labelColumns: [], watch: false, ignoreNotFound: false, ...extra };
}

function cluster() {
  const env = memoryEnv(bareCluster(), { 'web.yaml': `${DEPLOYMENT}---\n${SERVICE}`, 'a.yaml': podManifest('a', { app: 'a' }), 'b.yaml': podManifest('b', { app: 'b' }) });
  executeWrite({ verb: 'apply', filenames: ['web.yaml', 'a.yaml', 'b.yaml'], dryRun: 'none', output: '' }, env);
  return env;
}
const names = (r: ReturnType<typeof executeGet>) => r.groups.map((g) => `${g.info.kind}: ${g.objects.map((o) => o.metadata.name).join(' ')}`);

describe('executeGet', () => {
  it('lists a kind in the namespace, filtered by a selector', () => {
    const env = cluster();
    expect(names(executeGet(get(['pods']), env))).toEqual([`Pod: a b ${env.cluster.store.list('Pod', 'default').filter((p) => p.metadata.name.startsWith('web-')).map((p) => p.metadata.name).join(' ')}`]);
    expect(names(executeGet(get(['pods'], { selector: [{ key: 'app', op: '=', value: 'b' }] }), env))).toEqual(['Pod: b']);
    expect(names(executeGet(get(['pods'], { namespace: 'kube-system' }), env))).toEqual(['Pod: ']);
  });

  it('lists every namespace with -A and says whether every resource was namespaced', () => {
    const env = cluster();
    const r = executeGet(get(['pods'], { allNamespaces: true }), env);
    expect(r.groups[0]!.objects.length).toBe(env.cluster.store.list('Pod').length);
    expect(r.allNamespaced).toBe(false);
    expect(executeGet(get(['nodes']), env).allNamespaced).toBe(false);
    expect(executeGet(get(['pods']), env).allNamespaced).toBe(true);
  });

  it('returns the objects it found by name and NotFound errors for the rest', () => {
    const env = cluster();
    const r = executeGet(get(['pods', 'a', 'nope', 'b']), env);
    expect(names(r)).toEqual(['Pod: a b']);
    expect(r.error).toMatchObject({ type: 'aggregate', errors: [{ type: 'api', error: { reason: 'NotFound', message: 'pods "nope" not found' } }] });
    expect(r.withKind).toBe(false);
    expect(executeGet(get(['pods', 'nope'], { ignoreNotFound: true }), env).error).toBeUndefined();
  });

  it('marks a mixed answer for kind prefixes and groups runs of one resource', () => {
    const env = cluster();
    const all = executeGet(get(['all']), env);
    expect(all.groups.map((g) => g.info.kind)).toEqual(['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet']);
    expect(all.withKind).toBe(true);
    const pairs = executeGet(get(['pod/a', 'pod/b', 'svc/web']), env);
    expect(names(pairs)).toEqual(['Pod: a b', 'Service: web']);
    expect(pairs.singleItem).toBe(false);
    expect(executeGet(get(['svc/web']), env).singleItem).toBe(true);
  });

  it('warns that v1 Endpoints is deprecated', () => {
    expect(executeGet(get(['endpoints']), cluster()).warnings.map((w) => w.id)).toEqual(['endpointsDeprecated']);
  });

  it('lists events from the event recorder, by object name', () => {
    const env = cluster();
    env.cluster.advance(5000);
    const events = executeGet(get(['events']), env).groups[0]!.objects;
    expect(events.length).toBeGreaterThan(0);
    const keys = events.map((e) => e.metadata.name);
    expect(keys).toEqual([...keys].sort());
  });
});
