/// <reference types="astro/client" />
// Vite's ambient types (?worker imports, CSS side-effect imports) for the editor's modules.
