import '@xterm/xterm/css/xterm.css';
import { loadCatalogue, loadScenario, loadWorkspace } from './content';
import { LessonSession } from './lesson-session';
import { NOTICES, SHELL_EXIT_NOTE } from './messages';
import { announceWorkbench } from './page-bus';
import { ProgressStore } from './progress';
import { TerminalView } from './terminal';
import { terminalTheme } from './theme';

/**
 * <podlab-workbench data-lesson data-scenario data-seed>: boots the lesson's
 * cluster in this tab (or restores it), attaches the terminal, saves after
 * every command and offers Reset lesson and a screen-reader mode.
 */

const SCREEN_READER_KEY = 'podlab:screen-reader';

class WorkbenchElement extends HTMLElement {
  private booted = false;

  connectedCallback(): void {
    if (this.booted) return;
    this.booted = true;
    this.boot().catch((e: unknown) => {
      this.notify(`The workbench could not start: ${(e as Error).message}`);
      this.dataset.state = 'failed';
    });
  }

  private async boot(): Promise<void> {
    const lessonId = this.dataset.lesson ?? '';
    const [scenario, workspace] = await Promise.all([loadScenario(this.dataset.scenario ?? 'default'), loadWorkspace(lessonId)]);
    const session = new LessonSession({
      lessonId,
      scenario,
      seed: Number(this.dataset.seed ?? '1'),
      catalogue: loadCatalogue(),
      workspace,
      store: new ProgressStore(localStorage),
    });
    const host = this.querySelector<HTMLElement>('[data-terminal]')!;
    const screenReader = this.querySelector<HTMLInputElement>('[data-screen-reader]');
    const terminal = new TerminalView(host, {
      prompt: session.shell.prompt,
      history: session.history,
      transcript: session.transcript,
      screenReaderMode: readFlag(SCREEN_READER_KEY),
      theme: terminalTheme(),
      runLine: (line) => session.run(line),
      afterLine: (added, history) => {
        session.history = [...history];
        session.transcript += added;
        const notice = session.save();
        if (notice) this.notify(notice);
      },
      exitNote: SHELL_EXIT_NOTE,
    });

    if (screenReader) {
      screenReader.checked = readFlag(SCREEN_READER_KEY);
      screenReader.addEventListener('change', () => {
        terminal.setScreenReaderMode(screenReader.checked);
        writeFlag(SCREEN_READER_KEY, screenReader.checked);
      });
    }
    this.querySelector('[data-reset-lesson]')?.addEventListener('click', () => {
      if (!confirm('Reset this lesson? Its cluster, history and exercises start afresh.')) return;
      session.reset();
      terminal.restart([]);
      this.notify(NOTICES.lessonReset);
    });
    window.addEventListener('podlab:theme', () => terminal.setTheme(terminalTheme()));

    for (const notice of session.notices) this.notify(notice);
    this.dataset.state = 'ready';
    // For tests (and curious learners): the terminal's text and size.
    Object.assign(this, { terminalText: () => terminal.text(), terminalColumns: () => terminal.term.cols });
    announceWorkbench({ session, terminal, notify: (m) => this.notify(m) });
  }

  private notify(message: string): void {
    const area = this.querySelector<HTMLElement>('[data-notice]');
    if (!area) return;
    area.hidden = false;
    area.textContent = message;
  }
}

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'on';
  } catch {
    return false;
  }
}

function writeFlag(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, on ? 'on' : 'off');
  } catch {
    // Not remembered; it still applies now.
  }
}

if (!customElements.get('podlab-workbench')) customElements.define('podlab-workbench', WorkbenchElement);
