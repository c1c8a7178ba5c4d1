import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../../test/support/cluster-fixture';
import { message } from '../messages';
import type { DeleteCommand } from '../parse/command';
import { parseTargets } from '../parse/targets';
import { executeWrite } from './apply';
import { executeDelete } from './delete';
import { DEPLOYMENT, memoryEnv, podManifest, SERVICE } from './env.fixture';

function del(args: string[], extra: Partial<DeleteCommand> = {}): DeleteCommand {
  const base: DeleteCommand = { verb: 'delete', filenames: [], allNamespaces: false, all: false, gracePeriod: -1, force: false, wait: true, ignoreNotFound: false, dryRun: 'none', outputName: false, ...extra };
  if (args.length === 0) return base;
  const targets = parseTargets(args);
  if (!targets.ok) throw new Error('bad targets');
  return { ...base, targets: targets.targets };
}

function cluster() {
  const env = memoryEnv(bareCluster(), { 'web.yaml': `${DEPLOYMENT}---\n${SERVICE}`, 'a.yaml': podManifest('a', { app: 'a' }), 'b.yaml': podManifest('b', { app: 'b' }) });
  executeWrite({ verb: 'apply', filenames: ['a.yaml', 'b.yaml'], dryRun: 'none', output: '' }, env);
  // Let the pods start, so they terminate gracefully.
  env.cluster.advance(30_000);
  return env;
}
const deleted = (r: ReturnType<typeof executeDelete>) => r.events.flatMap((e) => (e.type === 'deleted' ? [`${e.info.kind}/${e.name}`] : []));

describe('executeDelete', () => {
  it('deletes a pod and waits in virtual time until it is gone', () => {
    const env = cluster();
    const before = env.cluster.clock.now();
    const r = executeDelete(del(['pod', 'a']), env);
    expect(deleted(r)).toEqual(['Pod/a']);
    expect(r.error).toBeUndefined();
    expect(env.cluster.store.get('Pod', 'default', 'a')).toBeUndefined();
    expect(env.cluster.clock.now()).toBeGreaterThan(before);
  });

  it('does not wait with --wait=false: the pod is left terminating', () => {
    const env = cluster();
    executeDelete(del(['pod', 'a'], { wait: false }), env);
    expect(env.cluster.store.get('Pod', 'default', 'a')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('removes a pod at once with --force --grace-period=0, warning first', () => {
    const env = cluster();
    const before = env.cluster.clock.now();
    const r = executeDelete(del(['pod/a'], { force: true, gracePeriod: 0 }), env);
    expect(r.preface).toEqual([message('forceDeleteWarning')]);
    expect(env.cluster.store.get('Pod', 'default', 'a')).toBeUndefined();
    expect(env.cluster.clock.now()).toBe(before);
  });

  it('reports NotFound after deleting the others, and then does not wait', () => {
    const env = cluster();
    const r = executeDelete(del(['pods', 'nope', 'b']), env);
    expect(deleted(r)).toEqual(['Pod/b']);
    expect(r.error).toMatchObject({ type: 'api', error: { reason: 'NotFound', message: 'pods "nope" not found' } });
    expect(env.cluster.store.get('Pod', 'default', 'b')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('deletes what -l or --all selects, and says when nothing matched', () => {
    const env = cluster();
    expect(deleted(executeDelete(del(['pods'], { selector: [{ key: 'app', op: '=', value: 'b' }], ignoreNotFound: true }), env))).toEqual(['Pod/b']);
    expect(deleted(executeDelete(del(['pods'], { all: true, ignoreNotFound: true }), env))).toEqual(['Pod/a']);
    expect(executeDelete(del(['pods'], { all: true, ignoreNotFound: true }), env).nothingFound).toBe(true);
  });

  it('deletes what files describe', () => {
    const env = cluster();
    executeWrite({ verb: 'apply', filenames: ['web.yaml'], dryRun: 'none', output: '' }, env);
    const r = executeDelete(del([], { filenames: ['web.yaml'] }), env);
    expect(deleted(r)).toEqual(['Deployment/web', 'Service/web']);
    expect(env.cluster.store.get('Service', 'default', 'web')).toBeUndefined();
    expect(executeDelete(del([], { filenames: ['web.yaml'] }), env).error).toMatchObject({
      type: 'aggregate',
      errors: [{ source: { verb: 'deleting', file: 'web.yaml' } }, { source: { verb: 'deleting', file: 'web.yaml' } }],
    });
  });

  it('warns when -n meets a cluster-scoped resource', () => {
    const env = cluster();
    executeWrite({ verb: 'apply', filenames: ['ns.yaml'], dryRun: 'none', output: '' }, memoryEnv(env.cluster, { 'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: { name: dev }\n' }));
    const r = executeDelete(del(['namespace', 'dev'], { namespace: 'default' }), env);
    expect(r.events[0]).toEqual({ type: 'warning', message: message('clusterScopeWarning') });
    expect(env.cluster.store.get('Namespace', undefined, 'dev')).toBeUndefined();
  });

  it('changes nothing on a dry run', () => {
    const env = cluster();
    expect(deleted(executeDelete(del(['pod', 'a'], { dryRun: 'client' }), env))).toEqual(['Pod/a']);
    expect(deleted(executeDelete(del(['pod', 'a'], { dryRun: 'server' }), env))).toEqual(['Pod/a']);
    expect(env.cluster.store.get('Pod', 'default', 'a')?.metadata.deletionTimestamp).toBeUndefined();
  });
});
