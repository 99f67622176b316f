/**
 * Regression of the hostile-input review: SARIF `artifactLocation.uri` held the file name as is
 * (`"my file#1 ?.yaml"`, a raw newline), which is no URI reference; code scanning then mislocates or
 * drops the results. Names are percent-encoded per segment now (render/sarif-uri.ts).
 */
import { describe, expect, test } from "vitest"
import { diff } from "../../src/Diff.js"
import { ruleDescriptions } from "../../src/RuleCatalog.js"
import { renderDiffSarif } from "../../src/render/diff-sarif.js"
import { sarifUri } from "../../src/render/sarif-uri.js"
import { validationSarif } from "../../src/render/validation-json.js"
import { validate } from "../../src/Validate.js"

/** RFC 3986 URI-reference characters: unreserved, reserved and `%` of an escape (no space, no control). */
const uriReference = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-F]{2})*$/

describe("sarifUri: file names as URI references", () => {
  test.each([
    ["amp.yaml", "amp.yaml"],
    ["corpus/a b/amp.yaml", "corpus/a%20b/amp.yaml"],
    ["my file#1 ?.yaml", "my%20file%231%20%3F.yaml"],
    ["100%.yaml", "100%25.yaml"],
    ["line\nbreak.yaml", "line%0Abreak.yaml"],
    ["tab\tand\u0000nul.yaml", "tab%09and%00nul.yaml"],
    ["café/ünï.yaml", "caf%C3%A9/%C3%BCn%C3%AF.yaml"],
    ["😀.yaml", "%F0%9F%98%80.yaml"],
    ["a:b.yaml", "a%3Ab.yaml"],
    ["back\\slash.yaml", "back%5Cslash.yaml"],
    ["../up/./amp.yaml", "../up/./amp.yaml"],
    ["<stdin>", "%3Cstdin%3E"],
    ["/home/me/my repo/amp.yaml", "file:///home/me/my%20repo/amp.yaml"],
    ["C:\\Users\\me\\amp #1.yaml", "file:///C:/Users/me/amp%20%231.yaml"],
    ["d:/work/amp.yaml", "file:///d:/work/amp.yaml"],
    ["lone\ud800.yaml", "lone%EF%BF%BD.yaml"],
  ])("%j → %s", (file, uri) => {
    expect(sarifUri(file)).toBe(uri)
    expect(sarifUri(file)).toMatch(uriReference)
  })

  test("decoding each segment gives the name back (no information lost)", () => {
    for (const name of ["corpus/a b/amp.yaml", "my file#1 ?.yaml", "x/%41/y z", "é/ß/ü"]) {
      expect(sarifUri(name).split("/").map(decodeURIComponent).join("/")).toBe(name)
    }
  })
})

describe("the SARIF renderers emit encoded URIs", () => {
  test("validate --format sarif: GitHub code scanning paths with a space", () => {
    const report = validate("specVersion: 2.0.0\n")
    const sarif = validationSarif(
      [
        { file: "corpus/a b/amp.yaml", report },
        { file: "my file#1 ?.yaml", report },
      ],
      ruleDescriptions,
      "0.0.0",
    )
    const uris = sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)
    expect(uris.length).toBeGreaterThan(1)
    expect(new Set(uris)).toEqual(new Set(["corpus/a%20b/amp.yaml", "my%20file%231%20%3F.yaml"]))
    expect(JSON.stringify(sarif)).not.toMatch(/"uri":"[^"]*[ #?\n]/)
  })

  test("diff --format sarif: the new file and the old file of a removal's related location", () => {
    const before = {
      specVersion: "1.0.0",
      integrations: [
        { name: "a", provider: "hubspot", read: { objects: [{ objectName: "contacts", destination: "d" }] } },
      ],
    }
    const after = { specVersion: "1.0.0", integrations: [{ name: "a", provider: "hubspot" }] }
    const at = () => ({ line: 3, column: 5 })
    const result = diff({ value: before, locate: at }, { value: after, locate: at })
    const sarif = renderDiffSarif(result, {
      oldFile: "old dir/amp.yaml",
      newFile: "new\ndir/amp #2.yaml",
      failOn: "reconfigure",
      toolVersion: "0.0.0",
    })
    const results = sarif.runs[0]!.results
    expect(results.length).toBeGreaterThan(0)
    for (const r of results) {
      expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe("new%0Adir/amp%20%232.yaml")
    }
    const related = results.flatMap((r) => ("relatedLocations" in r ? r.relatedLocations : []))
    expect(related.length).toBeGreaterThan(0)
    for (const l of related) expect(l.physicalLocation.artifactLocation.uri).toBe("old%20dir/amp.yaml")
  })
})
