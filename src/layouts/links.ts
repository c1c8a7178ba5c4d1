/**
 * Every site link goes through here, so the base path (PODLAB_BASE in
 * astro.config.mjs) is respected everywhere: `href('lessons/01/')` gives
 * `/podlab/lessons/01/` under base `/podlab/`.
 */
export function href(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return base + path.replace(/^\/+/, '');
}

export function lessonHref(id: string): string {
  return href(`lessons/${id}/`);
}
