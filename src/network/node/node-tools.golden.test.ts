import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bootSession, replayTranscript } from '../../cli/sim';

/**
 * The node's own programs (crictl, conntrack, ipvsadm) from the learner's
 * shell: each file in __golden__ is a session (`$ COMMAND` lines and what
 * podlab sim prints, seed 1, the transcripts' workspace), on the default
 * scenario, or on the one its name starts with (`ipvs-…` on ipvs).
 * UPDATE_GOLDEN=1 rewrites them; review the diff.
 */
const dir = fileURLToPath(new URL('./__golden__/', import.meta.url));
const workspace = fileURLToPath(new URL('../../../test/transcripts/workspace', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('node tools, golden sessions', () => {
  for (const file of files) {
    it(file, () => {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      const scenario = file.startsWith('ipvs-') ? 'ipvs' : 'default';
      const session = bootSession({ scenario, seed: 1, workspace });
      if (typeof session === 'string') throw new Error(session);
      const actual = replayTranscript(session, text);
      if (process.env.UPDATE_GOLDEN) writeFileSync(`${dir}${file}`, actual);
      else expect(actual).toBe(text);
    });
  }
});
