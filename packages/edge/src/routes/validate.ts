/**
 * `POST /v1/validate`: the body is a manifest (YAML or JSON, by Content-Type). 200 `{ ok: true, diagnostics }`
 * when it has no error (diagnostics are its warnings and infos, suppressed ones flagged); 400 when it does
 * not parse, 422 when it breaks rules (Verdict.ts). `?ignore=rule-a,rule-b` (repeatable) suppresses those
 * rules' warnings and infos, like the CLI's `--ignore`; an id that is not in the core's rule catalog is a
 * 400, as `--ignore` of an unknown rule is a usage error (a typo would otherwise silently suppress nothing).
 * The ids of Ampersand's validator for checks ampkit does not make (AmpersandRules.ts) are accepted and
 * do nothing, as in the CLI and in `# amp:ignore`.
 */
import { ampersandOnlyRules } from "@ampkit/core/AmpersandRules"
import { suggest } from "@ampkit/core/internal/suggest"
import { ruleDescriptions } from "@ampkit/core/RuleCatalog"
import { readBody } from "../BodyReader.js"
import { excerpt } from "../Excerpt.js"
import { Failure, type Issue } from "../Failure.js"
import { bodySyntax, manifestMediaTypes } from "../MediaType.js"
import { listFindings } from "../NotListed.js"
import { jsonReply, type Reply, type RouteContext } from "../Route.js"
import { decodeBody } from "../Utf8.js"
import { failureOf } from "../Verdict.js"

const ruleId = /^[a-z0-9][a-z0-9-]{0,63}$/
/** Most rule ids one request may ignore. */
export const maxIgnoredRules = 100
/** Most unknown ids listed in one 400 (the rest are counted in `omittedIssues`). */
const maxIgnoreIssues = 10

/** Every rule id of the core's catalog (RuleCatalog.ts), in catalog order, then Ampersand's (did-you-mean candidates). */
const knownRules: ReadonlyArray<string> = [...ruleDescriptions.map((r) => r.id), ...ampersandOnlyRules.keys()]
const known = new Set(knownRules)

/** Why `id` cannot be ignored (not shaped like a rule id, or no such rule), with the closest rule id. */
const ignoreIssue = (id: string): Issue => {
  const near = suggest(id, knownRules)
  const why = ruleId.test(id) ? `unknown rule ${excerpt(id)}` : `${excerpt(id)} is not a rule id`
  return {
    in: "query",
    name: "ignore",
    detail: near !== undefined ? `${why} (did you mean "${near}"?)` : why,
    severity: "error",
  }
}

/** The rule ids of every `ignore` query parameter (comma-separated, repeatable); each must be a known rule. */
export const ignoredRules = (url: URL): ReadonlyArray<string> => {
  const ids = url.searchParams
    .getAll("ignore")
    .flatMap((v) => v.split(","))
    .map((s) => s.trim())
    .filter((s) => s !== "")
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0) {
    const omitted = unknown.length - maxIgnoreIssues
    throw new Failure("RequestInvalid", "the ignore parameter names something that is not a rule id", {
      issues: unknown.slice(0, maxIgnoreIssues).map(ignoreIssue),
      ...(omitted > 0 ? { extensions: { omittedIssues: omitted } } : {}),
    })
  }
  if (ids.length > maxIgnoredRules)
    throw new Failure("RequestInvalid", `ignore names more than ${maxIgnoredRules} rules`)
  return [...new Set(ids)].filter((id) => !ampersandOnlyRules.has(id))
}

export const validateRoute = async ({ request, url, settings, ports }: RouteContext): Promise<Reply> => {
  const syntax = bodySyntax(request.headers.get("content-type"), manifestMediaTypes)
  const ignore = ignoredRules(url)
  const text = decodeBody(await readBody(request, settings.limits.maxBodyBytes))
  const report = ports.validate(text, { syntax, ignore })
  const failure = failureOf(report.diagnostics, settings.limits.maxIssues, "the manifest")
  if (failure !== undefined) throw failure
  // The core's closing "… more findings are not listed" findings are counted in `omitted`, not listed (NotListed.ts).
  const { items, omitted } = listFindings(report.diagnostics, settings.limits.maxIssues)
  return jsonReply(
    200,
    { ok: true, diagnostics: items, ...(omitted > 0 ? { omitted } : {}) },
    { "Cache-Control": "no-store" },
  )
}
