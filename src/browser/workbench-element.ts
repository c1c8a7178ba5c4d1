import { onScreenReaderModeChange, screenReaderMode, setScreenReaderMode } from './screen-reader';
import '@xterm/xterm/css/xterm.css';
import { mountClusterMap, type ClusterMapHandle } from '../components/cluster-map/mount-cluster-map';
import { mapTraceOf } from '../components/cluster-map/trace-adapter';
import { mountEditor } from '../components/editor/mount-editor';
import type { LessonSession } from './lesson-session';
import { NOTICES, SHELL_EXIT_NOTE, SHELL_LOAD_FAILED } from './messages';
import { announceWorkbench } from './page-bus';
import { panelTabs } from './panel-tabs';
import { pageSession, sessionKeyOf } from './page-session';
import { WORKSTATION_PROMPT } from './prompts';
import { EDIT_APPLY_TITLE, EditTabs } from './edit-tabs';
import { TerminalView, type TerminalShell } from './terminal';
import { terminalTheme } from './theme';

/**
 * <podlab-workbench data-lesson data-scenario data-seed>: boots the lesson's
 * cluster in this tab (or restores it), attaches the terminal, the editor
 * and the cluster map to it, saves after every command and edit, and
 * offers Reset lesson and a screen-reader mode.
 */

/** Edits are saved this long after the last keystroke (the save writes the whole cluster). */
const EDIT_SAVE_DELAY_MS = 400;
/** A learner who has not touched the terminal this long after it is ready gets the shell fetched anyway, when the tab is idle. */
const SHELL_PREFETCH_DELAY_MS = 4000;

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
    // Shared with any <Terminal> and <Editor> of the same lesson on the page.
    const session = await pageSession(sessionKeyOf(this));
    const host = this.querySelector<HTMLElement>('[data-terminal]')!;
    const screenReader = this.querySelector<HTMLInputElement>('[data-screen-reader]');
    // The shell (and its parser, most of the site's JavaScript) is fetched on first use, not with the page.
    const loadShell = () => session.loadShell();
    const shell: TerminalShell = {
      get prompt() {
        return session.shell?.prompt ?? WORKSTATION_PROMPT;
      },
      needsMoreInput: (text) => session.shell!.needsMoreInput(text),
      run: (text) => session.run(text),
      complete: (line) => session.shell?.complete(line) ?? { from: line.length, candidates: [] },
      watchTick: (command, seconds) => session.watchTick(command, seconds),
    };
    const terminal = new TerminalView(host, {
      prompt: WORKSTATION_PROMPT,
      history: session.history,
      transcript: session.transcript,
      screenReaderMode: screenReaderMode(),
      theme: terminalTheme(),
      shell: () => loadShell().then(() => shell),
      warmUp: () => void loadShell().catch(() => undefined),
      afterLine: (added, history, cleared) => {
        session.history = [...history];
        session.transcript = cleared ? added : session.transcript + added;
        const notice = session.save();
        if (notice) this.notify(notice);
      },
      // `exit` at the workstation: a new shell on the same cluster, as SHELL_EXIT_NOTE says.
      onExit: () => session.restartShell(),
      exitNote: SHELL_EXIT_NOTE,
      loadFailedNote: SHELL_LOAD_FAILED,
    });

    onScreenReaderModeChange((on) => terminal.setScreenReaderMode(on));
    if (screenReader) {
      screenReader.checked = screenReaderMode();
      screenReader.addEventListener('change', () => setScreenReaderMode(screenReader.checked));
    }
    this.querySelector('[data-reset-lesson]')?.addEventListener('click', () => {
      if (!confirm('Reset this lesson? Its cluster, history and exercises start afresh.')) return;
      session.reset();
      terminal.restart([]);
      this.notify(NOTICES.lessonReset);
    });
    window.addEventListener('podlab:theme', () => terminal.setTheme(terminalTheme()));

    const tabs = panelTabs(this);
    const edits = new EditTabs(session, (text) => terminal.printAbove(text));
    const editor = this.attachEditor(session, terminal, edits);
    let map = this.attachMap(session);
    tabs.onSelect((name) => {
      if (name === 'map') map.refresh();
    });
    session.subscribe((e) => {
      if (e.type === 'reset') {
        // A reset is a new cluster: the map follows it, the editor gets the lesson's files back.
        map.dispose();
        map = this.attachMap(session);
        editor.setFiles(session.files());
      } else if (e.result.edit) {
        // `kubectl edit`: the object's file in a tab of its own; its Apply saves the edit.
        edits.open(e.result.edit);
        tabs.select('editor');
      } else if (e.result.trace) {
        this.showTrace(map, e.line, e.result.trace);
        tabs.select('map');
      }
    });

    for (const notice of session.notices) this.notify(notice);
    this.dataset.state = 'ready';
    // For tests (and curious learners): the terminal's text and size.
    Object.assign(this, { terminalText: () => terminal.text(), terminalColumns: () => terminal.term.cols });
    announceWorkbench({ session, terminal, notify: (m) => this.notify(m) });
    prefetchWhenIdle(loadShell);
  }

  /**
   * The workspace files in the editor: edits are the shell's files at once
   * and saved shortly after; Apply types the command. A `kubectl edit` tab's
   * Apply is kubectl edit's save instead: the result is printed in the
   * terminal, and the tab closes, or shows the file again with the failures.
   */
  private attachEditor(session: LessonSession, terminal: TerminalView, edits: EditTabs) {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const saveSoon = (): void => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        pending = undefined;
        const notice = session.save();
        if (notice) this.notify(notice);
      }, EDIT_SAVE_DELAY_MS);
    };
    // Leaving the page right after typing still keeps the edit.
    window.addEventListener('pagehide', () => {
      if (pending !== undefined) session.save();
    });
    const handle = mountEditor(this.querySelector<HTMLElement>('[data-editor]')!, {
      files: session.files(),
      onChange: (path, text) => {
        if (!edits.change(path, text)) session.editFile(path, text);
        saveSoon();
      },
      onApply: (path, text) => {
        if (edits.apply(path, text) !== false) return;
        session.editFile(path, text);
        terminal.typeAndRun(`kubectl apply -f ${path}`);
      },
      applyTitle: (path) => (edits.has(path) ? EDIT_APPLY_TITLE : undefined),
    });
    edits.editor = handle;
    // `kubectl edit` tabs open before a reload come back with their unsaved text.
    edits.restore();
    return handle;
  }

  private attachMap(session: LessonSession): ClusterMapHandle {
    const map = mountClusterMap(this.querySelector<HTMLElement>('[data-map]')!, session.cluster.store);
    const clear = this.querySelector<HTMLButtonElement>('[data-clear-trace]')!;
    clear.hidden = true;
    clear.onclick = () => {
      map.setTrace(undefined);
      clear.hidden = true;
      this.traceCaption('');
    };
    this.traceCaption('');
    return map;
  }

  private showTrace(map: ClusterMapHandle, line: string, trace: Parameters<typeof mapTraceOf>[0]): void {
    const mapTrace = mapTraceOf(trace);
    map.setTrace(mapTrace);
    this.querySelector<HTMLButtonElement>('[data-clear-trace]')!.hidden = mapTrace === undefined;
    this.traceCaption(mapTrace ? line.trim() : '');
  }

  private traceCaption(command: string): void {
    const caption = this.querySelector<HTMLElement>('[data-trace-caption]');
    if (!caption) return;
    const code = document.createElement('code');
    if (command) {
      code.textContent = command;
      caption.replaceChildren('The path of ', code, ', numbered hop by hop:');
    } else {
      code.textContent = 'podlab trace FROM TARGET[:PORT]';
      caption.replaceChildren('Run ', code, " to draw a connection's path here.");
    }
  }

  private notify(message: string): void {
    const area = this.querySelector<HTMLElement>('[data-notice]');
    if (!area) return;
    area.hidden = false;
    area.textContent = message;
  }
}

/** Starts `load` a while after start-up, when the tab is idle: the first command then need not wait. */
function prefetchWhenIdle(load: () => Promise<unknown>): void {
  const start = () => void load().catch(() => undefined);
  setTimeout(() => {
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
    else start();
  }, SHELL_PREFETCH_DELAY_MS);
}

if (!customElements.get('podlab-workbench')) customElements.define('podlab-workbench', WorkbenchElement);
