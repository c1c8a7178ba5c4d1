/**
 * The Content-Security-Policy of built pages, as a <meta> (the site is
 * static, so there are no headers to set). Scripts only from the site's
 * own files: no inline script, no eval. Styles also allow 'unsafe-inline'
 * because xterm.js writes its colours into <style> elements at run time
 * and Shiki colours code with style attributes. Workers from the site's
 * own files, for the Monaco editor. frame-ancestors cannot be set from a
 * meta tag; a host that serves the site can add it as a header.
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
