import { describe, expect, it } from 'vitest';
import { bareCluster, bootCluster } from '../../test/support/cluster-fixture';
import { echo } from './commands/echo';
import { standardCommands } from './commands/standard';
import { createSession, prompt, runLine, type ShellSession } from './session';

const FILES: Record<string, string> = {
  'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: client\nspec:\n  containers:\n  - name: busybox\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n',
};
const session = (cluster = bareCluster()) => createSession(cluster, { readFile: (p) => FILES[p], listDir: () => undefined });
const output = (s: ShellSession, ...lines: string[]) => lines.map((l) => runLine(l, s).output).join('');

describe('runLine', () => {
  it('runs kubectl and its alias k', () => {
    const s = session();
    expect(runLine('kubectl get pods', s)).toEqual({ output: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(runLine("k get 'pod' nope", s)).toEqual({ output: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
  });

  it('lets virtual time pass with sleep', () => {
    const s = session();
    const before = s.cluster.clock.now();
    expect(runLine('sleep 90', s)).toEqual({ output: '', exitCode: 0 });
    expect(s.cluster.clock.now() - before).toBe(90_000);
    expect(runLine('sleep', s).exitCode).toBe(1);
  });

  it('does nothing for blank lines and comments, and ends on exit', () => {
    expect(runLine('   ', session())).toEqual({ output: '', exitCode: 0 });
    expect(runLine('# kubectl delete pods --all', session())).toEqual({ output: '', exitCode: 0 });
    expect(runLine('exit', session())).toEqual({ output: '', exitCode: 0, exit: true });
    expect(runLine('exit 3', session())).toEqual({ output: '', exitCode: 3, exit: true });
  });

  it('answers like bash for unknown commands and bad syntax', () => {
    expect(runLine('dig web', session())).toEqual({ output: 'bash: dig: command not found\n', exitCode: 127 });
    expect(runLine("echo 'oops", session())).toEqual({ output: "bash: unexpected EOF while looking for matching `''\n", exitCode: 2 });
    expect(runLine('echo )', session())).toEqual({ output: "bash: syntax error near unexpected token `)'\n", exitCode: 2 });
    expect(runLine('for i in 1 2; do echo $i', session())).toEqual({ output: 'bash: syntax error: unexpected end of file\n', exitCode: 2 });
  });
});

describe('the shell language', () => {
  it('expands variables, $? and command substitutions, splitting unquoted ones', () => {
    const s = session();
    expect(output(s, 'X="a  b"', 'echo $X "$X" ${NOPE:-none} ${#X}')).toBe('a b a  b none 4\n');
    expect(output(s, 'false', 'echo $?', 'echo $(echo one; echo two)')).toBe('1\none two\n');
    expect(output(s, 'export N=3', 'echo n=$N')).toBe('n=3\n');
  });

  it('runs pipes, lists and loops, with stderr going straight to the terminal', () => {
    const s = session();
    expect(output(s, 'seq 1 5 | grep -v 3 | wc -l')).toBe('4\n');
    expect(output(s, 'true && echo yes || echo no; false && echo yes || echo no')).toBe('yes\nno\n');
    expect(output(s, 'for i in $(seq 1 3); do echo "pod-$i"; done | tail -n 1')).toBe('pod-3\n');
    expect(output(s, 'k get nope | wc -l')).toBe('error: the server doesn\'t have a resource type "nope"\n0\n');
    expect(output(s, 'if k get nope; then echo found; else echo missing; fi')).toBe('error: the server doesn\'t have a resource type "nope"\nmissing\n');
  });

  it('redirects: 2>&1 into a pipe, > /dev/null, > file then cat', () => {
    const s = session();
    expect(output(s, 'k get nope 2>&1 | wc -l')).toBe('1\n');
    expect(output(s, 'k get nope 2>/dev/null; echo $?')).toBe('1\n');
    expect(output(s, 'echo saved > notes.txt', 'echo more >> notes.txt', 'cat notes.txt')).toBe('saved\nmore\n');
    expect(output(s, 'cat < nope')).toBe('bash: nope: No such file or directory\n');
  });

  it('applies a here-document through kubectl apply -f -', () => {
    const s = session();
    const text = 'cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: $NS\nEOF';
    expect(output(s, 'NS=lab', text)).toBe('namespace/lab created\n');
    expect(output(s, "cat <<'EOF' | kubectl apply -f -\nkind: Nope\nEOF")).toContain('STDIN');
  });

  it('says plainly what it does not run', () => {
    expect(runLine('echo $((1+2))', session())).toEqual({ output: 'bash: $((…)) is not available in this simulated shell\n', exitCode: 2 });
    expect(runLine('while true; do echo; done', session())).toEqual({ output: 'bash: while is not available in this simulated shell\n', exitCode: 2 });
    expect(runLine('sleep 5 &', session()).output).toBe('bash: background jobs (&) are not available in this simulated shell\n');
  });
});

describe('builtins', () => {
  it('keeps aliases, k=kubectl first', () => {
    const s = session(bootCluster());
    expect(output(s, 'alias')).toBe("alias k='kubectl'\n");
    expect(output(s, 'alias kgp="kubectl get pods"', 'kgp')).toBe('No resources found in default namespace.\n');
    expect(runLine('unalias nope', s)).toEqual({ output: 'bash: unalias: nope: not found\n', exitCode: 1 });
    expect(output(s, "alias kw='kubectl get pods -A | grep -c'", 'kw coredns')).toBe('2\n');
    expect(output(s, "alias echo='echo said:'", "echo 'a  b'")).toBe('said: a  b\n');
    expect(output(s, 'unalias k', 'k get pods')).toBe('bash: k: command not found\n');
  });

  it('numbers the history as bash does', () => {
    const s = session();
    expect(output(s, 'echo a', 'history')).toBe('a\n    1  echo a\n    2  history\n');
  });

  it('exports, unsets and refuses bad names', () => {
    const s = session();
    expect(output(s, 'export A=1 B=x', 'unset B', 'echo "$A-$B"')).toBe('1-\n');
    expect(runLine('export "1x=2"', s)).toEqual({ output: "bash: export: `1x=2': not a valid identifier\n", exitCode: 1 });
  });

  it('signals clear and watch to the terminal', () => {
    const s = session();
    expect(runLine('clear', s)).toEqual({ output: '', exitCode: 0, clear: true });
    expect(runLine('watch -n 5 kubectl get pods', s)).toEqual({
      output: 'No resources found in default namespace.\nwatch: ran "kubectl get pods" once; repeating every 5s needs the browser terminal\n',
      exitCode: 0,
      watch: { command: 'kubectl get pods', intervalSeconds: 5 },
    });
    const browser = createSession(bareCluster(), { readFile: () => undefined, listDir: () => undefined }, { terminal: 'browser' });
    expect(runLine('watch echo hi', browser)).toEqual({ output: 'hi\n', exitCode: 0, watch: { command: 'echo hi', intervalSeconds: 2 } });
  });

  it('has pwd and cd', () => {
    const s = session();
    expect(output(s, 'pwd', 'cd nowhere')).toBe('/home/learner\nbash: cd: nowhere: No such file or directory\n');
  });
});

describe('the command table', () => {
  it('runs commands other modules register, where the image has them', () => {
    const commands = standardCommands().register('nslookup', (argv, ctx) => ({ stdout: `${argv[1]} from ${ctx.where.kind}\n`, stderr: '', exitCode: 0 }));
    const s = createSession(bootCluster(), { readFile: (p) => FILES[p], listDir: () => undefined }, { commands });
    expect(output(s, 'nslookup web')).toBe('bash: nslookup: command not found\n');
    output(s, 'kubectl apply -f pod.yaml', 'sleep 5');
    expect(output(s, 'kubectl exec client -- nslookup web')).toBe('web from pod\n');
    commands.register('shout', (argv) => echo(['echo', ...argv.slice(1).map((a) => a.toUpperCase())], undefined as never), { kind: 'utility', workstation: true });
    expect(output(s, 'shout hi')).toBe('HI\n');
  });
});

describe('nested shells', () => {
  const withClient = () => {
    const s = session(bootCluster());
    output(s, 'kubectl apply -f pod.yaml', 'sleep 5');
    return s;
  };

  it('enters busybox sh with kubectl exec -it and leaves it with exit', () => {
    const s = withClient();
    expect(runLine('kubectl exec -it client -- sh', s)).toEqual({ output: '', exitCode: 0 });
    expect(prompt(s)).toBe('/ # ');
    expect(output(s, 'echo $HOSTNAME', 'cat /etc/hostname')).toBe('client\nclient\n');
    expect(runLine('curl http://web', s)).toEqual({ output: 'sh: curl: not found\n', exitCode: 127 });
    expect(runLine('kubectl get pods', s).output).toBe('sh: kubectl: not found\n');
    expect(runLine('exit', s)).toEqual({ output: 'command terminated with exit code 127\n', exitCode: 127 });
    expect(prompt(s)).toBe('learner@workstation:~$ ');
    expect(output(s, 'kubectl exec -it client -- sh', 'exit 0')).toBe('');
  });

  it('runs one command without -it and prints only its output', () => {
    const s = withClient();
    expect(runLine('kubectl exec client -- echo hi', s)).toEqual({ output: 'hi\n', exitCode: 0 });
    expect(runLine('kubectl exec client -- sh -c "echo a; exit 4"', s)).toEqual({ output: 'a\ncommand terminated with exit code 4\n', exitCode: 4 });
    expect(runLine('kubectl exec client -- curl web', s)).toEqual({
      output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n',
      exitCode: 126,
    });
    expect(runLine('echo hi | kubectl exec -i client -- cat', s).output).toBe('hi\n');
    expect(runLine("echo 'echo $HOSTNAME' | kubectl exec -it client -- sh", s)).toEqual({ output: 'Unable to use a TTY - input is not a terminal or the right kind of file\nclient\n', exitCode: 0 });
    expect(prompt(s)).toBe('learner@workstation:~$ ');
    expect(runLine('kubectl exec client ls', s)).toEqual({ output: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n", exitCode: 1 });
    expect(runLine('kubectl exec nope -- ls', s)).toEqual({ output: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(runLine('kubectl exec client', s)).toEqual({ output: 'error: you must specify at least one command for the container\n', exitCode: 1 });
    expect(runLine('kubectl exec client -c web -- ls', s)).toEqual({ output: 'Error from server (BadRequest): container web is not valid for pod client\n', exitCode: 1 });
  });

  it('tells a program the image lacks from one it has that the simulation does not run', () => {
    const s = withClient();
    // busybox has ls and ps as applets: not "not found", and no OCI error for a direct exec.
    expect(runLine('kubectl exec client -- sh -c "ls /"', s)).toEqual({ output: 'sh: ls: not available in this simulated cluster yet\ncommand terminated with exit code 127\n', exitCode: 127 });
    expect(runLine('kubectl exec client -- ps', s)).toEqual({ output: 'ps: not available in this simulated cluster yet\ncommand terminated with exit code 127\n', exitCode: 127 });
    expect(runLine('kubectl exec client -- sh -c nope', s)).toEqual({ output: 'sh: nope: not found\ncommand terminated with exit code 127\n', exitCode: 127 });
    // ash is BusyBox's shell under its own name too.
    expect(runLine("kubectl exec client -- ash -c 'echo $HOSTNAME'", s)).toEqual({ output: 'client\n', exitCode: 0 });
    output(s, 'kubectl run web --image=nginx', 'sleep 10');
    // Debian's slim base has coreutils but no procps or iproute2.
    expect(runLine('kubectl exec web -- ls', s).output).toBe('ls: not available in this simulated cluster yet\ncommand terminated with exit code 127\n');
    expect(runLine('kubectl exec web -- sh -c ps', s).output).toBe('sh: 1: ps: not found\ncommand terminated with exit code 127\n');
    expect(runLine('kubectl exec web -- printenv HOSTNAME', s)).toEqual({ output: 'web\n', exitCode: 0 });
  });

  it('runs a throwaway pod with kubectl run --rm -it and deletes it on exit', () => {
    const s = session(bootCluster());
    expect(runLine('kubectl run tmp --rm -it --image=busybox --restart=Never -- sh', s)).toEqual({ output: "If you don't see a command prompt, try pressing enter.\n", exitCode: 0 });
    expect(prompt(s)).toBe('/ # ');
    expect(output(s, 'echo inside')).toBe('inside\n');
    expect(runLine('exit', s)).toEqual({ output: 'pod "tmp" deleted from default namespace\n', exitCode: 0 });
    expect(output(s, 'kubectl get pod tmp')).toBe('Error from server (NotFound): pods "tmp" not found\n');
    expect(runLine('kubectl run x --rm --image=busybox', s)).toEqual({ output: 'error: --rm should only be used for attached containers\n', exitCode: 1 });
  });

  it('opens bash in a Debian image with its prompt, and debugs a node', () => {
    const s = session(bootCluster());
    output(s, 'kubectl run web --image=nginx', 'sleep 10');
    expect(output(s, 'kubectl exec -it web -- bash')).toBe('');
    expect(prompt(s)).toBe('root@web:/# ');
    expect(output(s, 'nope')).toBe('bash: nope: command not found\n');
    expect(output(s, 'exit')).toBe('exit\ncommand terminated with exit code 127\n');
    expect(output(s, 'kubectl exec -it web -- sh')).toBe('');
    expect(prompt(s)).toBe('# ');
    expect(output(s, 'nope', 'exit 0')).toBe('sh: 1: nope: not found\n');
    expect(output(s, 'kubectl debug node/worker-1 -it --image=busybox')).toMatch(/^Creating debugging pod node-debugger-worker-1-[a-z0-9]{5} with container debugger on node worker-1\.\nIf you don't see a command prompt, try pressing enter\.\n$/);
    expect(output(s, 'cat /etc/hostname', 'exit')).toBe('worker-1\n');
    output(s, 'kubectl debug node/worker-2 -it --image=nicolaka/netshoot');
    expect(prompt(s)).toBe('worker-2:~# ');
    expect(output(s, 'nope', 'exit 0')).toBe('zsh: command not found: nope\n');
  });

  it('counts a substitution\'s status only for the line that ran it', () => {
    const s = session();
    expect(output(s, 'X=$(false)', 'echo $?', 'Y=1', 'echo $?')).toBe('1\n0\n');
  });
});
