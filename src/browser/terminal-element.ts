import '@xterm/xterm/css/xterm.css';
import { onScreenReaderModeChange, screenReaderMode } from './screen-reader';
import { SHELL_EXIT_NOTE, SHELL_LOAD_FAILED } from './messages';
import { announceWorkbench } from './page-bus';
import { pageSession, sessionKeyOf } from './page-session';
import type { ShellAdapter } from './shell-adapter';
import { TerminalView } from './terminal';
import { terminalTheme } from './theme';
import { WORKSTATION_PROMPT } from './prompts';

/**
 * <podlab-terminal data-lesson data-scenario data-seed> (`<Terminal />`):
 * a terminal of its own on the lesson's one cluster, shared with the
 * workbench and any other terminal or editor of that lesson on the page.
 * Its shell is a second shell on that cluster (own history and nested
 * shells). After every command the session is saved with this terminal's
 * history and screen text, under its key: `data-terminal-id` (the `id`
 * prop) or `#N` for the Nth `<Terminal>` of the lesson on the page, so a
 * reload shows it as it was. On a page with no workbench, the first
 * terminal is where Run buttons, exercises and editors' Apply go.
 */
class TerminalElement extends HTMLElement {
  private booted = false;

  connectedCallback(): void {
    if (this.booted) return;
    this.booted = true;
    this.boot().catch((e: unknown) => {
      this.textContent = `The terminal could not start: ${(e as Error).message}`;
      this.dataset.state = 'failed';
    });
  }

  /** Where this terminal's history and text are saved in the lesson's progress. */
  private key(): string {
    if (this.dataset.terminalId) return this.dataset.terminalId;
    const lesson = this.dataset.lesson ?? '';
    const terminals = [...document.querySelectorAll<HTMLElement>('podlab-terminal')].filter((t) => (t.dataset.lesson ?? '') === lesson);
    return `#${terminals.indexOf(this) + 1}`;
  }

  private async boot(): Promise<void> {
    const key = this.key();
    const session = await pageSession(sessionKeyOf(this));
    const saved = session.terminal(key);
    let shell: Promise<ShellAdapter> | undefined;
    const loadShell = () => (shell ??= session.extraShell(saved.history).catch((e: unknown) => {
      shell = undefined;
      throw e;
    }));
    const host = this.querySelector<HTMLElement>('[data-terminal]') ?? this;
    const terminal = new TerminalView(host, {
      prompt: WORKSTATION_PROMPT,
      history: saved.history,
      transcript: saved.transcript,
      screenReaderMode: screenReaderMode(),
      theme: terminalTheme(),
      shell: loadShell,
      warmUp: () => void loadShell().catch(() => undefined),
      afterLine: (added, history, cleared) => {
        session.terminalLine(key, added, history, cleared);
        session.save();
      },
      onExit: () => {
        shell = undefined;
      },
      exitNote: SHELL_EXIT_NOTE,
      loadFailedNote: SHELL_LOAD_FAILED,
    });
    // The workbench's screen-reader checkbox speaks for every terminal on the page.
    onScreenReaderModeChange((on) => terminal.setScreenReaderMode(on));
    session.subscribe((e) => {
      if (e.type === 'reset') terminal.restart([]);
    });
    window.addEventListener('podlab:theme', () => terminal.setTheme(terminalTheme()));
    this.dataset.state = 'ready';
    Object.assign(this, { terminalText: () => terminal.text() });
    if (!document.querySelector('podlab-workbench') && !document.querySelector('podlab-terminal[data-announced]')) {
      this.dataset.announced = 'true';
      announceWorkbench({ session, terminal, notify: (m) => (terminal.printAbove(`${m}\n`)) });
    }
  }
}

if (!customElements.get('podlab-terminal')) customElements.define('podlab-terminal', TerminalElement);
