import { describe, expect, it } from 'vitest';
import { bootCluster } from '../../test/support/cluster-fixture';
import { createSession, runLine } from './session';

/** A container's writable layer: what one exec writes, the next exec into the same container reads. */
const session = () => {
  const s = createSession(bootCluster(), { readFile: () => undefined, listDir: () => undefined });
  for (const l of ['kubectl create deployment web --image=nginx:1.27', 'kubectl expose deployment web --port=80', 'kubectl run cu --image=curlimages/curl -- sleep 3600', 'kubectl run bb --image=busybox:1.36 -- sleep 3600', 'sleep 20']) runLine(l, s);
  return s;
};
const out = (s: ReturnType<typeof session>, line: string) => runLine(line, s).output;

describe('files written inside containers', () => {
  it('curl -o FILE writes the body where a later exec finds it, relative paths from the shell\'s folder', () => {
    const s = session();
    expect(out(s, 'kubectl exec cu -- curl -s -o /tmp/page http://web')).toBe('');
    expect(out(s, 'kubectl exec cu -- head -4 /tmp/page')).toBe('<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n');
    expect(out(s, "kubectl exec cu -- sh -c 'cd /tmp && curl -sI -o h web && head -1 h'")).toBe('HTTP/1.1 200 OK\r\n');
    expect(out(s, 'kubectl exec cu -- head -1 /tmp/h')).toBe('HTTP/1.1 200 OK\r\n');
    // Another container does not see them.
    expect(out(s, 'kubectl exec bb -- cat /tmp/page')).toBe("cat: can't open '/tmp/page': No such file or directory\ncommand terminated with exit code 1\n");
    // BusyBox's cat in its own words; Debian's is GNU's.
    expect(out(s, 'kubectl exec bb -- cat /etc')).toBe('cat: read error: Is a directory\ncommand terminated with exit code 1\n');
    expect(out(s, 'kubectl exec deploy/web -- cat /tmp/page')).toBe('cat: /tmp/page: No such file or directory\ncommand terminated with exit code 1\n');
    // BusyBox head is a bare perror; its tail says open_or_warn's words, then gives up with no file open.
    expect(out(s, 'kubectl exec bb -- head /tmp/page')).toBe('head: /tmp/page: No such file or directory\ncommand terminated with exit code 1\n');
    expect(out(s, 'kubectl exec bb -- tail /tmp/page')).toBe("tail: can't open '/tmp/page': No such file or directory\ntail: no files\ncommand terminated with exit code 1\n");
    expect(out(s, 'kubectl exec bb -- sort /tmp/page')).toBe("sort: can't open '/tmp/page': No such file or directory\ncommand terminated with exit code 1\n");
  });

  it('wget saves under the URL\'s name or -O FILE; -O /dev/null keeps nothing', () => {
    const s = session();
    expect(out(s, 'kubectl exec bb -- wget -q web')).toBe('');
    expect(out(s, 'kubectl exec bb -- wc -c index.html')).toBe('615 index.html\n');
    // BusyBox opens a name it chose with O_EXCL: a second download of the same page fails; -O may overwrite.
    expect(runLine('kubectl exec bb -- wget web', s)).toEqual({ output: expect.stringMatching(/^Connecting to web \(10\.\d+\.\d+\.\d+:80\)\nwget: can't open 'index.html': File exists\ncommand terminated with exit code 1\n$/), exitCode: 1 });
    expect(out(s, 'kubectl exec bb -- wget -q -O index.html web')).toBe('');
    expect(out(s, 'kubectl exec bb -- wget -q -O /tmp/w http://web/')).toBe('');
    expect(out(s, 'kubectl exec bb -- wc -c /tmp/w')).toBe('615 /tmp/w\n');
  });

  it('a pod created again under the same name starts with clean files', () => {
    const s = session();
    runLine("kubectl exec bb -- sh -c 'echo hi > /tmp/x'", s);
    expect(out(s, 'kubectl exec bb -- cat /tmp/x')).toBe('hi\n');
    for (const l of ['kubectl delete pod bb --now', 'kubectl run bb --image=busybox:1.36 -- sleep 3600', 'sleep 10']) runLine(l, s);
    expect(out(s, 'kubectl exec bb -- cat /tmp/x')).toMatch(/No such file or directory/);
  });

  it("curl's progress meter: shown when its output is not a terminal, never with -s or on a terminal", () => {
    const s = session();
    const meter = /^  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n/;
    // kubectl exec without -t gives the container no terminal.
    expect(out(s, 'kubectl exec cu -- curl http://web')).toMatch(meter);
    expect(out(s, 'kubectl exec -t cu -- curl http://web')).toMatch(/^<!DOCTYPE html>/);
    expect(out(s, 'kubectl exec cu -- curl -s http://web')).toMatch(/^<!DOCTYPE html>/);
    // With a terminal, a pipe or a file still takes the body away from it.
    expect(out(s, "kubectl exec -t cu -- sh -c 'curl http://web | head -1'")).toMatch(meter);
    expect(out(s, 'kubectl exec -t cu -- curl -o /tmp/p http://web')).toMatch(meter);
    expect(out(s, "kubectl exec -t cu -- sh -c 'curl -s http://web | head -1'")).toBe('<!DOCTYPE html>\n');
  });
});
