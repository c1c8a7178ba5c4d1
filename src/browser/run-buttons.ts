import { workbenchReady } from './page-bus';

/**
 * Adds a "Run" button to each shell code block of a lesson (```sh, ```bash or
 * ```shell, as Shiki marks them with data-language): it types the
 * block's commands into the workbench terminal, one line at a time.
 */

const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell']);

export function addRunButtons(root: ParentNode = document): void {
  for (const pre of root.querySelectorAll<HTMLElement>('article pre[data-language]')) {
    if (!SHELL_LANGUAGES.has(pre.dataset.language ?? '') || pre.dataset.runnable) continue;
    pre.dataset.runnable = 'true';
    const commands = commandsOf(pre.textContent ?? '');
    if (commands.length === 0) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'run-button';
    button.textContent = 'Run';
    button.setAttribute('aria-label', `Run in the terminal: ${commands.join('; ')}`);
    button.addEventListener('click', () => {
      void workbenchReady.then((wb) => {
        for (const command of commands) wb.terminal.typeAndRun(command);
      });
    });
    pre.before(button);
  }
  // <Run cmd="…"> buttons: one command each.
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-run]')) {
    if (button.dataset.wired) continue;
    button.dataset.wired = 'true';
    const command = button.dataset.run ?? '';
    button.addEventListener('click', () => {
      void workbenchReady.then((wb) => wb.terminal.typeAndRun(command));
    });
  }
}

/** A block's command lines: blank lines and `#` comments left out, a leading `$ ` prompt dropped. */
export function commandsOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^\$ /, '').trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}
