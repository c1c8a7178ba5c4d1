import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bootSession, replayTranscript } from '../src/cli/sim';

/**
 * Golden transcripts: each file in transcripts/ is a session log, `$ COMMAND`
 * lines (a nested shell's prompt inside `kubectl exec -it`, `> ` before a
 * continued line) followed by exactly what `podlab sim` prints (default scenario,
 * seed 1, workspace transcripts/workspace). Comment lines at the top
 * describe the session; one of them, `# scenario: NAME`, boots another
 * scenario of content/scenarios/. UPDATE_GOLDEN=1 rewrites the files after an
 * intended change; review the diff before committing it.
 */
const dir = fileURLToPath(new URL('./transcripts/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('golden transcripts', () => {
  it('has transcripts to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      const scenario = /^# scenario: (\S+)$/m.exec(text.split(/^\$ /m)[0]!)?.[1] ?? 'default';
      const session = bootSession({ scenario, seed: 1, workspace: `${dir}workspace` });
      if (typeof session === 'string') throw new Error(session);
      const actual = replayTranscript(session, text);
      if (process.env.UPDATE_GOLDEN) writeFileSync(`${dir}${file}`, actual);
      else expect(actual).toBe(text);
    });
  }
});
