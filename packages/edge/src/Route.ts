/** Route: what a route handler receives and returns. The handler owns routing, CORS and failures. */
import type { DiffPort, PlanPort, SchemaPort, ValidatePort } from "./Port.js"
import type { Settings } from "./Settings.js"

/** The core functions the handler calls; `diff` and `plan` answer 501 until they are given. */
export interface Ports {
  readonly validate: ValidatePort
  readonly schema: SchemaPort
  readonly diff?: DiffPort | undefined
  readonly plan?: PlanPort | undefined
}

export interface RouteContext {
  readonly request: Request
  readonly url: URL
  readonly settings: Settings
  readonly ports: Ports
}

/** A successful answer: a JSON text with its status; the handler adds the shared and CORS headers. */
export interface Reply {
  readonly status: number
  readonly json: string
  readonly contentType?: string
  readonly headers?: Readonly<Record<string, string>>
}

export type RouteHandler = (context: RouteContext) => Promise<Reply> | Reply

/** Methods of a route. `HEAD` is answered by the `GET` handler without a body; `OPTIONS` by the handler. */
export type RouteMethods = Readonly<Partial<Record<"GET" | "POST", RouteHandler>>>

export const jsonReply = (status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): Reply => ({
  status,
  json: JSON.stringify(value),
  headers,
})
