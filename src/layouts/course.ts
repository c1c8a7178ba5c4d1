import type { CollectionEntry } from 'astro:content';

/**
 * Lessons in course order. Two lessons with one `order`, or a prerequisite
 * that names no lesson, are authoring mistakes: the build stops on them.
 */
export function byOrder(lessons: CollectionEntry<'lessons'>[]): CollectionEntry<'lessons'>[] {
  const sorted = [...lessons].sort((a, b) => a.data.order - b.data.order);
  const ids = new Set(sorted.map((l) => l.id));
  sorted.forEach((l, i) => {
    const prev = sorted[i - 1];
    if (prev && prev.data.order === l.data.order) throw new Error(`lessons ${prev.id} and ${l.id} both have order ${l.data.order}`);
    for (const p of l.data.prerequisites) if (!ids.has(p)) throw new Error(`lesson ${l.id}: prerequisite "${p}" is not a lesson`);
  });
  return sorted;
}
