// The part of jmespath.js (0.16.0, the JMESPath reference implementation for JavaScript) az-output.ts uses.
declare module 'jmespath' {
  export interface JmesNode {
    type: string;
    name?: string;
    value?: unknown;
    children?: JmesNode[];
  }
  export function compile(expression: string): JmesNode;
  export function search(data: unknown, expression: string): unknown;
  const jmespath: { compile: typeof compile; search: typeof search };
  export default jmespath;
}
