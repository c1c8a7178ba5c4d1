import { describe, expect, it } from 'vitest';
import { max5, meterDone, meterFailed } from './curl-progress';

// The lines as curl 8 prints them (lib/progress.c), e.g. `kubectl exec POD -- curl http://web` on the nginx welcome page.
const HEADER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
const ZERO = '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

describe("curl's progress meter", () => {
  it('a finished transfer: the empty line, then the completed one, redrawn with a carriage return', () => {
    expect(meterDone(615, 615, 1)).toBe(`${HEADER}${ZERO}\r100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n`);
  });

  it('a HEAD request knows the size but receives no body', () => {
    expect(meterDone(615, 0, 2)).toBe(`${HEADER}${ZERO}\r  0   615    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n`);
  });

  it('a failed connection: one line a second while waiting', () => {
    expect(meterFailed(0)).toBe(`${HEADER}${ZERO}\n`);
    expect(meterFailed(2001)).toBe(`${HEADER}${ZERO}\r  0     0    0     0    0     0      0      0 --:--:--  0:00:01 --:--:--     0\r  0     0    0     0    0     0      0      0 --:--:--  0:00:02 --:--:--     0\n`);
  });

  it('sizes in five characters (max5data)', () => {
    expect(max5(0)).toBe('    0');
    expect(max5(99999)).toBe('99999');
    expect(max5(100000)).toBe('  97k');
    expect(max5(20 * 1024 * 1024)).toBe('20.0M');
  });
});
