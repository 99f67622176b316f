/** expectProblem: the checks every error response must pass (RFC 9457 body, no-store, status agreement). */
import { expect } from "vitest"

export const expectProblem = async (response: Response, status: number): Promise<Record<string, unknown>> => {
  expect(response.status).toBe(status)
  expect(response.headers.get("content-type")).toBe("application/problem+json")
  expect(response.headers.get("cache-control")).toBe("no-store")
  expect(response.headers.get("x-content-type-options")).toBe("nosniff")
  const body = JSON.parse(await response.text()) as Record<string, unknown>
  expect(body.status).toBe(status)
  expect(body.type).toMatch(/^urn:problem-type:ampkit:[a-z-]+$/)
  expect(typeof body.title).toBe("string")
  expect(typeof body.detail).toBe("string")
  expect((body.detail as string).length).toBeLessThanOrEqual(400)
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.[jt]s:\d+:\d+|"stack"/)
  return body
}
