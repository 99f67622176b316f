/** call: requests to the Worker under test, through its default export as workerd dispatches it. */
import { exports } from "cloudflare:workers"
import { expect } from "vitest"

export const base = "https://ampkit.test"

export const call = (path: string, init: RequestInit = {}): Promise<Response> =>
  exports.default.fetch(`${base}${path}`, init)

export const postText = (
  path: string,
  body: BodyInit | null,
  contentType: string | null,
  headers: Record<string, string> = {},
) =>
  call(path, {
    method: "POST",
    body,
    headers: { ...(contentType !== null ? { "content-type": contentType } : {}), ...headers },
  })

/** The checks every error response passes (RFC 9457 body, no-store, no stack). */
export const expectProblem = async (response: Response, status: number): Promise<Record<string, unknown>> => {
  expect(response.status).toBe(status)
  expect(response.headers.get("content-type")).toBe("application/problem+json")
  expect(response.headers.get("cache-control")).toBe("no-store")
  const text = await response.text()
  expect(text).not.toMatch(/\n\s+at |\.[jt]s:\d+:\d+|"stack"/)
  const body = JSON.parse(text) as Record<string, unknown>
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^urn:problem-type:ampkit:/) })
  expect(typeof body.title).toBe("string")
  expect(typeof body.detail).toBe("string")
  return body
}
