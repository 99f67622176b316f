/**
 * Handler: `makeHandler(config)` → a standard `fetch(Request) → Promise<Response>` function, runtime-neutral
 * (workerd, Node, Deno, Bun). It routes, answers CORS preflights, adds CORS headers, and turns every
 * failure into problem+json: a `Failure` by its tag's status (Failure.ts), anything else as a 500 with no
 * detail about the error (which goes to `onDefect` for the operator's log instead).
 */
import { corsHeaders, preflightHeaders } from "./Cors.js"
import { excerpt } from "./Excerpt.js"
import { Failure } from "./Failure.js"
import { baseHeaders } from "./JsonResponse.js"
import { problemResponse } from "./Problem.js"
import type { Ports, RouteContext, RouteMethods } from "./Route.js"
import { diffRoute } from "./routes/diff.js"
import { planRoute } from "./routes/plan.js"
import { makeSchemaRoute } from "./routes/schema.js"
import { validateRoute } from "./routes/validate.js"
import { type AllowedOrigins, defaultSettings, type Limits, type Settings } from "./Settings.js"

export interface HandlerConfig extends Ports {
  /** Each limit absent here takes its default (Settings.ts). */
  readonly limits?: Partial<Limits> | undefined
  /** Default: none (same-origin only). */
  readonly allowedOrigins?: AllowedOrigins | undefined
  /** Called with every defect (an unexpected throw) before the 500 goes out: log it here. */
  readonly onDefect?: ((error: unknown, request: Request) => void) | undefined
}

export type FetchHandler = (request: Request) => Promise<Response>

/** The sentence of every 500: nothing about the error or the input. */
export const defectDetail = "an unexpected error occurred while handling the request; it has been logged"

const makeRoutes = (): ReadonlyMap<string, RouteMethods> =>
  new Map<string, RouteMethods>([
    ["/v1/validate", { POST: validateRoute }],
    ["/v1/diff", { POST: diffRoute }],
    ["/v1/plan", { POST: planRoute }],
    ["/v1/schema", { GET: makeSchemaRoute() }],
  ])

/** Methods in an `Allow` header: the route's, `HEAD` with `GET`, and `OPTIONS`. */
const allowOf = (methods: RouteMethods): ReadonlyArray<string> => [
  ...Object.keys(methods).flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m])),
  "OPTIONS",
]

/** Cloudflare's ray id, when it has the expected shape (never echo arbitrary header text). */
const requestIdOf = (request: Request): string | undefined => {
  const ray = request.headers.get("cf-ray")
  return ray !== null && /^[0-9a-f]{16}(-[A-Z]{3})?$/.test(ray) ? ray : undefined
}

export const makeHandler = (config: HandlerConfig): FetchHandler => {
  const settings: Settings = {
    limits: {
      maxBodyBytes: config.limits?.maxBodyBytes ?? defaultSettings.limits.maxBodyBytes,
      maxIssues: config.limits?.maxIssues ?? defaultSettings.limits.maxIssues,
    },
    allowedOrigins: config.allowedOrigins ?? defaultSettings.allowedOrigins,
  }
  const ports: Ports = { validate: config.validate, schema: config.schema, diff: config.diff, plan: config.plan }
  const routes = makeRoutes()
  const routeList = [...routes].flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`))

  return async (request) => {
    const cors = corsHeaders(request.headers.get("origin"), settings.allowedOrigins)
    const requestId = requestIdOf(request)
    try {
      const url = new URL(request.url)
      const methods = routes.get(url.pathname)
      if (methods === undefined) {
        throw new Failure("RouteNotFound", `there is no route at ${excerpt(url.pathname)}`, {
          extensions: { routes: routeList },
        })
      }
      const allow = allowOf(methods).join(", ")
      if (request.method === "OPTIONS") {
        const preflight = preflightHeaders(request, settings.allowedOrigins, allowOf(methods))
        return new Response(null, { status: 204, headers: { ...baseHeaders, ...preflight, Allow: allow } })
      }
      const head = request.method === "HEAD"
      const method = (head ? "GET" : request.method) as keyof RouteMethods
      const run = Object.hasOwn(methods, method) ? methods[method] : undefined
      if (run === undefined) {
        throw new Failure("MethodNotAllowed", `${excerpt(request.method, 16)} is not allowed on ${url.pathname}`, {
          headers: { Allow: allow },
        })
      }
      const context: RouteContext = { request, url, settings, ports }
      const reply = await run(context)
      const headers = {
        ...baseHeaders,
        "Content-Type": reply.contentType ?? "application/json",
        ...cors,
        ...(reply.headers ?? {}),
      }
      return new Response(head ? null : reply.json, { status: reply.status, headers })
    } catch (error) {
      let defect: unknown = error
      if (error instanceof Failure) {
        try {
          return problemResponse(error, { ...withId(requestId), headers: cors })
        } catch (unsendable) {
          // A failure whose body cannot be serialised (a port's diagnostic holding a BigInt, say) is a defect too:
          // the answer is still a problem+json 500, never a rejected promise (a bare runtime error page).
          defect = unsendable
        }
      }
      logDefect(config.onDefect, defect, request)
      return problemResponse(new Failure("Defect", defectDetail), { ...withId(requestId), headers: cors })
    }
  }
}

/** Hand a defect to the logger; a logger that throws, or returns a promise that rejects, is ignored. */
const logDefect = (onDefect: HandlerConfig["onDefect"], error: unknown, request: Request): void => {
  try {
    const logged: unknown = onDefect?.(error, request)
    if (typeof (logged as PromiseLike<unknown> | undefined)?.then === "function") {
      ;(logged as PromiseLike<unknown>).then(undefined, () => undefined)
    }
  } catch {
    // A failing logger must not turn a 500 into a crash.
  }
}

const withId = (requestId: string | undefined) => (requestId !== undefined ? { requestId } : {})
