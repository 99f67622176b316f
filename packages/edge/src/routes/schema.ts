/** `GET /v1/schema`: the JSON Schema of amp.yaml, generated once per handler from the core's schemas. */
import type { Reply, RouteContext } from "../Route.js"

export const schemaContentType = "application/schema+json"

/** The schema route of one handler: the schema is serialised on the first request and kept. */
export const makeSchemaRoute = () => {
  let json: string | undefined
  return ({ ports }: RouteContext): Reply => {
    json ??= JSON.stringify(ports.schema())
    return { status: 200, json, contentType: schemaContentType, headers: { "Cache-Control": "public, max-age=3600" } }
  }
}
