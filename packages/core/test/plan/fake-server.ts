/**
 * A fake of Ampersand's batch upsert (`PUT /projects/{p}/integrations:batch`), for planner laws:
 * it reads the request's `sourceYaml` the way the server does (YAML 1.1, keys matched
 * case-insensitively are not needed here: ampkit writes canonical keys) and upserts one
 * integration per manifest integration by exact name, each with a new latest revision. Integrations
 * absent from the manifest are left untouched (domain.md §4.1). IDs come from a counter: deterministic.
 */
import { parse } from "yaml"
import type { BatchRequest } from "../../src/Plan.js"

type Json = Record<string, unknown>

export interface FakeProject {
  /** The list-integrations body, as JSON. */
  readonly integrations: Array<Json>
  /** Requests received, in order. */
  readonly received: Array<BatchRequest>
}

export const fakeProject = (integrations: ReadonlyArray<unknown>): FakeProject => ({
  integrations: JSON.parse(JSON.stringify(integrations)) as Array<Json>,
  received: [],
})

let counter = 0
const nextId = (kind: string): string => `${kind}-${String(++counter).padStart(6, "0")}`

/** Apply one batch request; returns the response body (the upserted integrations). */
export const batchUpsert = (project: FakeProject, request: BatchRequest): Array<Json> => {
  if (request.method !== "PUT" || request.path !== "/projects/{projectIdOrName}/integrations:batch") {
    throw new Error(`unexpected request ${request.method} ${request.path}`)
  }
  project.received.push(request)
  const manifest = parse(request.body.sourceYaml, { version: "1.1" }) as {
    specVersion: string
    integrations: Array<Json>
  }
  if (manifest.specVersion !== "1.0.0") throw new Error(`invalid spec version ${String(manifest.specVersion)}`)
  const now = "2026-01-02T03:04:05.678Z"
  const response: Array<Json> = []
  for (const block of manifest.integrations) {
    const revision = { id: nextId("revision"), specVersion: manifest.specVersion, createTime: now, content: block }
    const existing = project.integrations.find((i) => i.name === block.name)
    if (existing !== undefined) {
      existing.latestRevision = revision
      existing.updateTime = now
      response.push(existing)
    } else {
      const created: Json = {
        id: nextId("integration"),
        projectId: "project-456",
        name: block.name,
        provider: block.provider,
        createTime: now,
        latestRevision: revision,
      }
      project.integrations.push(created)
      response.push(created)
    }
  }
  return response
}
