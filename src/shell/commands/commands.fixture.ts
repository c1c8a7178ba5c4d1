import { bareCluster } from '../../../test/support/cluster-fixture';
import type { CommandContext, CommandIO, ShellCommand } from '../command-table';

const FILES: Record<string, string> = {
  'pods.txt': 'web-1 Running 10.244.1.5 worker-1\nweb-2 Pending <none> <none>\ndb-1 Running 10.244.2.7 worker-2\n',
  'words.txt': 'b\na\nc\na\n',
  'numbers.txt': '10\n9\n100\n',
};

/** A context on the workstation with a few files and the given standard input. */
export function context(stdin = ''): CommandContext {
  return {
    stdin,
    env: new Map(),
    cluster: bareCluster(),
    files: { readFile: (p) => FILES[p], listDir: (p) => (p === 'dir' ? [] : undefined) },
    where: { kind: 'workstation' },
  };
}

/** Runs a command as `name args…` with standard input. */
export const run = (command: ShellCommand, line: string[], stdin = ''): CommandIO => command(line, context(stdin));
