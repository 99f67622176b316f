import { fc, test } from "@fast-check/vitest"
import * as Result from "effect/Result"
import { describe, expect } from "vitest"
import { type DocumentKind, decodeAs, decodeDocument, recogniseKind } from "../../src/Document.js"
import { encodeDocument } from "../../src/DocumentCodec.js"
import {
  integrationArb,
  integrationBlockArb,
  integrationListArb,
  integrationNameArb,
  manifestArb,
  problemArb,
  revisionArb,
} from "../arbitraries/manifest.js"

const kinds: ReadonlyArray<[DocumentKind, fc.Arbitrary<unknown>]> = [
  ["manifest", manifestArb()],
  ["integration-block", integrationNameArb.chain(integrationBlockArb)],
  ["revision", revisionArb(integrationNameArb.chain(integrationBlockArb))],
  ["integration", integrationArb()],
  ["integration-list", integrationListArb()],
  ["problem", problemArb],
]

const decode = (kind: DocumentKind, value: unknown) => {
  const decoded = decodeAs(kind, value)
  if (Result.isFailure(decoded)) throw new Error(decoded.failure.message)
  return { kind, value: decoded.success } as Parameters<typeof encodeDocument>[0]
}

describe.each(kinds)("%s", (kind, arb) => {
  test.prop([arb], { numRuns: 200 })("is recognised by its shape and decodes", (value) => {
    if (!(kind === "integration-list" && Array.isArray(value) && value.length === 0))
      expect(recogniseKind(value)).toBe(kind)
    const document = decodeDocument(value)
    expect(Result.isSuccess(document) && document.success.kind).toBe(kind)
  })

  test.prop([arb], { numRuns: 200 })("decode ∘ encode ∘ decode = decode", (value) => {
    const once = decode(kind, value)
    const twice = decode(kind, encodeDocument(once))
    expect(twice).toEqual(once)
  })

  test.prop([arb], { numRuns: 200 })(
    "encode ∘ decode is the identity on valid JSON (original date text kept)",
    (value) => {
      const encoded = encodeDocument(decode(kind, value))
      if (kind === "problem") {
        // `type` defaults to about:blank, in the problem and in each issue.
        const source = value as { issues?: Array<object> }
        const withDefault = {
          type: "about:blank",
          ...source,
          ...(source.issues !== undefined ? { issues: source.issues.map((i) => ({ type: "about:blank", ...i })) } : {}),
        }
        expect(encoded).toEqual(withDefault)
      } else {
        expect(encoded).toEqual(value)
      }
      expect(JSON.stringify(JSON.parse(JSON.stringify(encoded)))).toBe(JSON.stringify(encoded))
    },
  )
})

describe("problems decode leniently", () => {
  test.prop([fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }))], { numRuns: 500 })(
    "any JSON object decodes, and decode ∘ encode ∘ decode = decode",
    (value) => {
      const once = decode("problem", value)
      expect(decode("problem", encodeDocument(once))).toEqual(once)
    },
  )

  const junk = fc.record(
    {
      type: fc.jsonValue({ maxDepth: 1 }),
      status: fc.jsonValue({ maxDepth: 1 }),
      time: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
      retryAfter: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
      causes: fc.jsonValue({ maxDepth: 2 }),
      context: fc.jsonValue({ maxDepth: 2 }),
      issues: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })),
    },
    { requiredKeys: [] },
  )
  test.prop([junk], { numRuns: 500 })("members of any type: wrong ones ignored, round trip stable", (value) => {
    const once = decode("problem", value)
    expect(decode("problem", encodeDocument(once))).toEqual(once)
  })
})
