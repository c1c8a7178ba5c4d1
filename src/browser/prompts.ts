/**
 * The prompts the terminal shows before the shell has loaded (it is
 * loaded lazily, see lesson-session.ts). They must equal what the shell
 * itself shows: shell-adapter.test.ts checks both.
 */

/** The prompt of the learner's workstation, as `podlab sim` shows it. */
export const WORKSTATION_PROMPT = 'learner@workstation:~$ ';

/** The prompt for a line that continues an unfinished one (PS2). */
export const CONTINUATION_PROMPT = '> ';
