import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, test } from "vitest"
import {
  DateTime,
  dateFromDateTime,
  daysInMonth,
  formatDateTime,
  isDateTime,
  originalDateTimeText,
  parseDateTime,
} from "../../src/DateTime.js"

const decode = Schema.decodeUnknownResult(DateTime)
const encode = Schema.encodeUnknownResult(DateTime)

describe("strict RFC 3339 date-times", () => {
  test.each([
    ["2023-12-08T03:50:24.686Z", "2023-12-08T03:50:24.686Z"],
    ["2024-01-15T10:30:00.000000Z", "2024-01-15T10:30:00.000Z"],
    ["2024-04-22T18:55:28.456076Z", "2024-04-22T18:55:28.456Z"],
    ["2023-11-07T05:31:56Z", "2023-11-07T05:31:56.000Z"],
    ["2024-01-15t10:30:00z", "2024-01-15T10:30:00.000Z"],
    ["2024-01-15T12:30:00+02:00", "2024-01-15T10:30:00.000Z"],
    ["2024-01-15T00:30:00-01:30", "2024-01-15T02:00:00.000Z"],
    ["2024-01-15T10:30:00-00:00", "2024-01-15T10:30:00.000Z"],
    ["2024-02-29T23:59:59.999999999Z", "2024-02-29T23:59:59.999Z"],
    ["2000-02-29T00:00:00.1Z", "2000-02-29T00:00:00.100Z"],
    ["1970-01-01T00:00:00.12Z", "1970-01-01T00:00:00.120Z"],
    ["0000-01-01T00:00:00Z", "0000-01-01T00:00:00.000Z"],
    ["9999-12-31T23:59:59Z", "9999-12-31T23:59:59.000Z"],
  ])("%s is the instant %s", (text, iso) => {
    expect(new Date(parseDateTime(text) ?? Number.NaN).toISOString()).toBe(iso)
    expect(parseDateTime(text)).toBe(Date.parse(iso))
  })

  test.each([
    "1",
    "",
    "2024",
    "2024-01-15",
    "Jan 2 2026",
    "2024-02-30T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "1900-02-29T00:00:00Z",
    "2024-04-31T00:00:00Z",
    "2024-13-01T00:00:00Z",
    "2024-00-10T00:00:00Z",
    "2024-01-00T00:00:00Z",
    "2024-01-15 10:30:00Z",
    "2024-01-15T10:30:00",
    "2024-01-15T24:00:00Z",
    "2024-01-15T10:60:00Z",
    "2024-12-31T23:59:60Z",
    "2024-01-15T10:30:00.Z",
    "2024-01-15T10:30:00.1234567890Z",
    "2024-01-15T10:30:00+24:00",
    "2024-01-15T10:30:00+02:60",
    "2024-01-15T10:30:00+0200",
    "2024-01-15T10:30:00+02",
    "2024-01-15T10:30Z",
    "+02024-01-15T10:30:00Z",
    "2024-1-15T10:30:00Z",
    "2024-01-15T10:30:00ZZ",
    "２０２４-01-15T10:30:00Z",
    "2024-01-15T10:30:00Z ",
    " 2024-01-15T10:30:00Z",
  ])("%j is refused", (text) => {
    expect(parseDateTime(text)).toBeUndefined()
    expect(isDateTime(text)).toBe(false)
    expect(Result.isFailure(decode(text))).toBe(true)
  })

  test("non-strings are refused by the schema", () => {
    for (const value of [0, 1_700_000_000_000, null, true, {}, new Date()]) {
      expect(Result.isFailure(decode(value))).toBe(true)
    }
  })

  test("calendar arithmetic", () => {
    expect([1, 2, 3, 4].map((m) => daysInMonth(2024, m))).toEqual([31, 29, 31, 30])
    expect(daysInMonth(2100, 2)).toBe(28)
    expect(daysInMonth(2000, 2)).toBe(29)
  })

  test("encoding gives back the exact original text while the instant is unchanged", () => {
    const text = "2024-01-15T12:30:00.000000+02:00"
    const date = Result.getOrThrow(decode(text))
    expect(date).toBeInstanceOf(Date)
    expect(originalDateTimeText(date)).toBe(text)
    expect(Result.getOrThrow(encode(date))).toBe(text)
    date.setTime(date.getTime() + 1)
    expect(originalDateTimeText(date)).toBeUndefined()
    expect(Result.getOrThrow(encode(date))).toBe("2024-01-15T10:30:00.001Z")
  })

  test("a fresh Date encodes in canonical form; years past 9999 cannot be encoded", () => {
    expect(Result.getOrThrow(encode(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6))))).toBe("2024-01-02T03:04:05.006Z")
    expect(Result.isFailure(encode(new Date(Date.UTC(10000, 0, 1))))).toBe(true)
    expect(Result.isFailure(encode(new Date(Number.NaN)))).toBe(true)
    expect(formatDateTime(dateFromDateTime("2024-01-15t10:30:00z") as Date)).toBe("2024-01-15t10:30:00z")
  })

  test("linear time: hostile long inputs are refused at once", () => {
    const inputs = ["9".repeat(1_000_000), `2024-01-15T10:30:00.${"1".repeat(1_000_000)}Z`, "-".repeat(1_000_000)]
    const start = performance.now()
    for (const input of inputs) for (let i = 0; i < 100; i++) expect(parseDateTime(input)).toBeUndefined()
    expect(performance.now() - start).toBeLessThan(100)
  })
})
