import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DescribeWriter, goTabwrite } from './tabwriter';

describe("Go's text/tabwriter as describe sets it up", () => {
  it('aligns a column over consecutive lines only, padding two spaces', () => {
    const text = 'Name:\tweb\nNamespace:\tdefault\nIPs:\n  IP:\t10.244.1.3\nControlled By:\tReplicaSet/web\n';
    expect(goTabwrite(text)).toBe('Name:       web\nNamespace:  default\nIPs:\n  IP:           10.244.1.3\nControlled By:  ReplicaSet/web\n');
  });

  it('sizes nested columns by the block of lines that have them', () => {
    const text = 'Conditions:\n  Type\tStatus\tReason\n  ----\t------\t------\n  Available \tTrue\tMinimumReplicasAvailable\nOld:\tnone\n';
    expect(goTabwrite(text)).toBe(
      'Conditions:\n  Type        Status  Reason\n  ----        ------  ------\n  Available   True    MinimumReplicasAvailable\nOld:          none\n',
    );
  });

  it('leaves a line without tabs, and the text after the last newline, as they are', () => {
    expect(goTabwrite('a\tb\nplain line\nrest')).toBe('a  b\nplain line\nrest');
  });

  it('keeps every line and every cell text, whatever the input', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.stringMatching(/^[a-z ]{0,6}$/), { maxLength: 4 }), { maxLength: 8 }), (rows) => {
        const text = rows.map((r) => r.join('\t')).join('\n');
        const out = goTabwrite(text).split('\n');
        expect(out).toHaveLength(rows.length === 0 ? 1 : rows.length);
        rows.forEach((r, i) => expect(out[i]!.replace(/ /g, '')).toBe(r.join('').replace(/ /g, '')));
      }),
    );
  });

  it('flushes: what was written before a flush aligns on its own', () => {
    const w = new DescribeWriter();
    w.write(0, 'Name:\tweb\n');
    w.flush();
    w.write(0, 'Events:\n  Type\tReason\n');
    w.write(1, 'Normal\tScheduled\n');
    expect(w.toString()).toBe('Name:  web\nEvents:\n  Type    Reason\n  Normal  Scheduled\n');
  });

  it('never sends ESC or CR from object text to the terminal', () => {
    const w = new DescribeWriter();
    w.write(0, 'Message:\tbad\x1b[31m\rtext\n');
    expect(w.toString()).toBe('Message:  bad^[[31m\\rtext\n');
  });
});
