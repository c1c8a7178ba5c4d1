import { describe, expect, it } from 'vitest';
import { WatchStream } from './watch-stream';

const table = (rows: string[]) => ['NAME                   READY   STATUS              RESTARTS   AGE', ...rows].join('\n') + '\n';

describe('WatchStream', () => {
  it('prints a row when its object changes, not when it only ages', () => {
    const stream = new WatchStream(table(['web-64bf787f5f-mdpkn   0/1     ContainerCreating   0          1s', 'web-64bf787f5f-t7gmj   0/1     ContainerCreating   0          1s']));
    expect(stream.changedRows(table(['web-64bf787f5f-mdpkn   0/1     ContainerCreating   0          2s', 'web-64bf787f5f-t7gmj   0/1     ContainerCreating   0          2s']))).toEqual([]);
    expect(stream.changedRows(table(['web-64bf787f5f-mdpkn   1/1     Running             0          4s', 'web-64bf787f5f-t7gmj   0/1     ContainerCreating   0          4s']))).toEqual([
      'web-64bf787f5f-mdpkn   1/1     Running             0          4s',
    ]);
  });

  it('prints new objects, keyed by namespace and name under -A', () => {
    const header = 'NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE';
    const stream = new WatchStream(`${header}\ndefault     a      1/1     Running   0          5s\n`);
    expect(stream.changedRows(`${header}\ndefault     a      1/1     Running   0          6s\ndev         a      0/1     Pending   0          0s\n`)).toEqual(['dev         a      0/1     Pending   0          0s']);
  });

  it('prints nothing for output that is not a table', () => {
    expect(new WatchStream('').changedRows('Error from server (NotFound): pods "x" not found\n')).toEqual([]);
  });
});
