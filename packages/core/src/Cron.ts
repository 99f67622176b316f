/**
 * Cron schedules as Ampersand reads them: five whitespace-separated fields
 * (minute hour day-of-month month day-of-week), parsed with the semantics of
 * `github.com/adhocore/gronx` (the library Ampersand's server and validator use), and the shortest
 * gap between two consecutive runs over a whole calendar cycle (domain.md §5.3, C1–C8).
 *
 * What gronx accepts, and so do we:
 * - `*` and `?` (any value, in every field), numbers, ranges `a-b`, steps `*\/n`, `a/n` (a to the
 *   field's maximum) and `a-b/n`, lists `x,y,z` of any of these;
 * - steps from 1 to 2^63 − 1: gronx reads them with Go's `strconv.Atoi` (int64), so a larger one
 *   (`*\/99999999999999999999`) is an error there and here;
 * - `0/n` means the multiples of n inside the field's range (so `0/5` in day-of-month is 5,10,…,30);
 * - month names `JAN`…`DEC` and day names `SUN`…`SAT`, case-insensitive, also in ranges and steps;
 * - day-of-week 0–7, where 7 is Sunday; a range starting at 7 starts at Sunday (`7-2` = Sun–Tue);
 * - day-of-month `L` (last day) and `nW` (weekday nearest to day n, within the month);
 *   day-of-week `nL` (last weekday n of the month) and `n#k` (k-th weekday n, k = 1–5);
 * - day-of-month and day-of-week both restricted: a day runs when either matches (OR), except when
 *   day-of-week starts with `*\/` or day-of-month starts with `*` or is `?`: then both must (AND).
 *
 * Where we are stricter than gronx (which answers such input inconsistently or never runs it):
 * - exactly 5 fields: no macros (`@daily`), no seconds or year field (Ampersand's rule C2);
 * - every list item is checked (gronx stops at the first item that matches the current time, so
 *   `5,99` is valid or not depending on the clock);
 * - names only in their own field (gronx rewrites `MON` to `1` anywhere, even in the minute field);
 * - only decimal digits (gronx's `Atoi` also takes `+5`); one `/` and one `-` per item (gronx ignores
 *   the rest); `a/n` with `a` above the field's maximum, `nW` with n outside 1–31, `nL` / `n#k` with
 *   n outside 0–7 or k outside 1–5 are refused (gronx accepts them and never runs them).
 * A schedule that parses but never runs (`0 0 30 2 *`) is valid here; `neverRuns` says why it never runs.
 * Where we differ on meaning: gronx never matches Sunday through the value 7 in a range or step
 * (`5-7` is Fri–Sat in gronx); we read 7 as Sunday everywhere, as the cron convention and gronx's own
 * single value `7` do. Only the day structure changes; minute and hour semantics are identical.
 *
 * Times are wall-clock minutes of a day without time zone changes (Ampersand schedules run in UTC).
 * Parsing is one linear pass over the text; the gap computation is bounded by the calendar, not by
 * the input (at most 14 year types × 366 days and 800 years of bookkeeping).
 */
import { quote } from "./internal/quote.js"

export type CronFieldName = "minute" | "hour" | "day-of-month" | "month" | "day-of-week"

export const cronFieldNames: ReadonlyArray<CronFieldName> = ["minute", "hour", "day-of-month", "month", "day-of-week"]

export interface CronError {
  /** One clause saying what is wrong ("minute `75` is out of range 0–59"). */
  readonly message: string
  /** The field at fault, when one is. */
  readonly field?: CronFieldName
  /** The fix, when there is an obvious one. */
  readonly hint?: string
}

/** A parsed schedule: the sets it runs on. */
export interface Cron {
  /** Minutes of the hour it runs at, ascending. */
  readonly minutes: ReadonlyArray<number>
  /** Hours of the day it runs at, ascending. */
  readonly hours: ReadonlyArray<number>
  /** The day part (day-of-month, month, day-of-week). */
  readonly days: CronDays
}

export interface CronDays {
  /** `months[m]` for m = 1…12. */
  readonly months: ReadonlyArray<boolean>
  /** Day-of-month is `*` or `?` (unrestricted). */
  readonly anyDayOfMonth: boolean
  /** Day-of-week is `*` or `?` (unrestricted). */
  readonly anyDayOfWeek: boolean
  /** How restricted day-of-month and day-of-week combine (gronx's rule, see the module comment). */
  readonly combine: "and" | "or"
  /** `dayOfMonth[d]` for d = 1…31. */
  readonly dayOfMonth: ReadonlyArray<boolean>
  /** `L` in day-of-month. */
  readonly lastDayOfMonth: boolean
  /** The n of every `nW` in day-of-month, deduplicated. */
  readonly nearestWeekday: ReadonlyArray<number>
  /** `dayOfWeek[w]` for w = 0 (Sunday) … 6. */
  readonly dayOfWeek: ReadonlyArray<boolean>
  /** `lastWeekday[w]`: `wL` (the last weekday w of the month). */
  readonly lastWeekday: ReadonlyArray<boolean>
  /** `nthWeekday[w * 6 + k]`: `w#k` (the k-th weekday w of the month, k = 1…5). */
  readonly nthWeekday: ReadonlyArray<boolean>
}

export type CronParse = { readonly ok: true; readonly cron: Cron } | { readonly ok: false; readonly error: CronError }

/** gronx's macros, for a helpful hint (they are not accepted: Ampersand needs 5 fields). */
const macros: Readonly<Record<string, string>> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@hourly": "0 * * * *",
  "@always": "* * * * *",
  "@5minutes": "*/5 * * * *",
  "@10minutes": "*/10 * * * *",
  "@15minutes": "*/15 * * * *",
  "@30minutes": "0,30 * * * *",
  "@everysecond": "* * * * * *",
}

interface FieldSpec {
  readonly name: CronFieldName
  readonly min: number
  readonly max: number
  /** Upper-case names whose index (+ `nameBase`) is their value. */
  readonly names?: ReadonlyArray<string>
  readonly nameBase?: number
}

const fieldSpecs: ReadonlyArray<FieldSpec> = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31 },
  {
    name: "month",
    min: 1,
    max: 12,
    names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
    nameBase: 1,
  },
  { name: "day-of-week", min: 0, max: 7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"], nameBase: 0 },
]

const isWhitespace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d)

/** Split on runs of ASCII whitespace, ignoring leading and trailing whitespace. Linear. */
const splitFields = (text: string): Array<string> => {
  const out: Array<string> = []
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    const ws = i === text.length || isWhitespace(text.charCodeAt(i))
    if (ws && start >= 0) {
      out.push(text.slice(start, i))
      start = -1
    } else if (!ws && start < 0) start = i
  }
  return out
}

class FieldError {
  constructor(
    readonly reason: string,
    readonly hint?: string,
  ) {}
}

const isDigits = (text: string): boolean => {
  if (text.length === 0) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return false
  }
  return true
}

/** Decimal digits to a number (leading zeros ignored); more than 9 digits reads as "huge" (above every bound). */
const digitsValue = (text: string): number => {
  let start = 0
  while (start < text.length - 1 && text.charCodeAt(start) === 0x30) start++
  return text.length - start > 9 ? Number.MAX_SAFE_INTEGER : Number(text.slice(start))
}

const rangeText = (spec: FieldSpec): string => `${spec.min}–${spec.max}`

/** A list item as it appears in an error message: quoted and cut short (it may be 50,000 characters). */
const shown = (item: string): string => quote(item, 12)

/** A number or a name of the field, checked against the field's bounds. */
const parseValue = (token: string, spec: FieldSpec, item: string): number => {
  let value: number
  if (isDigits(token)) value = digitsValue(token)
  else {
    const index = spec.names?.indexOf(token.toUpperCase()) ?? -1
    if (token.length !== 3 || index < 0) {
      const what =
        spec.names === undefined ? "a number" : `a number or a ${spec.name === "month" ? "month" : "day"} name`
      throw new FieldError(`${shown(item)} is not ${what}`)
    }
    value = index + (spec.nameBase ?? 0)
  }
  if (value < spec.min || value > spec.max) throw new FieldError(`${shown(item)} is out of range ${rangeText(spec)}`)
  return value
}

/** The largest step gronx reads: it parses steps with Go's `strconv.Atoi` (int64) and refuses larger ones. */
const maxStepDigits = "9223372036854775807"

/** Decimal digits (leading zeros allowed) denote a number above 2^63 − 1. Linear. */
const pastInt64 = (digits: string): boolean => {
  let start = 0
  while (start < digits.length - 1 && digits.charCodeAt(start) === 0x30) start++
  const length = digits.length - start
  return length > maxStepDigits.length || (length === maxStepDigits.length && digits.slice(start) > maxStepDigits)
}

const parseStep = (token: string, item: string): number => {
  if (!isDigits(token)) throw new FieldError(`step in ${shown(item)} is not a number`)
  if (pastInt64(token))
    throw new FieldError(`step in ${shown(item)} is too large`, `use a step of at most ${maxStepDigits} (2^63 − 1)`)
  const step = digitsValue(token)
  if (step < 1) throw new FieldError(`step in ${shown(item)} must be at least 1`)
  return step
}

/** What one field matches, filled item by item. */
interface FieldParse {
  /** `values[v]` for v in the field's bounds. */
  readonly values: Array<boolean>
  /** Day-of-month `L`. */
  last: boolean
  /** Day-of-month `nW`: the n's. */
  readonly nearest: Set<number>
  /** Day-of-week `wL`: `lastWeekday[w]`. */
  readonly lastWeekday: Array<boolean>
  /** Day-of-week `w#k`: `nth[w * 6 + k]`. */
  readonly nth: Array<boolean>
}

/** Parse one field (a comma-separated list). Linear in its length. */
const parseField = (text: string, spec: FieldSpec): FieldParse => {
  const field: FieldParse = {
    values: new Array<boolean>(spec.max + 1).fill(false),
    last: false,
    nearest: new Set(),
    lastWeekday: new Array<boolean>(7).fill(false),
    nth: new Array<boolean>(7 * 6).fill(false),
  }
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 0x2c) continue
    const item = text.slice(start, i)
    start = i + 1
    if (item.length === 0) throw new FieldError("has an empty list item")
    const span = parseItem(item, spec, field)
    if (span !== undefined) for (let v = span[0]; v <= span[1]; v += span[2]) field.values[v] = true
  }
  return field
}

/** A run of values `from`, `from + step`, … up to `to`. */
type Span = readonly [from: number, to: number, step: number]

/** What one list item matches: a span of values, or (for `L`, `W`, `#` forms) flags set on `field`. */
const parseItem = (item: string, spec: FieldSpec, field: FieldParse): Span | undefined => {
  if (item === "*" || item === "?") return [spec.min, spec.max, 1]
  const upper = item.toUpperCase()
  if (spec.name === "day-of-month") {
    if (upper === "L") {
      field.last = true
      return undefined
    }
    if (upper.endsWith("W")) {
      const n = upper.slice(0, -1)
      if (!isDigits(n) || digitsValue(n) < 1 || digitsValue(n) > 31)
        throw new FieldError(`${shown(item)} needs a day 1–31 before \`W\``)
      field.nearest.add(digitsValue(n))
      return undefined
    }
  }
  if (spec.name === "day-of-week") {
    if (upper.endsWith("L")) {
      field.lastWeekday[parseValue(item.slice(0, -1), spec, item) % 7] = true
      return undefined
    }
    const hash = item.indexOf("#")
    if (hash >= 0) {
      const weekday = parseValue(item.slice(0, hash), spec, item) % 7
      const k = item.slice(hash + 1)
      if (!isDigits(k) || digitsValue(k) < 1 || digitsValue(k) > 5)
        throw new FieldError(`${shown(item)} needs an occurrence 1–5 after \`#\``)
      field.nth[weekday * 6 + digitsValue(k)] = true
      return undefined
    }
  }
  const slash = item.indexOf("/")
  if (slash >= 0) {
    const base = item.slice(0, slash)
    const stepText = item.slice(slash + 1)
    if (stepText.includes("/")) throw new FieldError(`${shown(item)} has more than one \`/\``)
    const step = parseStep(stepText, item)
    if (base === "*") return [spec.min, spec.max, step]
    // gronx: `0/n` matches the multiples of n, whatever the field's minimum.
    if (base === "0") return [Math.ceil(spec.min / step) * step, spec.max, step]
    const dash = base.indexOf("-")
    if (dash < 0) return [parseValue(base, spec, item), spec.max, step]
    const [from, to] = parseRange(base, dash, spec, item, false)
    return [from, to, step]
  }
  const dash = item.indexOf("-")
  if (dash >= 0) {
    const [from, to] = parseRange(item, dash, spec, item, spec.name === "day-of-week")
    return [from, to, 1]
  }
  const value = parseValue(item, spec, item)
  return [value, value, 1]
}

const parseRange = (
  text: string,
  dash: number,
  spec: FieldSpec,
  item: string,
  sevenStartsAtSunday: boolean,
): [number, number] => {
  const endText = text.slice(dash + 1)
  if (endText.includes("-")) throw new FieldError(`${shown(item)} has more than one \`-\``)
  let from = parseValue(text.slice(0, dash), spec, item)
  const to = parseValue(endText, spec, item)
  if (sevenStartsAtSunday && from === 7) from = 0
  if (to < from) throw new FieldError(`range ${shown(item)} runs backwards`)
  return [from, to]
}

/** Parse a 5-field schedule. The empty schedule is not a cron (callers treat `''` as "no schedule"). */
const parseCronText = (text: string): CronParse => {
  const fields = splitFields(text)
  if (fields.length !== 5) {
    const first = fields[0] ?? ""
    const macro = macros[first.toLowerCase()]
    if (fields.length === 1 && macro !== undefined)
      return {
        ok: false,
        error: { message: `\`${first}\` is a macro; Ampersand needs 5 cron fields`, hint: `write \`${macro}\`` },
      }
    const extra = fields.length === 6 || fields.length === 7 ? "drop the seconds or year field: " : ""
    return {
      ok: false,
      error: {
        message: `it has ${fields.length} field${fields.length === 1 ? "" : "s"}, cron needs 5`,
        hint: `${extra}write minute hour day-of-month month day-of-week, e.g. \`*/10 * * * *\``,
      },
    }
  }
  const parsed: Array<FieldParse> = []
  for (let f = 0; f < 5; f++) {
    const spec = fieldSpecs[f] as FieldSpec
    try {
      parsed.push(parseField(fields[f] as string, spec))
    } catch (e) {
      if (!(e instanceof FieldError)) throw e
      const error = { message: `${spec.name} ${e.reason}`, field: spec.name }
      return { ok: false, error: e.hint === undefined ? error : { ...error, hint: e.hint } }
    }
  }
  const [minute, hour, dom, month, dow] = parsed as [FieldParse, FieldParse, FieldParse, FieldParse, FieldParse]
  const domText = (fields[2] as string).toUpperCase()
  const dowText = (fields[4] as string).toUpperCase()
  const anyDayOfMonth = domText === "*" || domText === "?"
  const anyDayOfWeek = dowText === "*" || dowText === "?"
  const intersect = dowText.startsWith("*/") || domText.startsWith("*") || domText === "?"
  const dayOfWeek = dow.values.slice(0, 7)
  if (dow.values[7] === true) dayOfWeek[0] = true
  return {
    ok: true,
    cron: {
      minutes: indices(minute.values),
      hours: indices(hour.values),
      days: {
        months: month.values,
        anyDayOfMonth,
        anyDayOfWeek,
        combine: intersect ? "and" : "or",
        dayOfMonth: dom.values,
        lastDayOfMonth: dom.last,
        nearestWeekday: [...dom.nearest].sort((a, b) => a - b),
        dayOfWeek,
        lastWeekday: dow.lastWeekday,
        nthWeekday: dow.nth,
      },
    },
  }
}

const indices = (values: ReadonlyArray<boolean>): Array<number> => {
  const out: Array<number> = []
  values.forEach((v, i) => {
    if (v) out.push(i)
  })
  return out
}

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

const monthLength = (month: number, leap: boolean): number =>
  month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

/** The weekday nearest to day n of a month (gronx: n, n-1, n+1, n-2, n+2, first Mon–Fri inside the month). */
const nearestWeekdayDay = (n: number, firstWeekday: number, length: number): number | undefined => {
  for (const delta of [0, -1, 1, -2, 2]) {
    const day = n + delta
    if (day < 1 || day > length) continue
    const weekday = (firstWeekday + day - 1) % 7
    if (weekday >= 1 && weekday <= 5) return day
  }
  return undefined
}

/**
 * Which days of one month a schedule runs on: `out[d]` for d = 1…length. `firstWeekday` is the
 * weekday of the 1st (0 = Sunday).
 */
const monthRunDays = (days: CronDays, month: number, length: number, firstWeekday: number): Array<boolean> => {
  const out: Array<boolean> = new Array<boolean>(length + 1).fill(false)
  if (days.months[month] !== true) return out
  const domOfMonth: Array<boolean> = days.dayOfMonth.slice(0, 32)
  if (days.lastDayOfMonth) domOfMonth[length] = true
  for (const n of days.nearestWeekday) {
    const day = nearestWeekdayDay(n, firstWeekday, length)
    if (day !== undefined) domOfMonth[day] = true
  }
  for (let d = 1; d <= length; d++) {
    const weekday = (firstWeekday + d - 1) % 7
    const domMatch = domOfMonth[d] === true
    const dowMatch =
      days.dayOfWeek[weekday] === true ||
      (days.lastWeekday[weekday] === true && d > length - 7) ||
      days.nthWeekday[weekday * 6 + Math.floor((d - 1) / 7) + 1] === true
    if (days.anyDayOfWeek) out[d] = days.anyDayOfMonth || domMatch
    else if (days.combine === "and") out[d] = dowMatch && (days.anyDayOfMonth || domMatch)
    else out[d] = dowMatch || domMatch
  }
  return out
}

/** Days of a year (0-based day-of-year, ascending) a schedule runs on, for a year type. */
const runDaysOfYear = (days: CronDays, leap: boolean, jan1Weekday: number): Array<number> => {
  const out: Array<number> = []
  let dayOfYear = 0
  let firstWeekday = jan1Weekday
  for (let month = 1; month <= 12; month++) {
    const length = monthLength(month, leap)
    const runs = monthRunDays(days, month, length, firstWeekday)
    for (let d = 1; d <= length; d++) if (runs[d] === true) out.push(dayOfYear + d - 1)
    dayOfYear += length
    firstWeekday = (firstWeekday + length) % 7
  }
  return out
}

/** Weekday (0 = Sunday) of a proleptic Gregorian date (Sakamoto's method). */
export const weekdayOf = (year: number, month: number, day: number): number => {
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
  const y = month < 3 ? year - 1 : year
  return (
    (((y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + (offsets[month - 1] as number) + day) % 7) +
      7) %
    7
  )
}

/** Whether the schedule runs (at its minutes and hours) on a calendar day; month 1–12. */
export const runsOnDay = (cron: Cron, year: number, month: number, day: number): boolean => {
  const length = monthLength(month, isLeap(year))
  if (day < 1 || day > length) return false
  return monthRunDays(cron.days, month, length, weekdayOf(year, month, 1))[day] === true
}

/**
 * The fewest days between two consecutive run days, over the 400-year Gregorian cycle (after which
 * weekdays and leap years repeat exactly), or undefined when no day ever runs (`0 0 30 2 *`).
 */
export const shortestDayGap = (days: CronDays): number | undefined => {
  if (days.anyDayOfMonth && days.anyDayOfWeek && days.months.slice(1, 13).every((m) => m)) return 1
  const tables = new Map<number, { readonly days: Array<number>; readonly minGap: number }>()
  let weekday = 6 // 2000-01-01 was a Saturday; any year works, the walk covers two whole cycles.
  let offset = 0
  let previous: number | undefined
  let best = Number.POSITIVE_INFINITY
  for (let year = 2000; year < 2800; year++) {
    const leap = isLeap(year)
    const key = (leap ? 7 : 0) + weekday
    let table = tables.get(key)
    if (table === undefined) {
      const runDays = runDaysOfYear(days, leap, weekday)
      let minGap = Number.POSITIVE_INFINITY
      for (let i = 1; i < runDays.length; i++)
        minGap = Math.min(minGap, (runDays[i] as number) - (runDays[i - 1] as number))
      table = { days: runDays, minGap }
      tables.set(key, table)
    }
    const first = table.days[0]
    const last = table.days[table.days.length - 1]
    if (first !== undefined && last !== undefined) {
      if (previous !== undefined) best = Math.min(best, offset + first - previous)
      best = Math.min(best, table.minGap)
      previous = offset + last
      if (best === 1) return 1
    }
    const length = leap ? 366 : 365
    offset += length
    weekday = (weekday + length) % 7
  }
  return best === Number.POSITIVE_INFINITY ? undefined : best
}

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
]

/** "a", "a and b", "a, b and c". */
const listOf = (items: ReadonlyArray<string>, last: string): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`

/**
 * Why a valid schedule never runs, as a clause ("February has no day 30"), or undefined when it runs
 * at least once in the 400-year calendar cycle. gronx accepts such a schedule and never fires it;
 * Ampersand would never read the object. The clause names the months when the day-of-month asks
 * for days none of them has, else says that no calendar day matches.
 */
const neverRunsOf = (cron: Cron): string | undefined => {
  const days = cron.days
  if (shortestDayGap(days) !== undefined) return undefined
  const months = indices(days.months).filter((m) => m >= 1 && m <= 12)
  const dayNumbers = indices(days.dayOfMonth).filter((d) => d >= 1)
  const first = dayNumbers[0]
  const plainDays = !days.anyDayOfMonth && !days.lastDayOfMonth && days.nearestWeekday.length === 0
  if (plainDays && first !== undefined && months.every((m) => first > monthLength(m, true))) {
    const names = months.map((m) => monthNames[m - 1] as string)
    const shownDays = dayNumbers.length <= 3 ? listOf(dayNumbers.map(String), "or") : `${first} or later`
    return `${listOf(names, "and")} ${names.length === 1 ? "has" : "have"} no day ${shownDays}`
  }
  return "no day of the calendar matches its day and month fields"
}

/** The run times of one day, as minutes since midnight, ascending. */
export const minutesOfDay = (cron: Cron): Array<number> => {
  const out: Array<number> = []
  for (const h of cron.hours) for (const m of cron.minutes) out.push(h * 60 + m)
  return out
}

/**
 * The shortest time in minutes between two consecutive runs, anywhere in the calendar, or undefined
 * when the schedule never runs. Within a day that is the closest pair of run times; across days it is
 * from the last run of a run day to the first run of the next run day.
 */
const shortestGapOf = (cron: Cron): number | undefined => {
  const dayGap = shortestDayGap(cron.days)
  if (dayGap === undefined) return undefined
  const times = minutesOfDay(cron)
  const first = times[0] as number
  const last = times[times.length - 1] as number
  let gap = (dayGap - 1) * 1440 + (1440 - last + first)
  for (let i = 1; i < times.length; i++) gap = Math.min(gap, (times[i] as number) - (times[i - 1] as number))
  return gap
}

/** Describe a gap in minutes in words ("5 minutes", "1 hour", "2 hours 30 minutes", "7 days"). */
export const formatGap = (minutes: number): string => {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`
  if (minutes % 1440 === 0) return plural(minutes / 1440, "day")
  if (minutes < 60) return plural(minutes, "minute")
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? plural(h, "hour") : `${plural(h, "hour")} ${plural(m, "minute")}`
}

// ---------------------------------------------------------------------------------------------
// Memoised entry points: a manifest repeats a handful of schedules across hundreds of objects, and
// three rules read each one. Parses are cached by text (short texts only, bounded), results about a
// parsed schedule by its (immutable, cached) object. Pure: a cache hit returns what a miss computes.

const parseCache = new Map<string, CronParse>()
const maxCachedText = 256
const maxCacheEntries = 512

/** Parse a 5-field cron schedule (gronx semantics), or say precisely why it is not one. */
export const parseCron = (text: string): CronParse => {
  if (text.length > maxCachedText) return parseCronText(text)
  const hit = parseCache.get(text)
  if (hit !== undefined) return hit
  const parsed = parseCronText(text)
  if (parseCache.size >= maxCacheEntries) parseCache.clear()
  parseCache.set(text, parsed)
  return parsed
}

const gapCache = new WeakMap<Cron, { readonly gap: number | undefined }>()
const neverCache = new WeakMap<Cron, { readonly never: string | undefined }>()

/** The shortest gap, in minutes, between two consecutive runs over a whole cycle; undefined if it never runs. */
export const shortestGap = (cron: Cron): number | undefined => {
  const hit = gapCache.get(cron)
  if (hit !== undefined) return hit.gap
  const gap = shortestGapOf(cron)
  gapCache.set(cron, { gap })
  return gap
}

/** Why a schedule never runs (e.g. "February has no day 30"), or undefined when it runs. */
export const neverRuns = (cron: Cron): string | undefined => {
  const hit = neverCache.get(cron)
  if (hit !== undefined) return hit.never
  const never = neverRunsOf(cron)
  neverCache.set(cron, { never })
  return never
}
