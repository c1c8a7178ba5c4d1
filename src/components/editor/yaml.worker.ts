// monaco-yaml's language worker, re-exported from a file of ours so Vite bundles it
// with the same monaco-editor copy as the page (monaco-yaml's README, "Why doesn't it work with Vite?").
import 'monaco-yaml/yaml.worker.js';
