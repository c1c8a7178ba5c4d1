// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// PODLAB_BASE lets the built site live under a sub-path of any static host.
export default defineConfig({
  base: process.env.PODLAB_BASE ?? '/',
  integrations: [mdx()],
  srcDir: './src',
  publicDir: './public',
  outDir: './dist',
});
