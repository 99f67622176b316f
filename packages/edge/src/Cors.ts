/**
 * Cors: response headers for cross-origin callers. An allowed origin gets `Access-Control-Allow-Origin`
 * (the origin itself, or `*` when every origin is allowed); a disallowed one gets no CORS header at all,
 * so the browser withholds the response. No credentials are ever allowed (the API has none).
 */
import type { AllowedOrigins } from "./Settings.js"

/** Request headers a cross-origin caller may send (beyond the CORS-safelisted ones). */
export const allowedRequestHeaders = ["Content-Type"]

/** Response headers a cross-origin caller may read (beyond the CORS-safelisted ones). */
export const exposedResponseHeaders = ["Allow", "Accept-Post", "Accept-Encoding"]

/** Seconds a browser may cache a preflight answer. */
export const preflightMaxAge = 86_400

const isAllowed = (origin: string, allowed: AllowedOrigins): boolean => allowed === "*" || allowed.includes(origin)

/** CORS headers of an actual (non-preflight) response. */
export const corsHeaders = (origin: string | null, allowed: AllowedOrigins): Record<string, string> => {
  const vary: Record<string, string> = allowed !== "*" && allowed.length > 0 ? { Vary: "Origin" } : {}
  if (origin === null || !isAllowed(origin, allowed)) return vary
  return {
    ...vary,
    "Access-Control-Allow-Origin": allowed === "*" ? "*" : origin,
    "Access-Control-Expose-Headers": exposedResponseHeaders.join(", "),
  }
}

/**
 * CORS headers of a preflight answer for a route that accepts `methods`: empty unless the origin is allowed
 * and the requested method is one of the route's.
 */
export const preflightHeaders = (
  request: Request,
  allowed: AllowedOrigins,
  methods: ReadonlyArray<string>,
): Record<string, string> => {
  const vary = { Vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers" }
  const origin = request.headers.get("origin")
  const method = request.headers.get("access-control-request-method")
  if (origin === null || method === null || !isAllowed(origin, allowed) || !methods.includes(method)) return vary
  return {
    ...vary,
    "Access-Control-Allow-Origin": allowed === "*" ? "*" : origin,
    "Access-Control-Allow-Methods": methods.join(", "),
    "Access-Control-Allow-Headers": allowedRequestHeaders.join(", "),
    "Access-Control-Max-Age": String(preflightMaxAge),
  }
}
