import type { ITheme } from '@xterm/xterm';

/**
 * Light and dark themes. The choice is `data-theme` on <html>, set before
 * first paint by public/theme-init.js from the saved choice or the
 * system's; the toggle flips and saves it.
 */

export const THEME_KEY = 'podlab:theme';

export type ThemeName = 'light' | 'dark';

export function currentTheme(): ThemeName {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function setTheme(theme: ThemeName): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Not saved; the choice holds for this page.
  }
  window.dispatchEvent(new CustomEvent('podlab:theme', { detail: theme }));
}

/** The terminal's colours, from the page's CSS variables so one stylesheet defines both. */
export function terminalTheme(): ITheme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    background: v('--term-bg'),
    foreground: v('--term-fg'),
    cursor: v('--term-fg'),
    selectionBackground: v('--term-selection'),
  };
}

/** Wires every theme toggle button on the page. */
export function wireThemeToggles(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    const label = () => {
      const next = currentTheme() === 'dark' ? 'light' : 'dark';
      button.setAttribute('aria-label', `Switch to ${next} theme`);
      button.textContent = next === 'dark' ? '☾ Dark' : '☀ Light';
    };
    label();
    button.addEventListener('click', () => {
      setTheme(currentTheme() === 'dark' ? 'light' : 'dark');
      label();
    });
  }
}
