/**
 * The page's screen-reader mode: one choice for every terminal on the page
 * (the workbench's checkbox sets it), remembered across visits.
 */

const KEY = 'podlab:screen-reader';
const CHANGED = 'podlab:screen-reader-changed';

export function screenReaderMode(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function setScreenReaderMode(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Not remembered; it still applies now.
  }
  window.dispatchEvent(new CustomEvent(CHANGED, { detail: on }));
}

/** Calls `apply` whenever the mode changes on this page. */
export function onScreenReaderModeChange(apply: (on: boolean) => void): void {
  window.addEventListener(CHANGED, (e) => apply((e as CustomEvent<boolean>).detail));
}
