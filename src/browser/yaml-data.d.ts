/** `file.yaml?data`: the file's YAML, parsed at build time (astro.config.mjs). */
declare module '*.yaml?data' {
  const data: unknown;
  export default data;
}
