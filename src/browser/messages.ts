/** The notices and labels the lesson site shows, in one place. */
export const NOTICES = {
  progressCorrupt: 'Your saved progress could not be read, so this lesson starts afresh.',
  progressOld: 'Your saved progress is from an older version of the course, so this lesson starts afresh.',
  snapshotUnusable: 'The saved cluster of this lesson could not be restored, so it starts afresh.',
  lessonChanged: 'This lesson now starts from a different cluster, so it starts afresh.',
  storageFull: 'Your browser refused to save more progress (storage full or disabled); this lesson will not survive a reload.',
  lessonReset: 'The lesson was reset: a fresh cluster, no history.',
} as const;

export const SHELL_EXIT_NOTE = '(the workbench keeps its shell open: here is a new one)';

/** The shell's chunk did not arrive (offline, say); the line stays in history to run again. */
export const SHELL_LOAD_FAILED = 'podlab: the shell could not be loaded (is the network down?); press the up arrow and Enter to try again';

/** The shell's chunk did not arrive when a `kubectl edit` tab was applied; the tab stays open. */
export const EDIT_SAVE_LOAD_FAILED = 'podlab: the shell could not be loaded (is the network down?); press Apply again to save this edit';
