/** JsonResponse: every response body the handler sends is JSON, built here with the headers all responses share. */

/** Headers on every response. */
export const baseHeaders: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
}

export const jsonResponse = (
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
  contentType = "application/json",
): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { ...baseHeaders, "Content-Type": contentType, ...headers },
  })
