import { CommandTable } from '../command-table';
import { awk } from './awk';
import { falseCommand, sleep, trueCommand } from './basics';
import { cat } from './cat';
import { cut } from './cut';
import { echo } from './echo';
import { grep } from './grep';
import { head, tail } from './head-tail';
import { seq, tr } from './seq-tr';
import { sort, uniq } from './sort-uniq';
import { wc } from './wc';

/** A table holding the core utilities every shell image has (see CommandAvailability). */
export function standardCommands(): CommandTable {
  const utility = { kind: 'utility' } as const;
  return new CommandTable()
    .register('echo', echo, utility)
    .register('cat', cat, utility)
    .register('grep', grep, utility)
    .register('head', head, utility)
    .register('tail', tail, utility)
    .register('wc', wc, utility)
    .register('sort', sort, utility)
    .register('uniq', uniq, utility)
    .register('cut', cut, utility)
    .register('awk', awk, utility)
    .register('seq', seq, utility)
    .register('tr', tr, utility)
    .register('true', trueCommand, utility)
    .register('false', falseCommand, utility)
    .register('sleep', sleep, utility);
}
