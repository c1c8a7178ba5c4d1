/**
 * The workbench's Editor / Cluster map tabs, as the WAI-ARIA tabs pattern
 * has them: one tab in the Tab order, arrow keys (and Home/End) move and
 * select, the selected tab's panel shows. `select` lets the workbench turn
 * to the map when a trace is drawn, without moving focus.
 */
export interface PanelTabs {
  select(name: string): void;
  /** Called after a panel is shown (Monaco and the terminal measure themselves then). */
  onSelect(listener: (name: string) => void): void;
}

export function panelTabs(root: HTMLElement): PanelTabs {
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('[data-panel-tab]')];
  const listeners: ((name: string) => void)[] = [];
  const select = (name: string): void => {
    for (const tab of tabs) {
      const on = tab.dataset.panelTab === name;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      const panel = root.querySelector<HTMLElement>(`[data-panel="${tab.dataset.panelTab}"]`);
      if (panel) panel.hidden = !on;
    }
    for (const l of listeners) l(name);
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab.dataset.panelTab!));
    tab.addEventListener('keydown', (e) => {
      const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : undefined;
      if (to === undefined) return;
      e.preventDefault();
      const next = tabs[(to + tabs.length) % tabs.length]!;
      select(next.dataset.panelTab!);
      next.focus();
    });
  });
  return { select, onSelect: (l) => void listeners.push(l) };
}
