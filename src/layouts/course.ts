import type { CollectionEntry } from 'astro:content';

/** Lessons in course order; two lessons with one `order` is an authoring mistake, caught here. */
export function byOrder(lessons: CollectionEntry<'lessons'>[]): CollectionEntry<'lessons'>[] {
  const sorted = [...lessons].sort((a, b) => a.data.order - b.data.order);
  sorted.forEach((l, i) => {
    const prev = sorted[i - 1];
    if (prev && prev.data.order === l.data.order) throw new Error(`lessons ${prev.id} and ${l.id} both have order ${l.data.order}`);
  });
  return sorted;
}
