import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../test/support/cluster-fixture';
import { executeWrite } from './commands/apply';
import { DEPLOYMENT, memoryEnv, podManifest, SERVICE } from './commands/env.fixture';
import { completeKubectl } from './complete';

function cluster() {
  const env = memoryEnv(bareCluster(), {
    'web.yaml': `${DEPLOYMENT}---\n${SERVICE}`,
    'a.yaml': podManifest('alpha'),
    'ns.yaml': JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }),
    'b.yaml': JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'beta', namespace: 'shop' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } }),
  });
  executeWrite({ verb: 'apply', filenames: ['web.yaml', 'a.yaml', 'ns.yaml', 'b.yaml'], dryRun: 'none', output: '' }, env);
  env.cluster.settle();
  return env.cluster;
}

describe('completeKubectl', () => {
  const c = cluster();

  it('completes subcommands, with or without the leading kubectl', () => {
    expect(completeKubectl(['kubectl'], 'de', c)).toEqual(['debug', 'delete', 'describe']);
    expect(completeKubectl([], 'ge', c)).toEqual(['get']);
  });

  it('completes resource types, short names included', () => {
    expect(completeKubectl(['kubectl', 'get'], 'de', c)).toEqual(['deploy', 'deployments']);
    expect(completeKubectl(['kubectl', 'describe'], 's', c)).toEqual(['services', 'svc']);
  });

  it('completes object names of the type in the namespace of -n', () => {
    expect(completeKubectl(['kubectl', 'get', 'pods'], 'a', c)).toEqual(['alpha']);
    expect(completeKubectl(['kubectl', 'get', 'pods', '-n', 'shop'], '', c)).toEqual(['beta']);
    expect(completeKubectl(['kubectl', '--namespace=shop', 'describe', 'po'], '', c)).toEqual(['beta']);
    expect(completeKubectl(['kubectl', 'get', 'deploy'], '', c)).toEqual(['web']);
    expect(completeKubectl(['kubectl', 'get', 'svc'], '', c)).toEqual(['web']);
    expect(completeKubectl(['kubectl', 'get', 'pods,svc'], '', c)).toEqual([]);
  });

  it('completes the type/name form', () => {
    expect(completeKubectl(['kubectl', 'describe'], 'deploy/', c)).toEqual(['deploy/web']);
    expect(completeKubectl(['kubectl', 'get', '-n', 'shop'], 'pod/b', c)).toEqual(['pod/beta']);
  });

  it('completes namespaces after -n and --namespace, and formats after -o', () => {
    expect(completeKubectl(['kubectl', 'get', 'pods', '-n'], '', c)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'shop']);
    expect(completeKubectl(['kubectl', 'get', 'pods'], '--namespace=s', c)).toEqual(['--namespace=shop']);
    expect(completeKubectl(['kubectl', 'get', 'pods', '-o'], 'j', c)).toEqual(['json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file']);
  });

  it("completes the subcommand's flags", () => {
    expect(completeKubectl(['kubectl', 'get'], '--so', c)).toEqual(['--sort-by']);
    expect(completeKubectl(['kubectl', 'describe'], '--s', c)).toEqual(['--selector', '--show-events']);
    expect(completeKubectl(['kubectl', 'describe'], '-', c)).toContain('-l');
  });

  it('completes pod names for exec and logs, and nothing where kubectl offers nothing', () => {
    expect(completeKubectl(['kubectl', 'exec'], 'al', c)).toEqual(['alpha']);
    expect(completeKubectl(['kubectl', 'apply', '-f'], '', c)).toEqual([]);
    expect(completeKubectl(['kubectl', 'rollout'], 're', c)).toEqual(['restart', 'resume']);
    expect(completeKubectl(['kubectl', 'rollout', 'status'], 'deploy/', c)).toEqual(['deploy/web']);
  });
});
