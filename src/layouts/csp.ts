/**
 * The Content-Security-Policy of built pages, as a <meta> (the site is
 * static, so there are no headers to set). Scripts only from the site's
 * own files: no inline script, no eval. Styles also allow 'unsafe-inline'
 * because xterm.js and Monaco write <style> elements and style attributes
 * at run time and Shiki colours code with style attributes. Monaco's error
 * squiggles are data: SVG backgrounds (img-src data:); its codicon font and
 * both of its workers (the editor worker and monaco-yaml's) are the site's
 * own files under _astro/, never blob: URLs (font-src, worker-src 'self');
 * the manifest schema is bundled, so nothing is fetched elsewhere. Checked
 * in headless Chromium with Monaco open (test/e2e: no console errors).
 * Trusted Types (require-trusted-types-for) cannot be required: Vite's
 * worker constructors pass plain URLs. frame-ancestors cannot be set from
 * a meta tag; a host that serves the site can add it as a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
