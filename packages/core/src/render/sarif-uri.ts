/**
 * File names → SARIF `artifactLocation.uri` (SARIF 2.1.0 §3.4.3: a URI reference, RFC 3986).
 *
 * - A relative path stays a relative reference: each `/`-separated segment is percent-encoded as
 *   UTF-8 (`encodeURIComponent`: space, `#`, `?`, `%`, `:`, `\`, control characters and non-ASCII
 *   become `%XX`), so `corpus/a b/amp.yaml` → `corpus/a%20b/amp.yaml`. A `:` is encoded too: in a
 *   first segment it would read as a scheme (RFC 3986 §4.2).
 * - An absolute path becomes a `file://` URI: `/home/x/amp.yaml` → `file:///home/x/amp.yaml`, and a
 *   Windows drive path (`C:\x\amp.yaml`, the only place a `\` is taken as a separator) →
 *   `file:///C:/x/amp.yaml`.
 * - An unpaired surrogate (not Unicode, so not encodable) becomes U+FFFD first. Never throws.
 */

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const encodePath = (path: string): string =>
  path
    .replace(loneSurrogate, "\ufffd")
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/")

/** The URI reference of a file name for SARIF `artifactLocation.uri` (see the module comment). */
export const sarifUri = (file: string): string => {
  const drive = /^([A-Za-z]):[\\/]/.exec(file)
  if (drive !== null) return `file:///${drive[1]}:/${encodePath(file.slice(3).replace(/\\/g, "/"))}`
  if (file.startsWith("/")) return `file://${encodePath(file)}`
  return encodePath(file)
}
