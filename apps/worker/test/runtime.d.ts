// Just enough of the workerd test runtime's modules for these tests (the full types live in
// @cloudflare/workers-types, which is not a dependency here).
declare module "cloudflare:workers" {
  export const env: Readonly<Record<string, unknown>>
  export const exports: {
    readonly default: { fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> }
  }
}

interface ImportMeta {
  glob<T>(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, T>
}
