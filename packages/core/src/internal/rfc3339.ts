/**
 * Strict RFC 3339 date-times, without any schema: parse, check, decode to a `Date` (remembering the
 * text) and format back. DateTime.ts builds the Effect codec on these; the plain face (Document.ts,
 * Problem.ts, internal/model-decode.ts) uses them directly. See DateTime.ts for the accepted syntax
 * and the round-trip guarantees.
 */

const MAX_LENGTH = 35 // "YYYY-MM-DDThh:mm:ss." + 9 digits + "+hh:mm"

const digit = (text: string, index: number): number => {
  const code = text.charCodeAt(index)
  return code >= 48 && code <= 57 ? code - 48 : -1
}

/** Two digits at `index` as a number, or -1. */
const twoDigits = (text: string, index: number): number => {
  const a = digit(text, index)
  const b = digit(text, index + 1)
  return a < 0 || b < 0 ? -1 : a * 10 + b
}

/** Whether `year` is a leap year in the proleptic Gregorian calendar. */
export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** Number of days in `month` (1–12) of `year`. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

/**
 * Parse a strict RFC 3339 date-time to epoch milliseconds, or `undefined` when `text` is not one.
 * Runs in time linear in min(|text|, 35).
 */
export const parseDateTime = (text: string): number | undefined => {
  const length = text.length
  if (length < 20 || length > MAX_LENGTH) return undefined
  const y1 = twoDigits(text, 0)
  const y2 = twoDigits(text, 2)
  if (y1 < 0 || y2 < 0 || text[4] !== "-" || text[7] !== "-") return undefined
  const year = y1 * 100 + y2
  const month = twoDigits(text, 5)
  const day = twoDigits(text, 8)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  const separator = text[10]
  if (separator !== "T" && separator !== "t") return undefined
  const hour = twoDigits(text, 11)
  const minute = twoDigits(text, 14)
  const second = twoDigits(text, 17)
  if (text[13] !== ":" || text[16] !== ":") return undefined
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined
  let index = 19
  let millis = 0
  if (text[index] === ".") {
    index++
    const start = index
    while (index < length && digit(text, index) >= 0) {
      if (index - start < 3) millis = millis * 10 + digit(text, index)
      index++
    }
    const count = index - start
    if (count === 0 || count > 9) return undefined
    for (let k = count; k < 3; k++) millis *= 10
  }
  let offsetMinutes = 0
  const zone = text[index]
  if (zone === "Z" || zone === "z") {
    index++
  } else if (zone === "+" || zone === "-") {
    const offsetHour = twoDigits(text, index + 1)
    const offsetMinute = twoDigits(text, index + 4)
    if (text[index + 3] !== ":" || offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) {
      return undefined
    }
    offsetMinutes = (offsetHour * 60 + offsetMinute) * (zone === "-" ? -1 : 1)
    index += 6
  } else {
    return undefined
  }
  if (index !== length) return undefined
  const days = daysFromCivil(year, month, day)
  return (((days * 24 + hour) * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis
}

/** Whether `text` is a strict RFC 3339 date-time. */
export const isDateTime = (text: string): boolean => parseDateTime(text) !== undefined

const originals = new WeakMap<Date, { readonly text: string; readonly time: number }>()

/** The text a `Date` was decoded from, while it still holds that instant. */
export const originalDateTimeText = (date: Date): string | undefined => {
  const original = originals.get(date)
  return original !== undefined && original.time === date.getTime() ? original.text : undefined
}

/**
 * Format a `Date` as RFC 3339: the original text when the date was decoded by {@link DateTime}
 * and not changed since, else `toISOString()`. Dates outside years 0000–9999 have no RFC 3339
 * form: `toISOString()` then gives an extended year, which {@link DateTime} refuses to encode.
 */
export const formatDateTime = (date: Date): string => originalDateTimeText(date) ?? date.toISOString()

/** Decode a strict RFC 3339 string to a `Date`, remembering its text; `undefined` when invalid. */
export const dateFromDateTime = (text: string): Date | undefined => {
  const time = parseDateTime(text)
  if (time === undefined) return undefined
  const date = new Date(time)
  originals.set(date, { text, time })
  return date
}
