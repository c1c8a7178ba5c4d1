// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { parse as parseYaml } from 'yaml';

/**
 * `import x from './file.yaml?data'`: the YAML parsed at build time and
 * shipped as JSON, so the browser neither parses YAML nor loads a YAML
 * parser to boot a lesson's cluster. The core still validates the data.
 */
const yamlAsData = {
  name: 'podlab-yaml-data',
  transform(code, id) {
    if (!/\.ya?ml\?data$/.test(id)) return undefined;
    return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(parseYaml(code)))});`, map: null };
  },
};

/** Test-only pages (test/e2e/fixtures/), built when PODLAB_FIXTURES=1: `npm run test:e2e` sets it; the course build does not. */
const fixtures = {
  name: 'podlab-fixtures',
  hooks: {
    'astro:config:setup': ({ injectRoute }) => {
      injectRoute({ pattern: '/fixtures/shared-session', entrypoint: './test/e2e/fixtures/shared-session.astro' });
      injectRoute({ pattern: '/fixtures/sandbox', entrypoint: './test/e2e/fixtures/sandbox.astro' });
    },
  },
};

// PODLAB_BASE lets the built site live under a sub-path of any static host.
export default defineConfig({
  base: process.env.PODLAB_BASE ?? '/',
  integrations: [mdx(), ...(process.env.PODLAB_FIXTURES === '1' ? [fixtures] : [])],
  srcDir: './src',
  publicDir: './public',
  outDir: './dist',
  markdown: {
    // Both palettes go into the page as CSS variables; site.css picks one by theme.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark-default' } },
  },
  vite: {
    plugins: [yamlAsData],
    build: {
      // Never inline scripts into the HTML: the Content-Security-Policy allows the site's own files only.
      assetsInlineLimit: 0,
    },
    resolve: {
      // monaco-yaml's worker imports monaco-editor by its pre-0.55 deep path, which
      // monaco-editor's `exports` map no longer resolves; point it at the same file.
      alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' }],
    },
  },
});
