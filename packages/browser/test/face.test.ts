/**
 * The built bundles (dist/index.js, dist/validate.js) give the same results as the core they are
 * built from, on the real corpus: validate, diff, plan and problem decoding.
 */
import { decodeProblemText as coreDecodeProblemText } from "@ampkit/core/Problem"
import { validate as coreValidate } from "@ampkit/core/Validate"
import { describe, expect, test } from "vitest"
import * as browser from "../dist/index.js"
import * as validateOnly from "../dist/validate.js"
import { apiIntegrations, lineOf, sample, samples } from "./corpus.js"

const hubspot = sample("hubspot")
/** Three edits of the hubspot sample: a required field added, one removed, a schedule changed. */
const hubspotEdited = hubspot
  .replace(
    "            - fieldName: website\n",
    "            - fieldName: website\n            - fieldName: industry\n",
  )
  .replace("            - fieldName: lifecyclestage\n", "")
  .replace('schedule: "*/10 * * * *" # Every 10 minutes.', 'schedule: "*/30 * * * *" # Every 30 minutes.')

describe("validate", () => {
  test("the validate-only bundle exports validate alone", () => {
    expect(Object.keys(validateOnly)).toEqual(["validate"])
  })

  test("both bundles give core's report on every sample of the corpus", () => {
    const all = samples()
    expect(all.length).toBeGreaterThanOrEqual(121)
    for (const { name, text } of all) {
      const expected = JSON.stringify(coreValidate(text))
      expect(JSON.stringify(browser.validate(text)), name).toBe(expected)
      expect(JSON.stringify(validateOnly.validate(text)), name).toBe(expected)
    }
  })

  test("netsuiteM2M: always-enabled-fields errors at the lines of the empty schedule and the mapped field", () => {
    const text = sample("netsuiteM2M")
    const report = browser.validate(text)
    expect(report.ok).toBe(false)
    const found = report.diagnostics.filter((d) => d.rule === "always-enabled-fields").map((d) => [d.line, d.severity])
    const creditmemo = lineOf(text, "objectName: creditmemo")
    const customer = lineOf(text, "objectName: customer")
    expect(found).toEqual([
      [lineOf(text, "schedule: ''", creditmemo), "error"],
      [lineOf(text, "mapToName: idvalue", customer), "error"],
    ])
  })

  test("options: ignore suppresses warnings and infos, never errors", () => {
    const text = sample("netsuiteM2M")
    const report = browser.validate(text, { ignore: ["backfill-large", "always-enabled-fields"] })
    expect(report.errors).toBe(2)
    expect(report.infos).toBe(0)
    expect(report.suppressed).toBe(2)
  })
})

describe("diff", () => {
  test("two versions of the hubspot sample: each change with its level and line", () => {
    const outcome = browser.diff(hubspot, hubspotEdited)
    if (!outcome.ok) throw new Error(outcome.message)
    expect(outcome.kinds).toEqual({ before: "manifest", after: "manifest" })
    const seen = outcome.changes.map((c) => [c.id, c.level, c.line])
    expect(seen).toEqual(
      expect.arrayContaining([
        ["required-field-added", "reconfigure", lineOf(hubspotEdited, "fieldName: industry")],
        ["required-field-removed", "breaking", lineOf(hubspot, "fieldName: lifecyclestage")],
        ["read-object-schedule-changed", "dangerous", lineOf(hubspotEdited, '"*/30 * * * *"')],
      ]),
    )
    expect(outcome.changes).toHaveLength(3)
    expect(outcome.summary).toEqual({ breaking: 1, reconfigure: 1, dangerous: 1, safe: 0, accepted: 0 })
  })

  test("accepted fingerprints are flagged and not counted", () => {
    const first = browser.diff(hubspot, hubspotEdited)
    if (!first.ok) throw new Error(first.message)
    const breaking = first.changes.find((c) => c.level === "breaking")!
    const again = browser.diff(hubspot, hubspotEdited, { accepted: [breaking.fingerprint.toUpperCase()] })
    if (!again.ok) throw new Error(again.message)
    expect(again.summary).toEqual({ breaking: 0, reconfigure: 1, dangerous: 1, safe: 0, accepted: 1 })
    expect(again.changes.find((c) => c.id === breaking.id)?.accepted).toBe(true)
  })

  test("the same document is no change; the API list of a sample against the sample is no change", () => {
    const same = browser.diff(hubspot, hubspot)
    expect(same.ok && same.changes).toEqual([])
    const live = browser.diff(JSON.stringify(apiIntegrations(hubspot), null, 2), hubspot)
    expect(live.ok && live.kinds).toEqual({ before: "integration-list", after: "manifest" })
    expect(live.ok && live.changes).toEqual([])
  })

  test("a side that does not parse, or is no document kind, is refused with its diagnostics", () => {
    const broken = browser.diff("specVersion: 1.0.0\nintegrations: [\n", hubspot)
    expect(broken).toMatchObject({ ok: false, side: "before", reason: "syntax" })
    expect(!broken.ok && broken.diagnostics[0]?.rule).toBe("syntax")
    const problem = browser.diff(hubspot, '{ "type": "about:blank", "title": "Bad Request", "status": 400 }')
    expect(problem).toMatchObject({ ok: false, side: "after", reason: "kind" })
    expect(!problem.ok && problem.message).toContain("problem")
  })
})

describe("plan", () => {
  const gong = sample("gong")
  const current = JSON.stringify(apiIntegrations(hubspot, gong), null, 2)
  const desired = hubspot.replace(/ {8}- objectName: marketing-forms\n(?: {10}.*\n)+/, "")

  test("an update that removes a read object, and an orphan", () => {
    expect(desired).not.toContain("marketing-forms")
    const outcome = browser.plan(current, desired)
    if (!outcome.ok) throw new Error(JSON.stringify(outcome))
    const { plan } = outcome
    expect(plan.summary).toEqual({ create: 0, update: 1, unchanged: 0, orphan: 1 })
    const update = plan.integrations.find((i) => i.action === "update")!
    expect(update).toMatchObject({
      name: "hubspotIntegration",
      removedReadObjects: ["marketing-forms"],
      readRemoval: "keep-reading",
      revision: "revision-0",
      line: lineOf(desired, "- name: hubspotIntegration"),
    })
    expect(update.changes.map((c) => c.id)).toContain("read-object-removed")
    expect(plan.batches).toHaveLength(1)
    expect(plan.batches[0]).toMatchObject({ destructive: false, integrations: ["hubspotIntegration"] })
    expect(plan.batches[0]!.request.body.sourceYaml).toContain("hubspotIntegration")
    // Plain data: it survives structured cloning (postMessage to and from a worker).
    expect(structuredClone(outcome)).toEqual(outcome)
  })

  test("stopReads makes the removal destructive; a new integration is a create", () => {
    const stop = browser.plan(current, desired, { stopReads: ["hubspotIntegration"] })
    expect(stop.ok && stop.plan.batches.map((b) => b.destructive)).toEqual([true])
    const fresh = browser.plan(JSON.stringify(apiIntegrations(gong)), hubspot)
    expect(fresh.ok && fresh.plan.summary).toEqual({ create: 1, update: 0, unchanged: 0, orphan: 1 })
  })

  test("a desired manifest with errors gives no plan; a wrong current input is named", () => {
    const invalid = browser.plan(current, sample("netsuiteM2M"))
    expect(invalid).toMatchObject({ ok: false, reason: "invalid-manifest" })
    expect(!invalid.ok && invalid.reason === "invalid-manifest" && invalid.report.errors).toBe(2)
    expect(browser.plan(hubspot, hubspot)).toMatchObject({ ok: false, reason: "bad-input", input: "current" })
  })
})

describe("problems", () => {
  const body = JSON.stringify({
    type: "https://docs.withampersand.com/errors/input-validation",
    title: "Invalid input",
    status: 422,
    detail: "The manifest is not valid",
    issues: [{ in: "body", name: "integrations[0].read.objects[1].schedule", detail: "bad cron expression" }],
  })

  test("decodeProblemText equals core's and never throws on text that is not a problem", () => {
    expect(browser.decodeProblemText(body)).toEqual(coreDecodeProblemText(body))
    expect(browser.decodeProblemText("<html>502 Bad Gateway</html>", 502)).toMatchObject({ status: 502 })
  })

  test("explainProblem maps a body issue to the manifest line it names", () => {
    const text = sample("hubspot")
    const decoded = browser.decodeText(text)
    if (!decoded.ok) throw new Error(decoded.message)
    const explained = browser.explainProblem(body, { manifest: decoded.source })
    expect(explained.issues[0]?.location).toMatchObject({
      exact: true,
      position: { line: lineOf(text, 'schedule: "*/10 * * * *" # Every 10 minutes.') },
    })
  })
})
