/**
 * The ampkit Worker: `@ampkit/edge`'s fetch handler with the real `@ampkit/core` behind it.
 *
 * Settings come from the environment bindings (wrangler.jsonc `vars`, or the dashboard); the handler is
 * built once per isolate and rebuilt only if the bindings change. Invalid bindings fall back to the
 * defaults with one warning in the log; defects are logged with their stack (never sent to the client).
 */
import { manifestJsonSchemaText } from "@ampkit/core/ManifestJsonSchemaText"
import { validate } from "@ampkit/core/Validate"
import { type FetchHandler, makeHandler, settingBindings, settingsFromEnv } from "@ampkit/edge"
import { diffPort } from "./diffPort.js"
import { planPort } from "./planPort.js"

/** The bindings this Worker reads (all optional, all strings in wrangler.jsonc). */
export interface Env {
  readonly MAX_BODY_BYTES?: string
  readonly MAX_ISSUES?: string
  readonly ALLOWED_ORIGINS?: string
}

let built: { readonly key: string; readonly handler: FetchHandler } | undefined

/** The handler for these bindings: built on the first request, kept while the bindings stay the same. */
export const handlerFor = (env: Env): FetchHandler => {
  const bindings = env as Readonly<Record<string, unknown>>
  const key = JSON.stringify(Object.values(settingBindings).map((name) => bindings[name] ?? null))
  if (built?.key === key) return built.handler
  const { settings, warnings } = settingsFromEnv(bindings)
  for (const warning of warnings) console.warn(`ampkit worker: ${warning}`)
  const handler = makeHandler({
    validate,
    // Pregenerated from the schemas (a test keeps it equal): the Worker carries no effect.
    schema: () => JSON.parse(manifestJsonSchemaText),
    diff: diffPort,
    plan: planPort,
    ...settings,
    onDefect: (error, request) => {
      const url = new URL(request.url)
      console.error(`ampkit worker: defect on ${request.method} ${url.pathname}`, error)
    },
  })
  built = { key, handler }
  return handler
}

export default {
  fetch: (request: Request, env: Env): Promise<Response> => handlerFor(env)(request),
}
