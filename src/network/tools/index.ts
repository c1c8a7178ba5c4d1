import { normaliseRepository } from '../../cluster/images/catalogue';
import { curl } from './curl';
import { dig, host, nslookup } from './dns-tools';
import { cat } from './files';
import { env, hostname, ip, printenv } from './host-info';
import { nc } from './nc';
import { ping } from './ping';
import type { Tool, ToolContext, ToolResult } from './tool';
import { wget } from './wget';

export type { Tool, ToolContext, ToolResult } from './tool';

/** The network tools by program name. */
export const networkTools: Record<string, Tool> = { nslookup, dig, host, curl, wget, ping, nc, cat, hostname, ip, env, printenv };

/** Programs every image's shell has even when the catalogue does not list them. */
const ALWAYS = new Set(['cat', 'env', 'printenv', 'hostname']);

/**
 * Runs a tool as the image's shell would: `sh: X: not found` (127) when the
 * image does not ship it (the catalogue's `tools` list), else the tool.
 */
export function runNetworkTool(name: string, argv: string[], ctx: ToolContext): ToolResult {
  const tool = Object.hasOwn(networkTools, name) ? networkTools[name] : undefined;
  const spec = ctx.from.kind === 'pod' ? ctx.cluster.catalogue.lookup(ctx.image) : undefined;
  const shipped = ctx.from.kind === 'node' || ALWAYS.has(name) || !spec || spec.tools.includes(name);
  if (!tool || !shipped) {
    const bashImage = /library\/(nginx|httpd|redis)$/.test(normaliseRepository(ctx.image));
    return { stdout: '', stderr: bashImage ? `bash: ${name}: command not found\n` : `sh: ${name}: not found\n`, exitCode: 127 };
  }
  return tool(argv, ctx);
}
