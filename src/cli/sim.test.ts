import { describe, expect, it } from 'vitest';
import { bareCluster, bootCluster } from '../../test/support/cluster-fixture';
import { createSession } from '../shell/session';
import { replayTranscript, runTranscript } from './sim';

describe('runTranscript (podlab sim with piped input)', () => {
  it('echoes each command after "$ ", skips blank lines and comments, stops at exit', () => {
    const session = createSession(bareCluster(), { readFile: () => undefined, listDir: () => undefined });
    const input = '# a comment\n\nkubectl get pods\n  kubectl get nope  \nexit\nkubectl get pods\n';
    expect(runTranscript(session, input)).toBe(
      '$ kubectl get pods\nNo resources found in default namespace.\n$ kubectl get nope\nerror: the server doesn\'t have a resource type "nope"\n$ exit\n',
    );
  });

  it('echoes lines inside a nested shell after its prompt, and continued lines after "> "', () => {
    const session = createSession(bootCluster(), { readFile: () => undefined, listDir: () => undefined });
    const input = 'kubectl run tmp --rm -it --image=busybox -- sh\necho "in $HOSTNAME"\nexit\ncat <<EOF\n  indented\nEOF\n';
    const transcript = runTranscript(session, input);
    expect(transcript).toBe(
      '$ kubectl run tmp --rm -it --image=busybox -- sh\nIf you don\'t see a command prompt, try pressing enter.\n/ # echo "in $HOSTNAME"\nin tmp\n/ # exit\npod "tmp" deleted from default namespace\n$ cat <<EOF\n>   indented\n> EOF\n  indented\n',
    );
    const again = createSession(bootCluster(), { readFile: () => undefined, listDir: () => undefined });
    expect(replayTranscript(again, `# header\n${transcript}`)).toBe(`# header\n${transcript}`);
  });
});
