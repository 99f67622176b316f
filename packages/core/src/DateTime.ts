/**
 * Strict RFC 3339 date-times (§5.6 `date-time`), as the Ampersand API writes them.
 *
 * Accepted: `YYYY-MM-DD` + `T`/`t` + `hh:mm:ss` + optional `.` and 1–9 fraction digits + `Z`/`z` or
 * `±hh:mm`. The date must exist in the proleptic Gregorian calendar (leap years included), hours
 * are 00–23, minutes and seconds 00–59, offsets ±00:00–±23:59. Rejected: `"1"`, `"2024-02-30"`,
 * `"Jan 2 2026"`, a space separator, a missing offset, more than 9 fraction digits.
 *
 * Leap seconds (`:60`) are rejected on purpose: the API is written in Go, whose `time.Parse`
 * rejects second 60, so the server never produces one, and a JS `Date` cannot represent it.
 *
 * The check is a single left-to-right scan of at most 35 characters (no regular expression, so no
 * backtracking whatever the input).
 *
 * Decoding gives a `Date` (millisecond precision; extra fraction digits are truncated, as
 * `Date.parse` does). Encoding gives back the exact original text when the `Date` came from
 * decoding and still holds the same instant (kept in a WeakMap, so nothing leaks); otherwise the
 * canonical `toISOString()` form (`2024-01-15T10:30:00.000Z`). Either way the instant is the same.
 */
import * as Schema from "effect/Schema"
import * as SchemaTransformation from "effect/SchemaTransformation"
import { CHECK_ID } from "./internal/annotations.js"
import { dateFromDateTime, formatDateTime, isDateTime } from "./internal/rfc3339.js"

export {
  dateFromDateTime,
  daysInMonth,
  formatDateTime,
  isDateTime,
  isLeapYear,
  originalDateTimeText,
  parseDateTime,
} from "./internal/rfc3339.js"

/** Schema filter: a strict RFC 3339 date-time (emitted as `format: date-time` in JSON Schema). */
export const isRfc3339DateTime = Schema.makeFilter<string>((text) => isDateTime(text), {
  expected: "an RFC 3339 date-time such as 2024-01-15T10:30:00Z",
  toJsonSchema: () => ({ format: "date-time" }),
  [CHECK_ID]: "rfc3339-date-time",
})

/** A string holding a strict RFC 3339 date-time (stays a string). */
export const DateTimeString = Schema.String.check(isRfc3339DateTime).annotate({
  description: "RFC 3339 date-time, e.g. 2024-01-15T10:30:00.000000Z",
})

/**
 * The transformation of {@link DateTime} (string → `Date`). The model generator
 * (internal/model-generate.ts) recognises it by identity and names it `date-time`.
 */
export const dateTimeTransformation = SchemaTransformation.transform<Date, string>({
  // The string side has passed `isRfc3339DateTime`, so parsing cannot fail here.
  decode: (text) => dateFromDateTime(text) ?? new Date(Number.NaN),
  encode: formatDateTime,
})

/** Codec: strict RFC 3339 string ⇄ `Date` (see the module comment for round-trip guarantees). */
export const DateTime = DateTimeString.pipe(Schema.decodeTo(Schema.Date, dateTimeTransformation))
