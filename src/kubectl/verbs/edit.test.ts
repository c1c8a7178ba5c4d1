import { describe, expect, it } from 'vitest';
import { bareCluster } from '../../../test/support/cluster-fixture';
import type { Deployment } from '../../cluster/api/types';
import { memoryEnv } from '../commands/env.fixture';
import { runKubectl, saveEdit, type KubectlEnv } from '../kubectl';
import { EDIT_HEADER } from './edit';

const session = (editor = true) => {
  const env: KubectlEnv = { ...memoryEnv(bareCluster()), editor };
  const k = (...argv: string[]) => runKubectl(argv, env);
  k('create', 'deployment', 'web', '--image=nginx');
  const deployment = () => env.cluster.store.get('Deployment', 'default', 'web') as Deployment;
  return { env, k, deployment };
};

describe('kubectl edit', () => {
  it('opens the object as get -o yaml prints it, under the header of editoptions.go', () => {
    const { k } = session();
    const r = k('edit', 'deployment/web');
    expect(r).toMatchObject({ stdout: 'Editing deployment.apps/web in the editor; Apply to save.\n', stderr: '', exitCode: 0 });
    expect(r.edit!.path).toBe('kubectl-edit-deployment-web.yaml');
    expect(r.edit!.text).toBe(EDIT_HEADER + k('get', 'deployment', 'web', '-o', 'yaml').stdout);
    expect(r.edit!.text.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: apps/v1\n")).toBe(true);
    // TYPE NAME, -n, and JSON (which kubectl writes without the header).
    const json = k('edit', 'deploy', 'web', '-n', 'default', '-o', 'json');
    expect(json.edit!.path).toBe('kubectl-edit-deployment-web.json');
    expect(json.edit!.text).toBe(k('get', 'deploy', 'web', '-o', 'json').stdout);
  });

  it("prints kubectl's errors for a missing object, an unknown type, no name and a bad format", () => {
    const { k } = session();
    expect(k('edit', 'deployment', 'nope')).toMatchObject({ stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
    expect(k('edit', 'deployment/web', '-n', 'dev')).toMatchObject({ stderr: 'Error from server (NotFound): deployments.apps "web" not found\n', exitCode: 1 });
    expect(k('edit', 'frobs', 'x').stderr).toBe(k('get', 'frobs', 'x').stderr);
    expect(k('edit').stderr).toBe("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
    expect(k('edit', 'deployment/web', '-o', 'name').stderr).toBe('error: unable to match a printer suitable for the output format "name", allowed formats are: json,yaml\n');
    expect(k('edit', 'deployment/web').edit).toBeDefined();
  });

  it('-f opens the live object the file names, and refuses resource arguments beside it or a second object', () => {
    const files = {
      'web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 5\n',
      'two.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
      'gone.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: gone\n',
    };
    const env: KubectlEnv = { ...memoryEnv(bareCluster(), files), editor: true };
    const k = (...argv: string[]) => runKubectl(argv, env);
    k('create', 'deployment', 'web', '--image=nginx');
    k('create', 'service', 'clusterip', 'web', '--tcp=80:80');
    const r = k('edit', '-f', 'web.yaml');
    // The cluster's object (1 replica), not the file's 5.
    expect(r.edit!.text).toBe(k('edit', 'deployment/web').edit!.text);
    expect(k('edit', '-f', 'web.yaml', 'deployment/web').stderr).toBe('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n');
    expect(k('edit', '-f', 'gone.yaml').stderr).toBe('Error from server (NotFound): services "gone" not found\n');
    expect(k('edit', '-f', 'two.yaml').stderr).toBe(k('edit', 'deployment/web', 'service/web').stderr);
  });

  it('without an editor (podlab sim) says where edit works', () => {
    const { k } = session(false);
    const r = k('edit', 'deployment/web');
    expect(r).toMatchObject({ exitCode: 1, stderr: 'error: "kubectl edit" opens the object in the editor of the lesson page; this shell has no editor: write the change to a file and use `kubectl apply -f FILE`\n' });
    expect(r.edit).toBeUndefined();
  });

  it('an unchanged file (comments aside) and an empty one cancel', () => {
    const { env, k, deployment } = session();
    const before = deployment();
    const request = k('edit', 'deployment/web').edit!;
    expect(saveEdit(env, request, request.text).printed).toEqual({ chunks: [{ stream: 'stderr', text: 'Edit cancelled, no changes made.\n' }], exitCode: 0 });
    expect(saveEdit(env, request, `# a note of mine\n${request.text}`).printed.chunks[0]!.text).toBe('Edit cancelled, no changes made.\n');
    expect(saveEdit(env, request, '').printed).toEqual({ chunks: [{ stream: 'stderr', text: 'Edit cancelled, saved file was empty.\n' }], exitCode: 0 });
    expect(saveEdit(env, request, EDIT_HEADER).printed.chunks[0]!.text).toBe('Edit cancelled, saved file was empty.\n');
    expect(deployment()).toBe(before);
  });

  it('a change is applied to the live object: replicas 3, and the ReplicaSet follows', () => {
    const { env, k, deployment } = session();
    const request = k('edit', 'deployment/web').edit!;
    expect(request.text).toContain('  replicas: 1\n');
    // The cluster goes on meanwhile; edit sends the learner's change, not the stale file.
    k('label', 'deployment', 'web', 'tier=front');
    const saved = saveEdit(env, request, request.text.replace('  replicas: 1\n', '  replicas: 3\n'));
    expect(saved).toEqual({ printed: { chunks: [{ stream: 'stdout', text: 'deployment.apps/web edited\n' }], exitCode: 0 } });
    expect(deployment().spec.replicas).toBe(3);
    expect(deployment().metadata.labels).toMatchObject({ app: 'web', tier: 'front' });
    expect(k('get', 'rs', '-o', 'jsonpath={.items[0].spec.replicas}').stdout).toBe('3');
    expect(k('get', 'pods', '-o', 'name').stdout.trim().split('\n')).toHaveLength(3);
  });

  it('a change that parses but changes nothing is skipped', () => {
    const { env, k } = session();
    const request = k('edit', 'deployment/web').edit!;
    expect(saveEdit(env, request, request.text.replace('replicas: 1', 'replicas:   1')).printed.chunks).toEqual([{ stream: 'stdout', text: 'deployment.apps/web skipped\n' }]);
  });

  it('an invalid change fails, leaves the cluster unchanged, and reopens the file with the causes', () => {
    const { env, k, deployment } = session();
    const before = deployment();
    const request = k('edit', 'deployment/web').edit!;
    const edited = request.text.replace('  replicas: 1\n', '  replicas: -1\n');
    const saved = saveEdit(env, request, edited);
    expect(saved.printed).toEqual({ chunks: [{ stream: 'stderr', text: 'error: deployments.apps "web" is invalid\n' }], exitCode: 1 });
    expect(deployment()).toBe(before);
    const reopened = saved.reopen!;
    expect(reopened.text).toContain(`${EDIT_HEADER}# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n`);
    expect(reopened.text).toContain('  replicas: -1\n');
    // Saving the reopened file unchanged gives up, as kubectl does.
    expect(saveEdit(env, reopened, reopened.text).printed).toEqual({ chunks: [{ stream: 'stderr', text: 'error: Edit cancelled, no valid changes were saved.\n' }], exitCode: 1 });
    // Fixing it there works.
    expect(saveEdit(env, reopened, reopened.text.replace('  replicas: -1\n', '  replicas: 2\n')).printed.chunks[0]!.text).toBe('deployment.apps/web edited\n');
    expect(deployment().spec.replicas).toBe(2);
  });

  it('a syntax error or a renamed object reopens the file with the reason and changes nothing', () => {
    const { env, k, deployment } = session();
    const before = deployment();
    const request = k('edit', 'deployment/web').edit!;
    const bad = saveEdit(env, request, request.text.replace('  replicas: 1\n', '  replicas: [1\n'));
    expect(bad.printed.exitCode).toBe(1);
    expect(bad.reopen!.text).toMatch(/^# Please edit[^]*#\n# The edited file had a syntax error: [^\n]+\n#\napiVersion: apps\/v1\n/);
    const renamed = saveEdit(env, request, request.text.replace('  name: web\n', '  name: other\n'));
    expect(renamed.reopen!.text).toContain('#\n# At least one of apiVersion, kind and name was changed\n#\napiVersion');
    expect(deployment()).toBe(before);
  });
});
