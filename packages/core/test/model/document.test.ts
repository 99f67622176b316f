import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, test } from "vitest"
import { InstallationList } from "../../src/Api.js"
import {
  type DecodeResult,
  type Document,
  type DocumentFailure,
  decodeAs,
  decodeDocument,
  recogniseKind,
} from "../../src/Document.js"
import { DecodeError, DocumentKindError, decodeDocumentEffect, encodeDocument } from "../../src/DocumentCodec.js"

import { realSamples } from "./corpus.js"

const samples = realSamples()

const block = {
  name: "read-accounts",
  provider: "salesforce",
  read: {
    objects: [{ objectName: "account", destination: "defaultWebhook", requiredFields: [{ fieldName: "name" }] }],
  },
}
const revision = {
  id: "7f3c1f7e-1111-4c8e-9d7a-0b1c2d3e4f50",
  specVersion: "1.0.0",
  createTime: "2024-01-15T10:30:00.000000Z",
  content: block,
}
const integration = {
  id: "a5b7c1d2-2222-4c8e-9d7a-0b1c2d3e4f50",
  projectId: "project-456",
  name: "read-accounts",
  provider: "salesforce",
  createTime: "2023-12-08T03:50:24.686Z",
  updateTime: "2024-04-22T18:55:28.456076Z",
  latestRevision: revision,
}
const manifest = { specVersion: "1.0.0", integrations: [block] }
const problem = { type: "about:blank", title: "Unprocessable Entity", status: 422, detail: "bad manifest", issues: [] }

const ok = (result: DecodeResult<Document, DocumentFailure>): Document => {
  if (Result.isFailure(result)) throw new Error(`expected success, got ${result.failure.message}`)
  return result.success
}
const failure = (result: DecodeResult<Document, DocumentFailure>): DocumentFailure => {
  if (Result.isSuccess(result)) throw new Error(`expected failure, got a ${result.success.kind}`)
  return result.failure
}

describe("recogniseKind", () => {
  test.each([
    [manifest, "manifest"],
    [block, "integration-block"],
    [revision, "revision"],
    [integration, "integration"],
    [[integration], "integration-list"],
    [[], "integration-list"],
    [problem, "problem"],
    [{ title: "x" }, "problem"],
    [{ SPECVERSION: "1.0.0", Integrations: [] }, "manifest"],
    [{ integrations: [] }, "manifest"],
    [{ specVersion: "1.0.0" }, "manifest"],
    [{ id: "x", projectId: "p", name: "n", provider: "p", createTime: "2024-01-01T00:00:00Z" }, "integration"],
    [{ content: block }, "revision"],
    [{ foo: 1 }, undefined],
    [{}, undefined],
    ["text", undefined],
    [42, undefined],
    [null, undefined],
  ])("%j → %s", (value, kind) => {
    expect(recogniseKind(value)).toBe(kind)
  })
})

describe("decodeDocument", () => {
  test("every kind decodes to its typed value", () => {
    expect(ok(decodeDocument(manifest)).kind).toBe("manifest")
    expect(ok(decodeDocument(block)).kind).toBe("integration-block")
    const rev = ok(decodeDocument(revision))
    expect(rev.kind === "revision" && rev.value.createTime).toEqual(new Date("2024-01-15T10:30:00.000Z"))
    const int = ok(decodeDocument(integration))
    expect(int.kind === "integration" && int.value.latestRevision.content.name).toBe("read-accounts")
    const list = ok(decodeDocument([integration, { ...integration, name: "two" }]))
    expect(list.kind === "integration-list" && list.value.map((i) => i.name)).toEqual(["read-accounts", "two"])
    const prob = ok(decodeDocument(problem))
    expect(prob.kind === "problem" && prob.value.status).toBe(422)
  })

  test("every real sample decodes as a manifest and encodes back (unknown keys dropped)", () => {
    expect(samples.length).toBe(121)
    for (const sample of samples) {
      const document = ok(decodeDocument(sample.value, "manifest"))
      const encoded = encodeDocument(document)
      const expected = structuredClone(sample.value) as {
        integrations: Array<{
          delete?: unknown
          subscribe?: { objects: Array<Record<string, Record<string, unknown>>> }
        }>
      }
      if (sample.name === "sendGrid/amp.yaml") delete expected.integrations[0]?.delete
      if (sample.name === "google-calendar/amp.yaml") {
        const events = expected.integrations[0]?.subscribe?.objects[0]
        delete events?.createEvent?.watchFieldsAuto
        delete events?.deleteEvent?.watchFieldsAuto
      }
      expect(encoded, sample.name).toEqual(expected)
    }
  })

  test("keys are matched case-insensitively, as the server does; the last spelling wins", () => {
    const document = ok(
      decodeDocument({
        SpecVersion: "1.0.0",
        integrations: [{ Name: "a", provider: "hubspot", PROXY: { enabled: false, Enabled: true }, extra: 1 }],
      }),
    )
    expect(document).toEqual({
      kind: "manifest",
      value: { specVersion: "1.0.0", integrations: [{ name: "a", provider: "hubspot", proxy: { enabled: true } }] },
    })
  })

  test("the revision's extra integrationId is tolerated and kept; unknown API keys are ignored", () => {
    const document = ok(decodeDocument({ ...revision, integrationId: "i-1", etag: "x" }))
    expect(document.kind === "revision" && document.value.integrationId).toBe("i-1")
    expect(encodeDocument(document)).toEqual({ ...revision, integrationId: "i-1" })
  })

  test("dates encode back to their exact original text", () => {
    expect(encodeDocument(ok(decodeDocument([integration])))).toEqual([integration])
  })

  test("the right kind that does not decode: DecodeError naming the kind and what did not match", () => {
    const { latestRevision: _, ...withoutRevision } = integration
    const error = failure(decodeDocument(withoutRevision))
    expect(error._tag).toBe("DecodeError")
    const tagged = Effect.runSyncExit(decodeDocumentEffect(withoutRevision))
    expect(tagged._tag === "Failure" && Cause.squash(tagged.cause)).toBeInstanceOf(DecodeError)
    expect(error.message).toBe(
      "looks like an integration (from the API) but integration is missing required key `latestRevision` (at /latestRevision)",
    )
    expect(error._tag === "DecodeError" && error.kind).toBe("integration")
  })

  test("every defect is listed, with rule ids of the owning rules where there are some", () => {
    const error = failure(
      decodeDocument({
        specVersion: "2.0.0",
        integrations: [{ name: 1, provider: "p", read: {}, write: { objects: [{}] } }],
      }),
    )
    expect(error._tag).toBe("DecodeError")
    expect(error.findings.map((f) => [f.rule, f.pointer])).toEqual([
      ["spec-version", "/specVersion"],
      ["wrong-type", "/integrations/0/name"],
      ["read-objects", "/integrations/0/read/objects"],
      ["missing-key", "/integrations/0/write/objects/0/objectName"],
    ])
    expect(error.message).toMatch(
      /^looks like a manifest \(amp\.yaml\) but `specVersion` must be `1\.0\.0`, got `2\.0\.0` \(at \/specVersion\), and 3 more problems$/,
    )
  })

  test("bad dates are refused with a finding at the date", () => {
    const error = failure(decodeDocument({ ...revision, createTime: "Jan 2 2026" }))
    expect(error.findings).toEqual([
      {
        rule: "invalid-value",
        severity: "error",
        message: "`createTime` must be an RFC 3339 date-time such as 2024-01-15T10:30:00Z, got `Jan 2 2026`",
        pointer: "/createTime",
      },
    ])
  })

  test("a defect deep in a list points into the list", () => {
    const bad = structuredClone(integration)
    ;(bad.latestRevision.content.read.objects[0] as Record<string, unknown>).enabled = "never"
    const error = failure(decodeDocument([integration, bad]))
    expect(error.findings.map((f) => f.pointer)).toEqual(["/1/latestRevision/content/read/objects/0/enabled"])
  })

  test("another kind than expected: DocumentKindError naming what it looks like", () => {
    const error = failure(decodeDocument(manifest, ["integration-list", "integration"]))
    expect(error._tag).toBe("DocumentKindError")
    const tagged = Effect.runSyncExit(decodeDocumentEffect(manifest, ["integration-list", "integration"]))
    expect(tagged._tag === "Failure" && Cause.squash(tagged.cause)).toBeInstanceOf(DocumentKindError)
    expect(tagged._tag === "Failure" && Cause.squash(tagged.cause)).toMatchObject({ message: error.message })
    expect(error.message).toBe(
      "expected an integration list (from the API) or an integration (from the API), but this looks like a manifest (amp.yaml)",
    )
    expect(error._tag === "DocumentKindError" && error.closest).toBe("manifest")
    expect(failure(decodeDocument(problem, "manifest")).message).toBe(
      "expected a manifest (amp.yaml), but this looks like a problem (RFC 9457 error body): 422 Unprocessable Entity bad manifest",
    )
  })

  test("nothing recognisable: the closest expected kind and why it does not match", () => {
    const error = failure(decodeDocument({ foo: 1 }, "manifest"))
    expect(error._tag).toBe("DocumentKindError")
    expect(error.message).toMatch(
      /^expected a manifest \(amp\.yaml\), but manifest is missing required key `specVersion`/,
    )
    expect(error.findings.map((f) => f.rule)).toEqual(["spec-version", "integration-structure"])
    expect(failure(decodeDocument("just text")).message).toBe(
      "expected a manifest (amp.yaml), an integration (from the API), a revision (from the API), an integration block (one manifest integration, or a revision's content), an integration list (from the API) or a problem (RFC 9457 error body), got a string that looks like none of them",
    )
    expect(failure(decodeDocument("x", "problem")).message).toBe(
      "expected a problem (RFC 9457 error body), but a problem must be an object, got a string",
    )
    // A problem has no required member: an unrecognised object is a (bare) problem when that is what is asked.
    expect(ok(decodeDocument({ foo: 1 }, "problem")).value).toMatchObject({
      type: "about:blank",
      extensions: { foo: 1 },
    })
  })

  test("decodeAs and the Effect face agree with decodeDocument", () => {
    expect(Result.isSuccess(decodeAs("integration-block", block))).toBe(true)
    expect(Result.getOrThrow(decodeAs("manifest", manifest))).toEqual(manifest)
    const failed = decodeAs("revision", { id: 1 })
    expect(Result.isFailure(failed) && failed.failure.message).toMatch(/^not a valid revision \(from the API\): /)
    expect(Effect.runSync(decodeDocumentEffect(manifest)).kind).toBe("manifest")
    const exit = Effect.runSyncExit(decodeDocumentEffect("x", "manifest"))
    expect(exit._tag).toBe("Failure")
  })

  test("hostile input never throws", () => {
    const deep: unknown = JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`)
    expect(() => decodeDocument(deep)).not.toThrow()
    expect(() =>
      decodeDocument(JSON.parse('{"__proto__":{"x":1},"specVersion":"1.0.0","integrations":[]}')),
    ).not.toThrow()
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
})

describe("an integration list names each integration once", () => {
  const renamed = {
    ...integration,
    id: "b0000000-3333-4c8e-9d7a-0b1c2d3e4f50",
    name: "write-accounts",
    latestRevision: { ...revision, content: { ...block, name: "write-accounts" } },
  }

  test("distinct names decode", () => {
    expect(ok(decodeDocument([integration, renamed], "integration-list")).kind).toBe("integration-list")
  })

  test("a name listed twice is refused at the second entry (no first-wins, no last-wins)", () => {
    const twice = [integration, renamed, { ...integration, id: "c0000000-4444-4c8e-9d7a-0b1c2d3e4f50" }]
    for (const result of [decodeDocument(twice), decodeAs("integration-list", twice)]) {
      const f = failure(result)
      expect(f._tag).toBe("DecodeError")
      expect(f.findings.map((x) => [x.rule, x.pointer, x.message])).toEqual([
        [
          "integration-name-duplicate",
          "/2/name",
          "integration `read-accounts` is listed again (first at [0]): one entry per name",
        ],
      ])
    }
  })

  test("the Effect face refuses it alike", async () => {
    const exit = await Effect.runPromiseExit(decodeDocumentEffect([integration, integration]))
    expect(exit._tag).toBe("Failure")
  })
})

describe("installations (list-installations)", () => {
  const installation = {
    id: "inst-1",
    projectId: "project-456",
    integrationId: "a5b7c1d2-2222-4c8e-9d7a-0b1c2d3e4f50",
    group: {
      groupRef: "group-123",
      groupName: "Super Customer",
      projectId: "project-456",
      createTime: "2023-07-13T21:34:44.816354Z",
    },
    healthStatus: "healthy",
    lastOperationStatus: "success",
    connection: {
      id: "connection-123",
      provider: "salesforce",
      apiKey: "secret-api-key",
      oauth2AuthorizationCode: { accessToken: { token: "secret" } },
      status: "working",
    },
    createTime: "2023-07-13T21:34:44.816354Z",
    createdBy: "consumer:consumer-123",
    config: {
      id: "config-123",
      revisionId: "revision-123",
      createTime: "2023-07-13T21:34:44.816354Z",
      createdBy: "builder:builder-123",
      content: {
        provider: "salesforce",
        read: {
          objects: {
            account: {
              objectName: "account",
              schedule: "*/10 * * * *",
              selectedFields: { name: true },
              selectedFieldMappings: {},
            },
            contact: {
              objectName: "contact",
              disabled: true,
              selectedFields: {},
              selectedFieldMappings: { city: "billingcity" },
            },
          },
        },
        proxy: { enabled: true },
      },
    },
  }

  test("decodes what a planner needs and drops connection secrets", () => {
    const [decoded] = Schema.decodeUnknownSync(InstallationList)([installation])
    expect(decoded?.config.revisionId).toBe("revision-123")
    expect(Object.keys(decoded?.config.content.read?.objects ?? {})).toEqual(["account", "contact"])
    expect(decoded?.config.content.read?.objects?.contact?.disabled).toBe(true)
    expect(decoded?.connection).toEqual({ id: "connection-123", provider: "salesforce" })
    expect(JSON.stringify(Schema.encodeSync(InstallationList)([decoded as never]))).not.toContain("secret")
  })

  test("refuses an unknown health status", () => {
    expect(() => Schema.decodeUnknownSync(InstallationList)([{ ...installation, healthStatus: "meh" }])).toThrow()
  })
})
