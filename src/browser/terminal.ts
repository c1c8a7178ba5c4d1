import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITheme } from '@xterm/xterm';
import { decodeInput } from './key-decoder';
import { LineEditor } from './line-editor';
import { renderLine } from './line-render';
import type { ShellResult } from './shell-adapter';

/**
 * The workbench terminal: xterm.js drawing, the line editor deciding. Each
 * submitted line goes to `runLine`; what it returns is printed. Typed,
 * pasted and "run"-button input all arrive through the same path.
 */

export interface TerminalViewOptions {
  prompt: string;
  history: readonly string[];
  /** What the terminal showed before a reload, written back first. */
  transcript: string;
  screenReaderMode: boolean;
  theme: ITheme;
  runLine(line: string): ShellResult;
  /** After each line has run and been printed: the text it added and the history now. */
  afterLine(added: string, history: readonly string[]): void;
  /** Text printed when the shell asked to exit. */
  exitNote: string;
}

export class TerminalView {
  readonly term: Terminal;
  private readonly fit = new FitAddon();
  private editor: LineEditor;
  private cursorOffset = 0;
  private readonly resizeObserver: ResizeObserver;

  constructor(
    private readonly host: HTMLElement,
    private readonly options: TerminalViewOptions,
  ) {
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
    if (options.transcript) this.term.write(options.transcript);
    this.redraw();
  }

  /** Feeds text as if typed: "\r" submits, escape sequences edit. */
  input(data: string): void {
    for (const action of decodeInput(data)) {
      const before = this.editor.state.text;
      const effect = this.editor.apply(action);
      switch (effect.kind) {
        case 'submit':
          this.submit(effect.line);
          break;
        case 'interrupt':
          this.finishLine('^C', before);
          break;
        case 'clear-screen':
          this.term.write('\x1b[H\x1b[2J');
          this.cursorOffset = 0;
          this.redraw();
          break;
        case 'none':
          this.redraw();
      }
    }
  }

  /** Types a command and presses Enter, for "run" buttons and solutions. */
  typeAndRun(command: string): void {
    this.term.focus();
    this.input(`\x15${command.replace(/\n+$/, '')}\r`);
  }

  /** Empties the screen and history: after a lesson reset. */
  restart(history: readonly string[]): void {
    this.term.reset();
    this.editor = new LineEditor(history);
    this.cursorOffset = 0;
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
    this.resizeObserver.disconnect();
    this.term.dispose();
  }

  private submit(line: string): void {
    const echoed = `${this.options.prompt}${line}\r\n`;
    this.finishLine('', line);
    const result = this.options.runLine(line);
    let added = result.output;
    if (result.exit) added += `${this.options.exitNote}\n`;
    this.term.write(added);
    this.options.afterLine(echoed + added, this.editor.entries);
    this.redraw();
  }

  /** Leaves the current line as it stands (plus `suffix`) and moves below it. */
  private finishLine(suffix: string, text: string): void {
    const end = renderLine({ ...this.layout(), text, cursor: text.length }, this.cursorOffset);
    this.term.write(`${end.output}${suffix}\r\n`);
    this.cursorOffset = 0;
    if (suffix) this.redraw();
  }

  private redraw(): void {
    const { text, cursor } = this.editor.state;
    const r = renderLine({ ...this.layout(), text, cursor }, this.cursorOffset);
    this.term.write(r.output);
    this.cursorOffset = r.cursorOffset;
  }

  private layout() {
    return { prompt: this.options.prompt, promptWidth: this.options.prompt.length, columns: this.term.cols };
  }

  private fitNow(): void {
    // A hidden host (display: none) has no size to fit to.
    if (this.host.offsetParent !== null) this.fit.fit();
  }
}
