import { fc, test } from "@fast-check/vitest"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect } from "vitest"
import { DateTime, parseDateTime } from "../../src/DateTime.js"
import { dateTimeArb } from "../arbitraries/manifest.js"

const decode = Schema.decodeUnknownResult(DateTime)
const encode = Schema.encodeUnknownResult(DateTime)

describe("DateTime laws", () => {
  test.prop([dateTimeArb], { numRuns: 500 })(
    "every strict date-time decodes, and encodes back to the same text",
    (text) => {
      const date = Result.getOrThrow(decode(text))
      expect(Result.getOrThrow(encode(date))).toBe(text)
    },
  )

  test.prop([dateTimeArb], { numRuns: 500 })(
    "the instant agrees with Date.parse (where Date.parse is exact)",
    (text) => {
      // Date.parse accepts RFC 3339 only in its ISO subset: upper-case T/Z and at most 3 fraction digits.
      const iso = text.toUpperCase().replace(/\.(\d{1,3})\d*/, ".$1")
      expect(parseDateTime(text)).toBe(Date.parse(iso))
    },
  )

  const dateArb = fc.date({
    min: new Date("0000-01-01T00:00:00.000Z"),
    max: new Date("9999-12-31T23:59:59.999Z"),
    noInvalidDate: true,
  })
  test.prop([dateArb], { numRuns: 500 })("a Date round-trips through its encoding (same instant)", (date) => {
    const text = Result.getOrThrow(encode(date))
    expect(Result.getOrThrow(decode(text)).getTime()).toBe(date.getTime())
  })

  test.prop([fc.string({ maxLength: 40 })], { numRuns: 1000 })(
    "lenient forms are refused: only the strict grammar passes",
    (text) => {
      const strict = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/.test(text)
      if (!strict) expect(parseDateTime(text)).toBeUndefined()
    },
  )

  test.prop([dateTimeArb, fc.nat({ max: 34 }), fc.constantFrom(" ", "x", "0", ":", "-", "T", ".")], { numRuns: 1000 })(
    "a one-character mutation never yields a different accepted grammar",
    (text, index, ch) => {
      const mutated = text.slice(0, index) + ch + text.slice(index + 1)
      const strict = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/.test(mutated)
      if (!strict) expect(parseDateTime(mutated)).toBeUndefined()
    },
  )
})
