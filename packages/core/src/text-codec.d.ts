/**
 * The WHATWG text codecs, present in every runtime core targets (Node, workerd, browsers). Declared here
 * because core compiles without the DOM lib on purpose (so `fetch`, `console`, `window` stay out of reach).
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean })
  decode(input?: Uint8Array, options?: { stream?: boolean }): string
}
declare class TextEncoder {
  encode(input?: string): Uint8Array
}
