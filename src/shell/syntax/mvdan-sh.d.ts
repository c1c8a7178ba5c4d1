/**
 * The few parts of mvdan-sh (mvdan/sh's Go parser compiled to JS) that
 * src/shell/syntax/parse.ts uses. Nodes are Go structs seen from JS; only
 * the fields read here are declared.
 */
declare module 'mvdan-sh' {
  export interface GoNode {
    [field: string]: unknown;
  }
  export interface GoPos {
    Line(): number;
    Col(): number;
    Offset(): number;
  }
  export interface GoParseError {
    Text?: string;
    Pos?: GoPos;
    Incomplete?: boolean;
    Error?: () => string;
  }
  export interface GoParser {
    Parse(src: string, name: string): GoNode;
    Interactive(src: string, fn: (stmts: unknown[]) => boolean): void;
    Incomplete(): boolean;
  }
  export const syntax: {
    NewParser(...options: unknown[]): GoParser;
    NodeType(node: unknown): string;
    LangBash: unknown;
    Variant(lang: unknown): unknown;
  };
  const mvdanSh: { syntax: typeof syntax };
  export default mvdanSh;
}
