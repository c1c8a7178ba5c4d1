import { describe, expect, it } from 'vitest';
import { tabulate } from './go-tabwriter';
import { humanDuration } from './human-duration';

describe('go-units HumanDuration, as crictl prints CREATED', () => {
  it.each([
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [1000, '1 second'],
    [59_999, '59 seconds'],
    [60_000, 'About a minute'],
    [119_999, 'About a minute'],
    [120_000, '2 minutes'],
    [59 * 60_000, '59 minutes'],
    [60 * 60_000, 'About an hour'],
    [89 * 60_000, 'About an hour'],
    [90 * 60_000, '2 hours'],
    [47 * 3_600_000, '47 hours'],
    [48 * 3_600_000, '2 days'],
    [14 * 86_400_000, '2 weeks'],
    [60 * 86_400_000, '2 months'],
    [730 * 86_400_000, '2 years'],
  ])('%d ms is "%s"', (ms, text) => expect(humanDuration(ms)).toBe(text));
});

describe("Go's tabwriter as crictl sets it up (min width 20, padding 3)", () => {
  it('pads every column but the last', () => {
    expect(tabulate([['A', 'LONGER-THAN-TWENTY-CHARS', 'LAST'], ['b', 'c', 'd']], 20, 3)).toBe(
      'A                   LONGER-THAN-TWENTY-CHARS   LAST\nb                   c                          d\n',
    );
  });
});
