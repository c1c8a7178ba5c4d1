/**
 * curl's progress meter (lib/progress.c), which curl writes to stderr
 * unless -s, or unless the body goes to standard output and that is a
 * terminal. Lines are redrawn with `\r` each second; the last ends the
 * meter with a newline.
 */

const HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** A byte count or speed in five characters, as max5data writes it. */
export function max5(n: number): string {
  const KB = 1024;
  const MB = 1024 * KB;
  if (n < 100000) return String(Math.floor(n)).padStart(5);
  if (n < 10000 * KB) return `${String(Math.floor(n / KB)).padStart(4)}k`;
  if (n < 100 * MB) return `${String(Math.floor(n / MB)).padStart(2)}.${Math.floor((n % MB) / (MB / 10))}M`;
  return `${String(Math.floor(n / MB)).padStart(4)}M`;
}

/** Seconds as time2str writes them: `--:--:--` for none, else ` H:MM:SS`. */
function clock(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

interface Sample {
  /** The size announced (Content-Length), 0 when unknown. */
  total: number;
  received: number;
  /** Average and current download speed, bytes a second. */
  speed: number;
  spentSeconds: number;
}

function line(s: Sample): string {
  const percent = s.total > 0 ? Math.floor((s.received * 100) / s.total) : 0;
  const pct = (n: number) => String(n).padStart(3);
  return `\r${pct(percent)} ${max5(s.total)}  ${pct(percent)} ${max5(s.received)}  ${pct(0)} ${max5(0)}  ${max5(s.speed)}  ${max5(0)} ${clock(0)} ${clock(s.spentSeconds)} ${clock(0)} ${max5(s.speed)}`;
}

/** A transfer that finished after `elapsedMs`: the first, empty line, then the completed one. */
export function meterDone(total: number, received: number, elapsedMs: number): string {
  const speed = elapsedMs > 0 ? (received * 1000) / elapsedMs : received;
  return `${HEADER}${line({ total: 0, received: 0, speed: 0, spentSeconds: 0 })}${line({ total, received, speed, spentSeconds: Math.floor(elapsedMs / 1000) })}\n`;
}

/** A transfer that failed after `waitedMs` with nothing received: one redraw a second until then. */
export function meterFailed(waitedMs: number): string {
  let out = HEADER;
  for (let s = 0; s <= Math.floor(waitedMs / 1000); s++) out += line({ total: 0, received: 0, speed: 0, spentSeconds: s });
  return `${out}\n`;
}
