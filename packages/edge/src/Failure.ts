/**
 * Failure: every expected way a request fails, as a tag, and the ONE table from tag to HTTP status
 * (architecture.md, convention 3). Anything thrown that is not a `Failure` is a defect (500).
 */

/** Tag → status, title and problem type. The only place a failure's status is decided. */
export const failureTable = {
  RequestInvalid: { status: 400, title: "Bad Request" },
  BodyUnreadable: { status: 400, title: "Bad Request" },
  ManifestUnparseable: { status: 400, title: "Bad Request" },
  RouteNotFound: { status: 404, title: "Not Found" },
  MethodNotAllowed: { status: 405, title: "Method Not Allowed" },
  BodyTooLarge: { status: 413, title: "Content Too Large" },
  UnsupportedMediaType: { status: 415, title: "Unsupported Media Type" },
  ManifestInvalid: { status: 422, title: "Unprocessable Content" },
  Defect: { status: 500, title: "Internal Server Error" },
  NotImplemented: { status: 501, title: "Not Implemented" },
} as const satisfies Record<string, { readonly status: number; readonly title: string }>

export type FailureTag = keyof typeof failureTable

/** `urn:problem-type:ampkit:<tag>`, the RFC 9457 `type` of each failure (Ampersand names its types the same way). */
export const problemType = (tag: FailureTag): string =>
  `urn:problem-type:ampkit:${tag.replace(/[A-Z]/g, (c, i: number) => (i === 0 ? "" : "-") + c.toLowerCase())}`

/** One issue of an `InputValidationProblem`, in Ampersand's shape plus our rule, position, severity and hint. */
export interface Issue {
  readonly in: "body" | "query" | "header"
  /** JSON pointer into the document for body issues; the parameter or header name otherwise. */
  readonly name: string
  readonly detail: string
  readonly rule?: string
  readonly line?: number
  readonly column?: number
  readonly severity?: "error" | "warning" | "info"
  readonly hint?: string
}

export interface FailureOptions {
  /** Errors (for 400/422): what is wrong, one entry each. */
  readonly issues?: ReadonlyArray<Issue>
  /** Extension members of the problem body (RFC 9457 §3.2), e.g. `warnings`, `maxBytes`. */
  readonly extensions?: Readonly<Record<string, unknown>>
  /** Extra response headers, e.g. `Allow` for 405. */
  readonly headers?: Readonly<Record<string, string>>
}

/** An expected failure: thrown by a route, turned into a problem+json response by the handler. */
export class Failure extends Error {
  override readonly name = "Failure"
  constructor(
    readonly tag: FailureTag,
    /** One sentence for the problem's `detail`: never echoes more than a bounded, escaped excerpt. */
    readonly detail: string,
    readonly options: FailureOptions = {},
  ) {
    super(detail)
  }
}
