/**
 * Static search over the lessons' text: the index page carries each
 * lesson's words (built from its MDX at build time), and the query filters
 * them in the page. No server and no search library: a course is a few
 * dozen pages of text.
 */

export interface SearchableLesson {
  id: string;
  /** Title, summary and body as plain text. */
  text: string;
}

export interface SearchHit {
  id: string;
  /** About 120 characters around the first word's first occurrence. */
  snippet: string;
}

/** MDX as plain text: components' tags, markdown punctuation and extra blanks removed; code kept (commands are worth finding). */
export function plainText(mdx: string): string {
  return mdx
    .replace(/<[^>]*>/g, ' ')
    .replace(/```[a-z]*\n?/g, ' ')
    .replace(/[`*]+/g, '')
    .replace(/[#>|]+/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lessons holding every word of the query (case-insensitive), in the order given. */
export function searchLessons(lessons: readonly SearchableLesson[], query: string): SearchHit[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const lesson of lessons) {
    const lower = lesson.text.toLowerCase();
    if (!words.every((w) => lower.includes(w))) continue;
    const at = lower.indexOf(words[0]!);
    const start = Math.max(0, at - 50);
    const end = Math.min(lesson.text.length, at + 70);
    hits.push({ id: lesson.id, snippet: `${start > 0 ? '…' : ''}${lesson.text.slice(start, end).trim()}${end < lesson.text.length ? '…' : ''}` });
  }
  return hits;
}

/** Wires the index page's search box to its lesson list. */
export function wireLessonSearch(): void {
  const input = document.querySelector<HTMLInputElement>('[data-lesson-search]');
  const status = document.querySelector<HTMLElement>('[data-lesson-search-status]');
  if (!input) return;
  const items = [...document.querySelectorAll<HTMLElement>('[data-lesson][data-search-text]')];
  const lessons = items.map((el) => ({ id: el.dataset.lesson ?? '', text: el.dataset.searchText ?? '' }));
  input.addEventListener('input', () => {
    const query = input.value.trim();
    const hits = new Map(searchLessons(lessons, query).map((h) => [h.id, h.snippet]));
    for (const el of items) {
      const snippet = el.querySelector<HTMLElement>('[data-search-snippet]');
      const hit = hits.get(el.dataset.lesson ?? '');
      el.hidden = query !== '' && hit === undefined;
      if (snippet) {
        snippet.hidden = hit === undefined;
        snippet.textContent = hit ?? '';
      }
    }
    if (status) status.textContent = query === '' ? '' : `${hits.size} lesson${hits.size === 1 ? '' : 's'} found`;
  });
}
