import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareCluster, bootCluster } from '../../test/support/cluster-fixture';
import { createSession, runLine } from './session';

/**
 * Whatever a learner types, the shell answers with output and an exit code:
 * nothing throws past it, nothing reports a Podlab bug, and a command that
 * failed leaves the cluster exactly as it was.
 */
const FILES: Record<string, string> = { 'a.txt': 'x y\nz w\n', 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: client\nspec:\n  containers:\n  - name: c\n    image: busybox\n    command: ["sleep", "3600"]\n' };
const files = { readFile: (p: string) => FILES[p], listDir: (p: string) => (p === '.' ? Object.keys(FILES) : undefined) };

const word = fc.oneof(
  fc.constantFrom('a.txt', 'pod.yaml', '-n', '-c', '-l', '-v', '-i', '-E', '-f', '-', '--', '-it', '--rm', '--image=busybox', 'pods', 'pod/client', 'client', 'svc', 'x', '1', '10', '$X', '"$X"', "'q w'", '$(echo a)', '${X:-d}', '$?', '*', '\\', '"', "'", '{print $1}', "'{print $2, $1}'", 'BEGIN{x}', '(a+)+', '[a', '\\(', '~', '/dev/null'),
  fc.stringMatching(/^[a-z0-9=.\-/]{1,6}$/),
);
const program = fc.constantFrom('echo', 'cat', 'grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'awk', 'seq', 'tr', 'true', 'false', 'sleep', 'export', 'unset', 'alias', 'unalias', 'history', 'cd', 'pwd', 'watch', 'clear', 'kubectl', 'k', 'nslookup', 'foo', 'X=1', 'exit');
const operator = fc.constantFrom(' | ', '; ', ' && ', ' || ', ' 2>&1 ', ' > /dev/null ', ' >out.txt ', ' <a.txt ', ' <<<hi ', ' & ', '\n');
const command = fc.tuple(program, fc.array(word, { maxLength: 5 })).map(([p, args]) => [p, ...args].join(' '));
const line = fc.oneof(
  command,
  fc.tuple(command, operator, command).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom('for i in $(seq 1 3); do ', 'if ', '{ ', '( '), command, fc.constantFrom('; done', '; then echo y; fi', '; }', ')')).map((parts) => parts.join('')),
  fc.string({ maxLength: 40 }),
);

describe('the shell never fails past itself', () => {
  it('answers every random line with text and an exit code, inside pods too', () => {
    const cluster = bootCluster();
    const session = createSession(cluster, files);
    runLine('kubectl apply -f pod.yaml', session);
    runLine('sleep 5', session);
    fc.assert(
      fc.property(fc.array(fc.oneof(line, fc.constant('kubectl exec -it client -- sh')), { minLength: 1, maxLength: 4 }), (lines) => {
        for (const text of lines) {
          const result = runLine(text, session);
          expect(typeof result.output).toBe('string');
          expect(Number.isInteger(result.exitCode) && result.exitCode >= 0 && result.exitCode <= 255).toBe(true);
          expect(result.output).not.toContain('a Podlab bug');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('leaves the cluster unchanged when a command fails', () => {
    const verbs = fc.constantFrom('get', 'delete', 'apply', 'exec', 'describe', 'create', 'frob', 'debug', '');
    const kubectlLine = fc.tuple(verbs, fc.array(word, { maxLength: 4 })).map(([v, args]) => ['kubectl', v, ...args].join(' '));
    fc.assert(
      fc.property(fc.oneof(kubectlLine, command), (text) => {
        const session = createSession(bareCluster(3), files);
        const before = session.cluster.snapshotJson();
        const result = runLine(text, session);
        if (result.exitCode !== 0 && !/\brun\b/.test(text)) expect(session.cluster.snapshotJson()).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
