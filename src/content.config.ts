import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Lessons are data with prose: lessons/NN-name.mdx, their frontmatter
 * checked by this schema at build time. A lesson's workspace files (what
 * `kubectl apply -f` finds) sit in lessons/NN-name/. Astro builds from the
 * project root, so content/ is found from the working folder.
 */
export const lessonSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
  /** Position in the course; lessons are listed and chained by it. */
  order: z.number().int().positive(),
  objectives: z.array(z.string().min(1)).min(1),
  /** A file of content/scenarios/, without .yaml: the cluster the workbench boots. */
  scenario: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .refine((name) => existsSync(resolve('content/scenarios', `${name}.yaml`)), { message: 'no such file in content/scenarios/' }),
  /** Fixes every random choice of the cluster: pod names, IPs. */
  seed: z.number().int().nonnegative(),
  estimatedMinutes: z.number().int().positive(),
  /** Ids of lessons to do first. */
  prerequisites: z.array(z.string()).default([]),
});

export type LessonFrontmatter = z.infer<typeof lessonSchema>;

const lessons = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './lessons' }),
  schema: lessonSchema,
});

export const collections = { lessons };
