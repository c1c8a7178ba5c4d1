import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITheme } from '@xterm/xterm';
import { decodeInput, type EditAction } from './key-decoder';
import { LineEditor, searchPrompt } from './line-editor';
import { WatchStream } from './watch-stream';
import { renderLine } from './line-render';
import { CONTINUATION_PROMPT } from './prompts';
import type { ShellResult } from './shell-adapter';

/**
 * The workbench terminal: xterm.js drawing, the line editor deciding. Each
 * submitted line goes to the shell; what it returns is printed. Typed,
 * pasted and "run"-button input all arrive through the same path, as a
 * queue of editing actions: while a line runs (or waits for the shell's
 * chunk to load) what is typed waits its turn, so nothing is lost and
 * nothing runs twice.
 */

/** What the terminal needs of the shell. */
export interface TerminalShell {
  /** The prompt before the next line: the workstation's or a nested shell's. */
  readonly prompt: string;
  needsMoreInput(text: string): boolean;
  run(text: string): ShellResult;
  complete(line: string): { from: number; candidates: string[] };
  /** One rerun of a `watch`ed command after `seconds` of virtual time. */
  watchTick(command: string, seconds: number): ShellResult;
}

export interface TerminalViewOptions {
  /** The prompt shown before the shell has loaded (the workstation's). */
  prompt: string;
  history: readonly string[];
  /** What the terminal showed before a reload, written back first. */
  transcript: string;
  screenReaderMode: boolean;
  theme: ITheme;
  /** The shell, loading it if need be; a failed load rejects. */
  shell(): Promise<TerminalShell>;
  /** The learner started using the terminal (focus, a key, a paste): a chance to start loading the shell. */
  warmUp(): void;
  /**
   * After each command has run and been printed: the text it added and the
   * history now. `cleared`: the screen was cleared first (`clear`), so
   * `added` is all the screen shows.
   */
  afterLine(added: string, history: readonly string[], cleared: boolean): void;
  /** The workstation shell ran `exit`; called before `exitNote` is printed. */
  onExit(): void;
  /** Text printed when the shell asked to exit. */
  exitNote: string;
  /** Printed when the shell could not be loaded. */
  loadFailedNote: string;
}

/** Ctrl-L: the screen, not the scrollback (bash's clear-screen). */
const CLEAR_SCREEN = '\x1b[H\x1b[2J';
/** `clear`: the screen and the scrollback, as ncurses' clear does (E3). */
const CLEAR_ALL = '\x1b[H\x1b[2J\x1b[3J';
/** watch draws on the alternate screen, as the real one does, and leaves the shell's screen as it was. */
const ALTERNATE_SCREEN_ON = '\x1b[?1049h';
const ALTERNATE_SCREEN_OFF = '\x1b[?1049l';
/** procps watch refuses to go faster than this; a smaller -n would only load the tab. */
const MIN_WATCH_SECONDS = 0.1;

export class TerminalView {
  readonly term: Terminal;
  private readonly fit = new FitAddon();
  private editor: LineEditor;
  private cursorOffset = 0;
  private readonly resizeObserver: ResizeObserver;
  /** The shell's prompt for the next command. */
  private prompt: string;
  /** The lines of an unfinished command (open quote, here-document), while `> ` asks for more. */
  private continued: string | undefined;
  /** The prompts and lines of the command being collected, as the screen shows them, for the transcript. */
  private echoed = '';
  /** Editing actions not yet applied: typed while a line ran. */
  private readonly queue: EditAction[] = [];
  /** A line is running or waiting for the shell. */
  private busy = false;
  /** A running `watch` or `kubectl get -w`; `streamed` is what the latter printed below its table. */
  private watching: { timer: ReturnType<typeof setInterval>; streamed?: () => string } | undefined;
  private warmed = false;
  /** Counts restarts: a line still waiting for the shell when the lesson is reset is dropped, not run on the new cluster. */
  private generation = 0;

  constructor(
    private readonly host: HTMLElement,
    private readonly options: TerminalViewOptions,
  ) {
    this.prompt = options.prompt;
    this.term = new Terminal({
      convertEol: true,
      cursorBlink: true,
      // Alt-B and Alt-F move by words on macOS too, as in a shell.
      macOptionIsMeta: true,
      fontFamily: 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, monospace',
      fontSize: 14,
      scrollback: 5000,
      screenReaderMode: options.screenReaderMode,
      theme: options.theme,
    });
    this.term.loadAddon(this.fit);
    this.term.open(host);
    this.editor = new LineEditor(options.history);
    this.fitNow();
    this.resizeObserver = new ResizeObserver(() => this.fitNow());
    this.resizeObserver.observe(host);
    this.term.onData((data) => this.input(data));
    host.addEventListener('focusin', () => this.warmUp());
    if (options.transcript) this.term.write(options.transcript);
    this.redraw();
  }

  /** Feeds text as if typed: "\r" submits, escape sequences edit. */
  input(data: string): void {
    this.warmUp();
    this.queue.push(...decodeInput(data));
    this.drain();
  }

  /** Types a command and presses Enter, for "run" buttons and solutions. */
  typeAndRun(command: string): void {
    this.term.focus();
    this.input(`\x15${command.replace(/\n+$/, '')}\r`);
  }

  /**
   * Prints what happened outside a command line (a `kubectl edit` saved from
   * the editor) above the prompt, then draws the prompt and the line being
   * typed again; saved with the transcript like a command's output.
   */
  printAbove(text: string): void {
    if (text === '') return;
    const rows = Math.floor(this.cursorOffset / Math.max(1, this.term.cols));
    this.term.write(`${rows > 0 ? `\x1b[${rows}A` : ''}\r\x1b[J${text}`);
    this.cursorOffset = 0;
    this.options.afterLine(text, this.editor.entries, false);
    if (!this.watching) this.redraw();
  }

  /** Empties the screen and history: after a lesson reset. */
  restart(history: readonly string[]): void {
    this.generation += 1;
    this.stopWatch();
    this.term.reset();
    this.editor = new LineEditor(history);
    this.cursorOffset = 0;
    this.prompt = this.options.prompt;
    this.continued = undefined;
    this.echoed = '';
    this.queue.length = 0;
    this.redraw();
  }

  setScreenReaderMode(on: boolean): void {
    this.term.options.screenReaderMode = on;
  }

  setTheme(theme: ITheme): void {
    this.term.options.theme = theme;
  }

  focus(): void {
    this.term.focus();
  }

  /** The visible text of the terminal's buffer, for tests and copy. */
  text(): string {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n').trimEnd();
  }

  dispose(): void {
    this.stopWatch();
    this.resizeObserver.disconnect();
    this.term.dispose();
  }

  private warmUp(): void {
    if (this.warmed) return;
    this.warmed = true;
    this.options.warmUp();
    // Tab completes from the moment the shell is there, not only after a first command.
    this.options.shell().then(
      (shell) => (this.loadedShell = shell),
      () => undefined,
    );
  }

  /** Applies queued actions until a line starts running (it drains the rest when done). */
  private drain(): void {
    while (this.queue.length > 0 && !this.busy) {
      const action = this.queue.shift()!;
      if (this.watching) {
        // watch takes no input but Ctrl-C.
        if (action.type === 'interrupt') this.stopWatch(true);
        continue;
      }
      this.apply(action);
    }
  }

  private apply(action: EditAction): void {
    const before = this.editor.state.text;
    const effect = this.editor.apply(action);
    switch (effect.kind) {
      case 'submit':
        this.submit(effect.line);
        break;
      case 'interrupt':
        // Ctrl-C drops the line, and the unfinished command it continued.
        this.finishLine('^C', before);
        this.continued = undefined;
        this.echoed = '';
        this.redraw();
        break;
      case 'clear-screen':
        this.term.write(CLEAR_SCREEN);
        this.cursorOffset = 0;
        this.redraw();
        break;
      case 'complete':
        this.complete();
        break;
      case 'none':
        this.redraw();
    }
    if (effect.kind !== 'complete') this.tabbed = false;
  }

  /**
   * Tab, as bash's readline does it: one candidate completes the word (and
   * a space after it); several complete their common prefix, and a second
   * Tab lists them under the line. Before the shell has loaded, Tab waits
   * for nothing: it only starts the load.
   */
  private complete(): void {
    const shell = this.loadedShell;
    if (!shell || this.continued !== undefined) return;
    const { text, cursor } = this.editor.state;
    const { from, candidates } = shell.complete(text.slice(0, cursor));
    const typed = text.slice(from, cursor);
    if (candidates.length === 0) return;
    const common = candidates.reduce((a, b) => {
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      return a.slice(0, i);
    });
    const insert = candidates.length === 1 ? `${candidates[0]!.slice(typed.length)}${candidates[0]!.endsWith('/') ? '' : ' '}` : common.slice(typed.length);
    if (insert) {
      this.editor.apply({ type: 'insert', text: insert });
      this.redraw();
      // Still ambiguous after the common prefix: the next Tab lists, as in bash.
      this.tabbed = candidates.length > 1;
      return;
    }
    if (!this.tabbed) {
      this.tabbed = true;
      return;
    }
    this.finishLine('', text);
    this.term.write(`${candidates.join('  ')}\r\n`);
    this.redraw();
  }

  /** Tab was pressed with nothing to add: the next Tab lists the candidates. */
  private tabbed = false;
  /** The shell once loaded; Tab completes only with it (it never waits for the load). */
  private loadedShell: TerminalShell | undefined;

  private submit(line: string): void {
    this.echoed += `${this.shownPrompt()}${line}\r\n`;
    this.finishLine('', line);
    const text = this.continued === undefined ? line : `${this.continued}\n${line}`;
    this.busy = true;
    const generation = this.generation;
    this.options
      .shell()
      .then(
        (shell) => generation === this.generation && this.runCommand(shell, text),
        () => generation === this.generation && this.loadFailed(),
      )
      .finally(() => {
        this.busy = false;
        this.drain();
      });
  }

  private runCommand(shell: TerminalShell, text: string): void {
    this.loadedShell = shell;
    if (shell.needsMoreInput(text)) {
      this.continued = text;
      this.redraw();
      return;
    }
    this.continued = undefined;
    const result = shell.run(text);
    if (result.clear) {
      this.term.write(CLEAR_ALL);
      this.cursorOffset = 0;
    }
    let added = result.output;
    if (result.exit) {
      this.options.onExit();
      added += `${this.options.exitNote}\n`;
    }
    this.term.write(added);
    this.prompt = shell.prompt;
    this.options.afterLine(result.clear ? added : this.echoed + added, this.editor.entries, result.clear ?? false);
    this.echoed = '';
    if (result.watch?.stream) this.startStream(shell, result.watch.command, result.output);
    else if (result.watch) this.startWatch(shell, result.watch);
    else this.redraw();
  }

  /**
   * `kubectl get -w`: the table is printed; each second of virtual time the
   * get runs again and the rows whose objects changed are printed below it,
   * on the shell's own screen, until Ctrl-C.
   */
  private startStream(shell: TerminalShell, command: string, firstOutput: string): void {
    const stream = new WatchStream(firstOutput);
    let printed = '';
    const timer = setInterval(() => {
      const rows = stream.changedRows(shell.watchTick(command, 1).output);
      if (rows.length === 0) return;
      const text = rows.map((r) => `${r}\n`).join('');
      printed += text;
      this.term.write(text);
    }, 1000);
    this.watching = { timer, streamed: () => printed };
  }

  private loadFailed(): void {
    this.continued = undefined;
    this.echoed = '';
    this.term.write(`${this.options.loadFailedNote}\n`);
    this.redraw();
  }

  /**
   * `watch`: the shell ran the command once (shown below the line); every
   * intervalSeconds it runs again, drawn on a cleared alternate screen,
   * until Ctrl-C brings the shell's screen back.
   */
  private startWatch(shell: TerminalShell, watch: { command: string; intervalSeconds: number }): void {
    const timer = setInterval(() => {
      const result = shell.watchTick(watch.command, watch.intervalSeconds);
      this.term.write(`${this.term.buffer.active.type === 'alternate' ? '' : ALTERNATE_SCREEN_ON}${CLEAR_SCREEN}${result.output}`);
    }, Math.max(MIN_WATCH_SECONDS, watch.intervalSeconds) * 1000);
    this.watching = { timer };
  }

  private stopWatch(interrupted = false): void {
    if (!this.watching) return;
    clearInterval(this.watching.timer);
    let streamed = this.watching.streamed?.();
    this.watching = undefined;
    if (streamed === undefined) this.term.write(ALTERNATE_SCREEN_OFF);
    if (!interrupted) return;
    if (streamed !== undefined) {
      // kubectl was interrupted on the shell's screen: bash shows the ^C there.
      this.term.write('^C\r\n');
      streamed += '^C\n';
    }
    // Saves what the ticks changed in the cluster (and a stream's rows, which stay on the screen).
    this.options.afterLine(streamed ?? '', this.editor.entries, false);
    this.cursorOffset = 0;
    this.redraw();
  }

  private shownPrompt(): string {
    return this.continued === undefined ? this.prompt : CONTINUATION_PROMPT;
  }

  /** Leaves the current line as it stands (plus `suffix`) and moves below it. */
  private finishLine(suffix: string, text: string): void {
    const end = renderLine({ ...this.layout(), text, cursor: text.length }, this.cursorOffset);
    this.term.write(`${end.output}${suffix}\r\n`);
    this.cursorOffset = 0;
  }

  private redraw(): void {
    const { text, cursor } = this.editor.state;
    const r = renderLine({ ...this.layout(), text, cursor }, this.cursorOffset);
    this.term.write(r.output);
    this.cursorOffset = r.cursorOffset;
  }

  private layout() {
    const search = this.editor.state.search;
    const prompt = search ? searchPrompt(search) : this.shownPrompt();
    return { prompt, promptWidth: prompt.length, columns: this.term.cols };
  }

  private fitNow(): void {
    // A hidden host (display: none) has no size to fit to.
    if (this.host.offsetParent !== null) this.fit.fit();
  }
}
