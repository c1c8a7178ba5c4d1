import { describe, expect, it } from 'vitest';
import { bootCluster } from '../../test/support/cluster-fixture';
import { runTrace } from '../network/connect/trace-format';
import { CONTINUATION_PROMPT as SHELL_CONTINUATION_PROMPT } from '../shell/session';
import { CONTINUATION_PROMPT, WORKSTATION_PROMPT } from './prompts';
import { createShellAdapter } from './shell-adapter';
import { webYaml } from '../../test/support/manifests';

const WEB = webYaml(2);

/** A cluster with two web pods and their Service, and the name of the first pod. */
function cluster() {
  const c = bootCluster();
  const shell = createShellAdapter(c, { 'web.yaml': WEB });
  shell.run('kubectl apply -f web.yaml');
  shell.run('sleep 10');
  const pod = shell.run('kubectl get pods -o name').output.split('\n')[0]!.replace('pod/', '');
  return { c, shell, pod };
}

describe('shell adapter: podlab trace', () => {
  it('prints what runTrace prints and hands back the trace', () => {
    const a = cluster();
    const b = cluster();
    const r = a.shell.run(`podlab trace ${a.pod} web`);
    const expected = runTrace([b.pod, 'web'], b.c);
    expect(r.output).toBe(expected.stdout);
    expect(r.exitCode).toBe(0);
    expect(r.trace?.outcome).toBe('answered');
    expect(r.trace?.dnat?.port).toBe(80);
  });

  it.each([
    'podlab trace --udp POD web:53',
    'podlab trace -n default --icmp POD web',
    'podlab trace --namespace=default pod/POD web.default.svc.cluster.local:80',
    'podlab trace node/worker-1 web:8080',
    'podlab trace outside 10.96.0.1:443',
    'podlab trace nope web',
  ])('reads `%s` as runTrace does', (template) => {
    const a = cluster();
    const b = cluster();
    const r = a.shell.run(template.replace('POD', a.pod));
    const expected = runTrace(template.replace('POD', b.pod).split(' ').slice(2), b.c);
    expect(r.output).toBe(expected.stdout + expected.stderr);
    expect(r.exitCode).toBe(expected.exitCode);
  });

  it.each([['trace'], ['trace', 'a'], ['trace', '--bogus', 'a', 'b'], ['trace', 'a', 'b:99999'], ['trace', 'a', 'b:c:d']])('leaves %j to runTrace, which refuses it', (...argv) => {
    const c = bootCluster();
    const shell = createShellAdapter(c, {});
    const r = shell.run(`podlab ${argv.join(' ')}`);
    const expected = runTrace(argv.slice(1), c);
    expect(r).toEqual({ output: expected.stdout + expected.stderr, exitCode: 1, exit: false });
  });

  it('answers other podlab words with the usage, as the shell\'s own podlab does', () => {
    const c = bootCluster();
    const shell = createShellAdapter(c, {});
    const usage = runTrace([], c);
    expect(shell.run('podlab sim')).toEqual({ output: usage.stdout + usage.stderr, exitCode: usage.exitCode, exit: false });
    expect(shell.run('podlab').exitCode).toBe(1);
  });

  it('hands back the trace from inside a pipe, and none for a line without podlab trace', () => {
    const { shell, pod } = cluster();
    const r = shell.run(`podlab trace ${pod} web | grep result`);
    expect(r.output).toMatch(/^  result: answered by pod default\/web-\S+ on node worker-\d, container nginx listening on 80\/TCP\n$/);
    expect(r.trace?.outcome).toBe('answered');
    expect(shell.run('echo podlab trace a b').trace).toBeUndefined();
    expect(shell.run('kubectl get pods').trace).toBeUndefined();
  });
});

describe('shell adapter: prompts, continued lines, clear', () => {
  it('shows the prompts the terminal shows before the shell loads', () => {
    const shell = createShellAdapter(bootCluster(), {});
    expect(shell.prompt).toBe(WORKSTATION_PROMPT);
    expect(CONTINUATION_PROMPT).toBe(SHELL_CONTINUATION_PROMPT);
  });

  it("follows a nested shell's prompt in and out", () => {
    const { shell } = cluster();
    shell.run('kubectl run tmp --rm -it --image=busybox:1.36 --restart=Never -- sh');
    expect(shell.prompt).toBe('/ # ');
    expect(shell.run('hostname').output).toBe('tmp\n');
    const left = shell.run('exit');
    expect(left.exit).toBe(false);
    expect(shell.prompt).toBe(WORKSTATION_PROMPT);
  });

  it('asks for more of a here-document, then applies it whole', () => {
    const shell = createShellAdapter(bootCluster(), {});
    const lines = ['cat <<EOF | kubectl apply -f -', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'EOF'];
    for (let i = 1; i < lines.length; i++) expect(shell.needsMoreInput(lines.slice(0, i).join('\n'))).toBe(true);
    expect(shell.needsMoreInput(lines.join('\n'))).toBe(false);
    expect(shell.run(lines.join('\n')).output).toBe('configmap/settings created\n');
  });

  it('signals clear', () => {
    const shell = createShellAdapter(bootCluster(), {});
    expect(shell.run('clear')).toEqual({ output: '', exitCode: 0, exit: false, clear: true });
  });
});

describe('shell adapter: kubectl edit', () => {
  it('hands the file to open back with the line, and saveEdit applies what the editor saved', () => {
    const { c, shell } = cluster();
    const r = shell.run('kubectl edit deployment/web');
    expect(r.output).toBe('Editing deployment.apps/web in the editor; Apply to save.\n');
    expect(r.edit?.path).toBe('kubectl-edit-deployment-web.yaml');
    // The request is plain data: it survives being kept as JSON by the page.
    const request = JSON.parse(JSON.stringify(r.edit));
    const saved = shell.saveEdit(request, request.text.replace('  replicas: 2\n', '  replicas: 4\n'));
    expect(saved).toEqual({ output: 'deployment.apps/web edited\n', exitCode: 0 });
    expect(c.store.get('Deployment', 'default', 'web')!.spec.replicas).toBe(4);
    expect(shell.saveEdit(request, '').output).toBe('Edit cancelled, saved file was empty.\n');
  });
});
