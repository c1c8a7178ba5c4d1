import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../test/support/cluster-fixture';
import { memoryEnv, podManifest, SERVICE } from './commands/env.fixture';
import { runKubectl } from './kubectl';

const env = () => memoryEnv(bareCluster(), { 'svc.yaml': SERVICE, 'pod.yaml': podManifest('web'), 'bad.yaml': SERVICE.replace('name: web', 'name: Web_Service') });

describe('runKubectl', () => {
  it('applies, lists and deletes, exiting 0', () => {
    const e = env();
    expect(runKubectl(['apply', '-f', 'svc.yaml'], e)).toEqual({ stdout: 'service/web created\n', stderr: '', exitCode: 0, combined: 'service/web created\n' });
    const ip = e.cluster.store.get('Service', 'default', 'web')!.spec.clusterIP!;
    const lines = runKubectl(['get', 'svc', 'web'], e).stdout.split('\n');
    expect(lines.map((l) => l.split(/ {3,}/))).toEqual([['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], ['web', 'ClusterIP', ip, '<none>', '80/TCP', '0s'], ['']]);
    expect(runKubectl(['delete', 'svc', 'web'], e)).toMatchObject({ stdout: 'service "web" deleted from default namespace\n', exitCode: 0 });
  });

  it('exits 1 with the error on stderr, after what succeeded', () => {
    const e = env();
    const r = runKubectl(['apply', '-f', 'pod.yaml', '-f', 'bad.yaml'], e);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('pod/web created\n');
    expect(r.stderr).toMatch(/^The Service "Web_Service" is invalid: metadata.name: Invalid value: "Web_Service": a DNS-1035 label must consist of .*\n$/);
    expect(r.combined).toBe(r.stdout + r.stderr);
  });

  it('kubectl create without -f: its Error line, then its help on stderr, exit 1; other words as kubectl refuses them', () => {
    const bare = runKubectl(['create'], env());
    expect(bare.exitCode).toBe(1);
    expect(bare.stdout).toBe('');
    expect(bare.stderr.startsWith('Error: must specify one of -f and -k\n\nCreate a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.\n')).toBe(true);
    expect(bare.stderr.endsWith('Use "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
    expect(runKubectl(['create', '-n', 'dev'], env()).stderr).toBe(bare.stderr);
    expect(runKubectl(['create', 'foo'], env())).toMatchObject({
      stderr: 'Error: must specify one of -f and -k\n\nerror: unknown command "foo"\nSee \'kubectl create -h\' for help and examples\n',
      exitCode: 1,
    });
    expect(runKubectl(['create', 'foo', '-f', 'svc.yaml'], env())).toMatchObject({ stderr: "error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n", exitCode: 1 });
    expect(runKubectl(['apply'], env())).toMatchObject({ stderr: 'error: must specify one of -f and -k\n', exitCode: 1 });
  });

  it('exits 0 when nothing was found, with the notice on stderr', () => {
    expect(runKubectl(['get', 'pods'], env())).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0, combined: 'No resources found in default namespace.\n' });
  });

  it('prints parse errors as kubectl does', () => {
    expect(runKubectl(['get', 'pods', '--selectr', 'app=web'], env())).toMatchObject({ stderr: "error: unknown flag: --selectr\nSee 'kubectl get --help' for usage.\n", exitCode: 1 });
    expect(runKubectl(['get'], env()).stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
    expect(runKubectl(['port-forward', 'web'], env()).stderr).toBe('error: "kubectl port-forward" is not available in this simulated cluster\n');
  });

  it('prints help on stdout', () => {
    expect(runKubectl([], env())).toMatchObject({ exitCode: 0, stderr: '' });
    expect(runKubectl(['apply', '--help'], env()).stdout).toContain('kubectl apply (-f FILENAME | -k DIRECTORY) [options]');
  });

  it('reports a defect of the simulation instead of throwing', () => {
    const e = env();
    const broken = {
      ...e,
      readFile: () => {
        throw new Error('disk on fire');
      },
    };
    expect(runKubectl(['apply', '-f', 'svc.yaml'], broken)).toMatchObject({
      exitCode: 1,
      stderr: 'error: the simulated cluster failed on this command (a Podlab bug): disk on fire\n',
    });
  });
});
