import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type Cron, formatGap, parseCron, runsOnDay, shortestDayGap, shortestGap, weekdayOf } from "../src/Cron.js"

const parse = (text: string): Cron => {
  const result = parseCron(text)
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`)
  return result.cron
}

const range = (from: number, to: number, step = 1): Array<number> => {
  const out: Array<number> = []
  for (let v = from; v <= to; v += step) out.push(v)
  return out
}

describe("parseCron: what each field matches", () => {
  it.each([
    ["*/10 * * * *", range(0, 50, 10)],
    ["*/60 * * * *", [0]], // gronx: step 60 over 0–59 is minute 0 only (the netsuite sample)
    ["*/100 * * * *", [0]],
    ["0/15 * * * *", [0, 15, 30, 45]],
    ["5/20 * * * *", [5, 25, 45]],
    ["10-20/5 * * * *", [10, 15, 20]],
    ["3,1,2,3 * * * *", [1, 2, 3]],
    ["58-59 * * * *", [58, 59]],
    ["? * * * *", range(0, 59)],
    ["0005 * * * *", [5]],
  ])("minutes of %s", (text, minutes) => {
    expect(parse(text).minutes).toEqual(minutes)
  })

  it("hours, with 0/n as the multiples of n", () => {
    expect(parse("0 0/6 * * *").hours).toEqual([0, 6, 12, 18])
    expect(parse("0 */24 * * *").hours).toEqual([0])
    expect(parse("0 9-17/4,23 * * *").hours).toEqual([9, 13, 17, 23])
  })

  it("month and day names, any case, in values, ranges and steps", () => {
    const cron = parse("0 0 * jan-Mar,DEC mon-FRI")
    expect(cron.days.months.map((m, i) => (m ? i : -1)).filter((i) => i > 0)).toEqual([1, 2, 3, 12])
    expect(cron.days.dayOfWeek).toEqual([false, true, true, true, true, true, false])
    expect(
      parse("0 0 * FEB/3 *")
        .days.months.map((m, i) => (m ? i : -1))
        .filter((i) => i > 0),
    ).toEqual([2, 5, 8, 11])
    expect(parse("0 0 * * SUN#2").days.nthWeekday[0 * 6 + 2]).toBe(true)
  })

  it("7 is Sunday, also at the start of a range", () => {
    expect(parse("0 0 * * 7").days.dayOfWeek).toEqual(parse("0 0 * * 0").days.dayOfWeek)
    expect(parse("0 0 * * 7-2").days.dayOfWeek).toEqual([true, true, true, false, false, false, false])
    expect(parse("0 0 * * 5-7").days.dayOfWeek).toEqual([true, false, false, false, false, true, true])
  })

  it("day-of-month 0/n is the multiples of n (gronx), a/n runs to the end of the month", () => {
    const multiples = parse("0 0 0/5 * *").days.dayOfMonth
    expect(range(1, 31).filter((d) => multiples[d])).toEqual([5, 10, 15, 20, 25, 30])
    const from = parse("0 0 20/5 * *").days.dayOfMonth
    expect(range(1, 31).filter((d) => from[d])).toEqual([20, 25, 30])
  })

  it("combines a restricted day-of-month and day-of-week as gronx does", () => {
    expect(parse("0 0 1 * 1").days.combine).toBe("or")
    expect(parse("0 0 */2 * 1").days.combine).toBe("and") // day-of-month starts with *
    expect(parse("0 0 ? * 1").days.combine).toBe("and")
    expect(parse("0 0 1 * */2").days.combine).toBe("and") // day-of-week starts with */
  })

  it.each([
    ["", "it has 0 fields, cron needs 5", undefined],
    ["invalid cron", "it has 2 fields, cron needs 5", undefined],
    ["0 0 * * * *", "6 fields, cron needs 5", undefined],
    ["0 0 * * * 2024", "6 fields", undefined],
    ["@daily", "`@daily` is a macro", undefined],
    ["@HOURLY", "`@HOURLY` is a macro", undefined],
    ["60 * * * *", "minute `60` is out of range 0–59", "minute"],
    ["* 24 * * *", "hour `24` is out of range 0–23", "hour"],
    ["* * 0 * *", "day-of-month `0` is out of range 1–31", "day-of-month"],
    ["* * 32 * *", "day-of-month `32` is out of range 1–31", "day-of-month"],
    ["* * * 13 *", "month `13` is out of range 1–12", "month"],
    ["* * * 0 *", "month `0` is out of range 1–12", "month"],
    ["* * * * 8", "day-of-week `8` is out of range 0–7", "day-of-week"],
    ["*/0 * * * *", "minute step in `*/0` must be at least 1", "minute"],
    ["*/x * * * *", "minute step in `*/x` is not a number", "minute"],
    ["*/5/2 * * * *", "more than one `/`", "minute"],
    ["1-5-9 * * * *", "more than one `-`", "minute"],
    ["5-1 * * * *", "minute range `5-1` runs backwards", "minute"],
    ["70/5 * * * *", "minute `70/5` is out of range 0–59", "minute"],
    ["1,,2 * * * *", "minute has an empty list item", "minute"],
    ["1, * * * *", "minute has an empty list item", "minute"],
    ["+5 * * * *", "minute `+5` is not a number", "minute"],
    ["MON * * * *", "minute `MON` is not a number", "minute"],
    ["0 0 * MON *", "month `MON` is not a number or a month name", "month"],
    ["0 0 * * JAN", "day-of-week `JAN` is not a number or a day name", "day-of-week"],
    ["0 0 * * MONDAY", "day-of-week `MONDAY` is not a number or a day name", "day-of-week"],
    ["0 0 LW * *", "day-of-month `LW` needs a day 1–31 before `W`", "day-of-month"],
    ["0 0 W * *", "needs a day 1–31 before `W`", "day-of-month"],
    ["0 0 32W * *", "needs a day 1–31 before `W`", "day-of-month"],
    ["0 0 5L * *", "day-of-month `5L` is not a number", "day-of-month"],
    ["0 0 * * L", "day-of-week `L` is not a number or a day name", "day-of-week"],
    ["0 0 * * 1#6", "needs an occurrence 1–5 after `#`", "day-of-week"],
    ["0 0 * * 9#2", "day-of-week `9#2` is out of range 0–7", "day-of-week"],
    ["0 0 * * 5W", "day-of-week `5W` is not a number or a day name", "day-of-week"],
    ["0 L * * *", "hour `L` is not a number", "hour"],
    ["99999999999999999999 * * * *", "out of range 0–59", "minute"],
  ])("refuses %j: %s", (text, message, field) => {
    const result = parseCron(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message).toContain(message)
    expect(result.error.field).toBe(field)
  })

  it("hints the expansion of a macro", () => {
    const result = parseCron("@weekly")
    expect(result.ok ? undefined : result.error.hint).toBe("write `0 0 * * 0`")
  })

  it("accepts any whitespace between fields", () => {
    expect(parse(" \t*/10\t* *  * *\n").minutes).toEqual(range(0, 50, 10))
  })
})

const day = 1440

describe("shortestGap over a whole cycle", () => {
  it.each([
    ["*/10 * * * *", 10],
    ["*/5 * * * *", 5],
    ["* * * * *", 1],
    ["0,5 * * * *", 5], // the gap VAL only sees near the top of the hour
    ["*/60 * * * *", 60],
    ["*/15 * * * *", 15],
    ["*/30 * * * *", 30],
    ["*/20 * * * *", 20],
    ["0 */6 * * *", 360],
    ["0 0 * * *", day],
    ["55 23 * * *", day],
    ["0,55 0,23 * * *", 5], // 23:55 → 00:00 the next day
    ["0,55 0,23 * * 1,3,5", 55], // never two days in a row
    ["0,55 0,23 * * 6-7", 5], // Saturday 23:55 → Sunday 00:00
    ["0 0 * * 1", 7 * day],
    ["0 0 * * 1-5", day],
    ["0 0 1 * *", 28 * day], // Feb 1 → Mar 1
    ["0 0 31 * *", 31 * day], // Jul 31 → Aug 31, Dec 31 → Jan 31
    ["0 0 L * *", 28 * day], // Jan 31 → Feb 28
    ["0 0 29 2 *", 1461 * day], // leap days, four years apart at the closest
    ["0 0 1 * 1", day], // OR: a Monday followed by the 1st
    ["0 0 */1 * 1", 7 * day], // AND: every day that is a Monday
    ["0 0 1-31 * 1", day],
    ["0 0 * * 1#1", 28 * day],
    ["0 0 * * 5L", 28 * day],
    ["0 0 15W * *", 28 * day],
  ])("%s → %i minutes", (text, gap) => {
    expect(shortestGap(parse(text))).toBe(gap)
  })

  it("is undefined for a schedule that never runs", () => {
    expect(shortestGap(parse("0 0 30 2 *"))).toBeUndefined()
    expect(shortestGap(parse("0 0 31 4,6,9,11 *"))).toBeUndefined()
    expect(shortestDayGap(parse("0 0 30 2 *").days)).toBeUndefined()
  })

  it("finds gaps of decades over the 400-year cycle (29 February on a Sunday)", () => {
    const sundays: Array<number> = []
    for (let year = 2000; year < 2800; year++) {
      const t = Date.UTC(year, 1, 29)
      if (new Date(t).getUTCMonth() === 1 && new Date(t).getUTCDay() === 0) sundays.push(t / 86_400_000)
    }
    const gaps = sundays.slice(1).map((d, i) => d - (sundays[i] as number))
    expect(shortestDayGap(parse("0 0 29 2 */7").days)).toBe(Math.min(...gaps))
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(28 * 365)
  })

  it("formats gaps in words", () => {
    expect(formatGap(1)).toBe("1 minute")
    expect(formatGap(5)).toBe("5 minutes")
    expect(formatGap(60)).toBe("1 hour")
    expect(formatGap(150)).toBe("2 hours 30 minutes")
    expect(formatGap(1440)).toBe("1 day")
    expect(formatGap(7 * 1440)).toBe("7 days")
  })
})

/**
 * A port of gronx's matching (github.com/adhocore/gronx, checker.go / validator.go / gronx.go
 * SegmentsDue) as the reference for what a schedule matches. Differences documented in Cron.ts
 * (7 = Sunday inside ranges and `a/n` steps of day-of-week) are kept out of the generated input.
 */
const gronx = (() => {
  const literals: Record<string, string> = {
    SUN: "0",
    MON: "1",
    TUE: "2",
    WED: "3",
    THU: "4",
    FRI: "5",
    SAT: "6",
    JAN: "1",
    FEB: "2",
    MAR: "3",
    APR: "4",
    MAY: "5",
    JUN: "6",
    JUL: "7",
    AUG: "8",
    SEP: "9",
    OCT: "10",
    NOV: "11",
    DEC: "12",
  }
  const atoi = (s: string): number => {
    if (!/^[+-]?[0-9]+$/.test(s)) throw new Error(`atoi ${s}`)
    return Number(s)
  }
  const bounds = [
    [0, 59],
    [0, 59],
    [0, 23],
    [1, 31],
    [1, 12],
    [0, 7],
  ] as const
  interface Ref {
    readonly minute: number
    readonly hour: number
    readonly day: number
    readonly month: number
    readonly weekday: number
    readonly last: number
    readonly year: number
  }
  const valueByPos = (ref: Ref, pos: number): number =>
    [0, ref.minute, ref.hour, ref.day, ref.month, ref.weekday][pos] as number
  const inStepRange = (val: number, start: number, end: number, step: number) => {
    for (let i = start; i <= end && i <= val; i += step) if (i === val) return true
    return false
  }
  const inStep = (val: number, s: string, b: readonly [number, number]): boolean => {
    const parts = s.split("/")
    const step = atoi(parts[1] as string)
    if (step <= 0) throw new Error("step")
    if (s.startsWith("*/")) return (val - b[0]) % step === 0
    if (s.startsWith("0/")) return val % step === 0
    const sub = (parts[0] as string).split("-")
    const start = atoi(sub[0] as string)
    let end = val
    if (sub.length > 1) end = atoi(sub[1] as string)
    if ((sub.length > 1 && end < start) || start < b[0] || end > b[1]) throw new Error("bounds")
    return inStepRange(val, start, end, step)
  }
  const inRange = (val: number, s: string, b: readonly [number, number]): boolean => {
    const parts = s.split("-")
    const start = atoi(parts[0] as string)
    const end = atoi(parts[1] as string)
    if (end < start || start < b[0] || end > b[1]) throw new Error("range")
    return start <= val && val <= end
  }
  const isOffsetDue = (offset: string, val: number, pos: number): boolean => {
    if (offset === "*" || offset === "?") return true
    const b = bounds[pos] as readonly [number, number]
    const isWeekDay = pos === 5
    if (offset.includes("/")) return inStep(val, offset, b)
    if (offset.includes("-")) return inRange(val, isWeekDay ? offset.replace("7-", "0-") : offset, b)
    const nval = atoi(offset)
    if (nval < b[0] || nval > b[1]) throw new Error("bounds")
    if (!isWeekDay && (val === 0 || nval === 0)) return nval === 0 && val === 0
    return nval === val || (isWeekDay && nval === 7 && val === 0)
  }
  const weekdayAt = (ref: Ref, d: number) => new Date(Date.UTC(ref.year, ref.month - 1, d)).getUTCDay()
  const isValidMonthDay = (val: string, ref: Ref): boolean => {
    if (val === "L") return ref.day === ref.last
    const pos = val.indexOf("W")
    if (pos < 1) throw new Error("W")
    const nval = atoi(val.slice(0, pos))
    for (const i of [0, -1, 1, -2, 2]) {
      const incr = i + nval
      if (incr > 0 && incr <= ref.last) {
        const week = weekdayAt(ref, incr)
        if (week > 0 && week < 6) return ref.day === incr
      }
    }
    return false
  }
  const isValidWeekDay = (val: string, ref: Ref): boolean => {
    const lpos = val.indexOf("L")
    if (lpos > 0) {
      const nval = atoi(val.slice(0, lpos))
      for (let i = 0; i < 7; i++) {
        const d = ref.last - i
        if (weekdayAt(ref, d) === nval % 7) return ref.day === d
      }
    }
    const pos = val.indexOf("#")
    const parts = val.replaceAll("7#", "0#").split("#")
    if (pos < 1 || parts.length < 2) throw new Error("#")
    const dayOfWeek = atoi(parts[0] as string)
    const nth = atoi(parts[1] as string)
    if (dayOfWeek < 0 || dayOfWeek > 7 || nth < 1 || nth > 5 || ref.weekday !== dayOfWeek) return false
    return Math.floor((ref.day - 1) / 7) === nth - 1
  }
  const checkDue = (segment: string, pos: number, ref: Ref): boolean => {
    const val = valueByPos(ref, pos)
    for (const offset of segment.split(",")) {
      const mod = (pos === 3 || pos === 5) && /[LW#]/.test(offset)
      try {
        if (isOffsetDue(offset, val, pos)) return true
      } catch (e) {
        if (!mod) throw e
      }
      if (!mod) continue
      if (pos === 3 ? isValidMonthDay(offset, ref) : isValidWeekDay(offset, ref)) return true
    }
    return false
  }
  const segments = (expr: string): Array<string> => {
    const normalized = expr
      .trim()
      .replace(/\s+/g, " ")
      .toUpperCase()
      .replace(/SUN|MON|TUE|WED|THU|FRI|SAT|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC/g, (m) => literals[m] ?? m)
    return ["0", ...normalized.split(" ")]
  }
  /** gronx SegmentsDue at a minute. */
  const isDue = (expr: string, ref: Ref): boolean => {
    const segs = segments(expr)
    let skipMonthDayCheck = false
    for (let i = 0; i < segs.length; i++) {
      const pos = segs.length - 1 - i
      const seg = segs[pos] as string
      if (seg === "*" || seg === "?") continue
      if (pos === 3 && skipMonthDayCheck) continue
      if (pos === 5) {
        const monthDaySeg = segs[3] as string
        const intersect = seg.startsWith("*/") || monthDaySeg.startsWith("*") || monthDaySeg === "?"
        if (!intersect) {
          if (checkDue(seg, pos, ref) || checkDue(monthDaySeg, 3, ref)) {
            skipMonthDayCheck = true
            continue
          }
        }
      }
      if (!checkDue(seg, pos, ref)) return false
    }
    return true
  }
  const refOf = (year: number, month: number, d: number, hour = 0, minute = 0): Ref => ({
    year,
    month,
    day: d,
    hour,
    minute,
    weekday: new Date(Date.UTC(year, month - 1, d)).getUTCDay(),
    last: new Date(Date.UTC(year, month, 0)).getUTCDate(),
  })
  return { isDue, refOf }
})()

const int = (min: number, max: number) => fc.integer({ min, max }).map(String)
const step = fc.integer({ min: 1, max: 70 }).map(String)
const orderedPair = (min: number, max: number) =>
  fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => (a <= b ? [a, b] : [b, a]))
const common = (min: number, max: number) =>
  fc.oneof(
    fc.constant("*"),
    int(min, max),
    orderedPair(min, max).map(([a, b]) => `${a}-${b}`),
    step.map((n) => `*/${n}`),
    fc.tuple(int(min, max), step).map(([a, n]) => `${a}/${n}`),
    fc.tuple(orderedPair(min, max), step).map(([[a, b], n]) => `${a}-${b}/${n}`),
    step.map((n) => `0/${n}`),
  )
const list = (item: fc.Arbitrary<string>) => fc.array(item, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(","))
const monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
const dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
const domField = fc.oneof(
  { weight: 1, arbitrary: fc.constant("?") },
  {
    weight: 6,
    arbitrary: list(
      fc.oneof(
        common(1, 31),
        fc.constant("L"),
        int(1, 31).map((n) => `${n}W`),
      ),
    ),
  },
)
const monthField = list(
  fc.oneof(
    common(1, 12),
    fc.constantFrom(...monthNames),
    fc.constantFrom(...monthNames).map((n) => n.toLowerCase()),
  ),
)
// Day-of-week: no 7 inside ranges or a/n steps (gronx never reaches it there, see Cron.ts).
const dowField = fc.oneof(
  { weight: 1, arbitrary: fc.constant("?") },
  {
    weight: 6,
    arbitrary: list(
      fc.oneof(
        fc.constant("*"),
        int(0, 7),
        orderedPair(0, 6).map(([a, b]) => `${a}-${b}`),
        int(0, 6).map((b) => `7-${b}`),
        step.map((n) => `*/${n}`),
        fc.tuple(orderedPair(0, 6), step).map(([[a, b], n]) => `${a}-${b}/${n}`),
        fc.constantFrom(...dayNames),
        fc
          .tuple(fc.constantFrom(...dayNames), fc.constantFrom(...dayNames))
          .map(([a, b]) => (dayNames.indexOf(a) <= dayNames.indexOf(b) ? `${a}-${b}` : `${b}-${a}`)),
        int(0, 7).map((n) => `${n}L`),
        fc.tuple(int(0, 7), int(1, 5)).map(([n, k]) => `${n}#${k}`),
      ),
    ),
  },
)

describe("agrees with gronx", () => {
  it("on the minutes and hours a field matches", () => {
    fc.assert(
      fc.property(list(common(0, 59)), list(common(0, 23)), (minute, hour) => {
        const cron = parse(`${minute} ${hour} * * *`)
        for (let m = 0; m < 60; m++)
          expect(cron.minutes.includes(m)).toBe(gronx.isDue(`${minute} * * * *`, gronx.refOf(2024, 1, 1, 0, m)))
        for (let h = 0; h < 24; h++)
          expect(cron.hours.includes(h)).toBe(gronx.isDue(`* ${hour} * * *`, gronx.refOf(2024, 1, 1, h, 0)))
      }),
      { numRuns: 300 },
    )
  })

  it("on the days a schedule runs (2023–2025, a leap year included)", () => {
    const days: Array<[number, number, number]> = []
    for (let t = Date.UTC(2023, 0, 1); t <= Date.UTC(2025, 11, 31); t += 86_400_000) {
      const d = new Date(t)
      days.push([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()])
    }
    fc.assert(
      fc.property(domField, monthField, dowField, (dom, month, dow) => {
        const text = `0 0 ${dom} ${month} ${dow}`
        const cron = parse(text)
        for (const [y, m, d] of days) {
          if (runsOnDay(cron, y, m, d) !== gronx.isDue(text, gronx.refOf(y, m, d)))
            throw new Error(`${text} on ${y}-${m}-${d}: ours ${runsOnDay(cron, y, m, d)}`)
        }
      }),
      { numRuns: 150 },
    )
  })
})

describe("shortestGap agrees with brute force", () => {
  it("over the run days of 2000–2400 and their times", () => {
    fc.assert(
      fc.property(
        list(common(0, 59)),
        list(common(0, 23)),
        domField,
        monthField,
        dowField,
        (minute, hour, dom, month, dow) => {
          const cron = parse(`${minute} ${hour} ${dom} ${month} ${dow}`)
          const times = cron.hours.flatMap((h) => cron.minutes.map((m) => h * 60 + m))
          let previous: number | undefined
          let best = Number.POSITIVE_INFINITY
          let index = 0
          for (let year = 2000; year < 2800 && best > 1; year++) {
            for (let month = 1; month <= 12; month++) {
              const length = new Date(Date.UTC(year, month, 0)).getUTCDate()
              for (let d = 1; d <= length; d++, index++) {
                if (!runsOnDay(cron, year, month, d)) continue
                for (const t of times) {
                  const at = index * 1440 + t
                  if (previous !== undefined) best = Math.min(best, at - previous)
                  previous = at
                }
              }
            }
          }
          const expected = best === Number.POSITIVE_INFINITY ? undefined : best
          expect(shortestGap(cron)).toBe(expected)
        },
      ),
      { numRuns: 25 },
    )
  })

  it("weekdayOf matches the calendar", () => {
    for (const [y, m, d] of [
      [2000, 1, 1],
      [1999, 12, 31],
      [2024, 2, 29],
      [2100, 3, 1],
      [2026, 8, 21],
    ] as const)
      expect(weekdayOf(y, m, d)).toBe(new Date(Date.UTC(y, m - 1, d)).getUTCDay())
  })
})

describe("linear time on hostile schedules", () => {
  const bounded = (text: string) => {
    const start = performance.now()
    const result = parseCron(text)
    if (result.ok) shortestGap(result.cron)
    expect(performance.now() - start).toBeLessThan(1000)
    return result
  }
  it("a 50k-entry list", () => {
    const result = bounded(`${Array.from({ length: 50_000 }, (_, i) => String(i % 60)).join(",")} * * * *`)
    expect(result.ok).toBe(true)
  })
  it("a 50k-entry list of */1 items", () => {
    expect(bounded(`0 ${Array.from({ length: 50_000 }, () => "*/1").join(",")} * * *`).ok).toBe(true)
  })
  it("a 50k-entry day-of-week list of n#k items", () => {
    expect(bounded(`0 0 * * ${Array.from({ length: 50_000 }, (_, i) => `${i % 7}#${(i % 5) + 1}`).join(",")}`).ok).toBe(
      true,
    )
  })
  it("a 50k-character number, 50k separators, 50k whitespace", () => {
    expect(bounded(`${"1".repeat(50_000)} * * * *`).ok).toBe(false)
    expect(bounded(`1${",".repeat(50_000)} * * * *`).ok).toBe(false)
    expect(bounded(`*/10${" ".repeat(50_000)}* * * *`).ok).toBe(true)
    expect(bounded(`${"1-".repeat(25_000)}1 * * * *`).ok).toBe(false)
  })
})
