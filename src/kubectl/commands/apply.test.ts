import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../../test/support/cluster-fixture';
import { clientError } from '../errors';
import { message, renderMessage } from '../messages';
import type { WriteCommand } from '../parse/command';
import { executeWrite } from './apply';
import { DEPLOYMENT, memoryEnv, podManifest, SERVICE } from './env.fixture';

const apply = (filenames: string[], extra: Partial<WriteCommand> = {}): WriteCommand => ({ verb: 'apply', filenames, dryRun: 'none', output: '', ...extra });
const ops = (r: ReturnType<typeof executeWrite>) => r.events.flatMap((w) => (w.type === 'written' ? [`${w.info.kind}/${w.object.metadata.name} ${w.operation}`] : []));

describe('executeWrite (apply and create)', () => {
  it('creates, then reports unchanged, then configured after a change', () => {
    const env = memoryEnv(bareCluster(), { 'web.yaml': `${DEPLOYMENT}---\n${SERVICE}` });
    expect(ops(executeWrite(apply(['web.yaml']), env))).toEqual(['Deployment/web created', 'Service/web created']);
    expect(ops(executeWrite(apply(['web.yaml']), env))).toEqual(['Deployment/web unchanged', 'Service/web unchanged']);
    const changed = memoryEnv(env.cluster, { 'web.yaml': DEPLOYMENT.replace('replicas: 2', 'replicas: 3') });
    expect(ops(executeWrite(apply(['web.yaml']), changed))).toEqual(['Deployment/web configured']);
    expect(env.cluster.store.get('Deployment', 'default', 'web')!.spec.replicas).toBe(3);
  });

  it("reads a folder's manifest files in name order", () => {
    const env = memoryEnv(bareCluster(), { 'app/b.yml': podManifest('b'), 'app/a.json': podManifest('a'), 'app/notes.txt': 'not a manifest', 'app/c.yaml': podManifest('c') });
    expect(ops(executeWrite(apply(['app/']), env))).toEqual(['Pod/a created', 'Pod/b created', 'Pod/c created']);
  });

  it('says plainly that a URL cannot be fetched here, before writing anything', () => {
    const env = memoryEnv(bareCluster(), { 'a.yaml': podManifest('a') });
    const url = 'https://k8s.io/examples/admin/dns/dnsutils.yaml';
    expect(executeWrite(apply(['a.yaml', url]), env)).toMatchObject({ events: [], error: clientError(message('urlManifest', url)) });
    expect(renderMessage(message('urlManifest', url))).toBe(`"-f ${url}": reading manifests from a URL is not available in this simulated cluster; save the file in the workspace and apply it by name`);
  });

  it('stops before writing anything when a path does not exist', () => {
    const env = memoryEnv(bareCluster(), { 'a.yaml': podManifest('a') });
    const result = executeWrite(apply(['a.yaml', 'missing.yaml']), env);
    expect(result).toMatchObject({ events: [], error: clientError(message('pathMissing', 'missing.yaml')) });
    expect(env.cluster.store.get('Pod', 'default', 'a')).toBeUndefined();
  });

  it('applies the other objects when one has no kind, and reports it', () => {
    const env = memoryEnv(bareCluster(), { 'a.yaml': 'apiVersion: v1\nmetadata: { name: x }\n', 'b.yaml': podManifest('b') });
    const result = executeWrite(apply(['a.yaml', 'b.yaml']), env);
    expect(ops(result)).toEqual(['Pod/b created']);
    expect(result.error).toEqual({ type: 'aggregate', errors: [clientError(message('validationFailed', 'a.yaml', ['kind not set']))] });
  });

  it('reports a kind the cluster does not serve and goes on within the file', () => {
    const env = memoryEnv(bareCluster(), { 'a.yaml': `apiVersion: v1\nkind: Servce\nmetadata: { name: web }\n---\n${podManifest('b')}` });
    const result = executeWrite(apply(['a.yaml']), env);
    expect(ops(result)).toEqual(['Pod/b created']);
    expect(result.error).toEqual({ type: 'aggregate', errors: [clientError(message('noMatchForKind', 'web', '', 'a.yaml', 'Servce', 'v1'))] });
  });

  it('puts objects in the -n namespace and refuses a manifest that names another', () => {
    const cluster = bareCluster();
    executeWrite(apply(['ns.yaml']), memoryEnv(cluster, { 'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: { name: dev }\n' }));
    const env = memoryEnv(cluster, { 'a.yaml': podManifest('a'), 'b.yaml': JSON.stringify({ ...JSON.parse(podManifest('b')), metadata: { name: 'b', namespace: 'prod' } }) });
    const result = executeWrite(apply(['a.yaml', 'b.yaml'], { namespace: 'dev' }), env);
    expect(ops(result)).toEqual(['Pod/a created']);
    expect(cluster.store.get('Pod', 'dev', 'a')).toBeDefined();
    expect(result.error).toEqual({ type: 'aggregate', errors: [clientError(message('namespaceMismatch', 'prod', 'dev'))] });
  });

  it('returns the apiserver error with the file and verb kubectl names', () => {
    const env = memoryEnv(bareCluster(), { 'svc.yaml': SERVICE.replace('port: 80', 'port: 0') });
    const result = executeWrite(apply(['svc.yaml']), env);
    expect(result.error).toMatchObject({ type: 'api', source: { verb: 'creating', file: 'svc.yaml' }, error: { reason: 'Invalid' } });
    executeWrite(apply(['ok.yaml']), memoryEnv(env.cluster, { 'ok.yaml': SERVICE }));
    expect(executeWrite(apply(['svc.yaml']), env).error).toMatchObject({ type: 'api', source: { verb: 'patching', file: 'svc.yaml' } });
  });

  it('stores nothing on a server dry run', () => {
    const env = memoryEnv(bareCluster(), { 'web.yaml': SERVICE });
    expect(ops(executeWrite(apply(['web.yaml'], { dryRun: 'server' }), env))).toEqual(['Service/web created']);
    expect(env.cluster.store.get('Service', 'default', 'web')).toBeUndefined();
  });

  it('says so when the files hold no objects', () => {
    const env = memoryEnv(bareCluster(), { 'empty.yaml': '# nothing\n---\n' });
    expect(executeWrite(apply(['empty.yaml']), env).error).toEqual(clientError(message('noObjectsPassedTo', 'apply')));
  });

  it('warns when applying over an object kubectl apply did not make', () => {
    const env = memoryEnv(bareCluster(), { 'svc.yaml': SERVICE });
    executeWrite(apply(['svc.yaml'], { verb: 'create' }), env);
    expect(executeWrite(apply(['svc.yaml']), env).events[0]).toEqual({ type: 'warning', message: message('missingLastApplied', 'services/web') });
  });

  it('create refuses an object that exists', () => {
    const env = memoryEnv(bareCluster(), { 'svc.yaml': SERVICE });
    executeWrite(apply(['svc.yaml'], { verb: 'create' }), env);
    expect(executeWrite(apply(['svc.yaml'], { verb: 'create' }), env).error).toMatchObject({ type: 'api', error: { reason: 'AlreadyExists' }, source: { verb: 'creating' } });
  });
});
