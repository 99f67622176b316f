/** Machine outputs of `ampkit validate`: ampkit JSON, Ampersand's `amp validate` JSON, SARIF, GitHub annotations. */
import type { Diagnostic } from "../Diagnostic.js"
import { toPath } from "../internal/pointer.js"
import type { RuleDescription } from "../RuleCatalog.js"
import type { ValidationReport } from "../Validate.js"
import { escapeControl } from "./escape.js"
import { sarifUri } from "./sarif-uri.js"

export interface FileReport {
  readonly file: string
  readonly report: ValidationReport
}

/** The object of contract.md `validate --format json` for one file. */
export const validationJson = ({ file, report }: FileReport) => ({
  file,
  ok: report.ok,
  errors: report.errors,
  warnings: report.warnings,
  infos: report.infos,
  suppressed: report.suppressed,
  diagnostics: report.diagnostics,
})

/** `$.integrations[0].read.objects[1].schedule`: the path syntax of Ampersand's validator. */
export const jsonPathOf = (pointer: string): string => {
  let out = "$"
  for (const token of toPath(pointer)) {
    if (/^(0|[1-9][0-9]*)$/.test(token)) out += `[${token}]`
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(token)) out += `.${token}`
    else out += `[${JSON.stringify(token)}]`
  }
  return out
}

const ampIssue = (d: Diagnostic) => ({
  message: d.message,
  line: d.line,
  column: d.column,
  path: jsonPathOf(d.pointer),
  rule: d.rule,
  ...(d.hint !== undefined ? { suggestion: d.hint } : {}),
})

/**
 * The JSON of Ampersand's own validator (`amp validate`): `{ valid, errors, warnings }`. Suppressed
 * diagnostics are left out, as that validator does; infos (a level it lacks) go to an extra `infos` list.
 */
export const validationAmpJson = ({ report }: FileReport) => {
  const shown = report.diagnostics.filter((d) => !d.suppressed)
  return {
    valid: report.ok,
    errors: shown.filter((d) => d.severity === "error").map(ampIssue),
    warnings: shown.filter((d) => d.severity === "warning").map(ampIssue),
    infos: shown.filter((d) => d.severity === "info").map(ampIssue),
  }
}

const sarifLevel = { error: "error", warning: "warning", info: "note" } as const

/** SARIF 2.1.0 log for one or more files (each file name as a URI reference: render/sarif-uri.ts). */
export const validationSarif = (
  files: ReadonlyArray<FileReport>,
  ruleDescriptions: ReadonlyArray<RuleDescription>,
  toolVersion: string,
) => {
  const used = new Set(files.flatMap((f) => f.report.diagnostics.map((d) => d.rule)))
  const described = ruleDescriptions.filter((r) => used.has(r.id))
  const index = new Map(described.map((r, i) => [r.id, i]))
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "ampkit",
            version: toolVersion,
            informationUri: "https://github.com/ampkit/ampkit",
            rules: described.map((r) => ({ id: r.id, shortDescription: { text: r.summary } })),
          },
        },
        results: files.flatMap(({ file, report }) =>
          report.diagnostics.map((d) => ({
            ruleId: d.rule,
            ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
            level: sarifLevel[d.severity],
            message: { text: d.hint !== undefined ? `${d.message} (${d.hint})` : d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: sarifUri(file) },
                  region: { startLine: d.line, startColumn: d.column },
                },
                logicalLocations: [{ fullyQualifiedName: d.pointer === "" ? "/" : d.pointer }],
              },
            ],
            ...(d.suppressed ? { suppressions: [{ kind: "inSource" }] } : {}),
          })),
        ),
      },
    ],
  }
}

const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")
const escapeProperty = (s: string): string => escapeData(escapeControl(s)).replace(/:/g, "%3A").replace(/,/g, "%2C")

const githubCommand = { error: "error", warning: "warning", info: "notice" } as const

/** One GitHub Actions workflow command per unsuppressed diagnostic. */
export const githubAnnotation = (
  file: string,
  severity: keyof typeof githubCommand,
  line: number,
  column: number,
  title: string,
  message: string,
): string =>
  `::${githubCommand[severity]} file=${escapeProperty(file)},line=${line},col=${column},title=${escapeProperty(title)}::` +
  escapeData(message)

export const validationGithub = ({ file, report }: FileReport): string =>
  report.diagnostics
    .filter((d) => !d.suppressed)
    .map((d) =>
      githubAnnotation(
        file,
        d.severity,
        d.line,
        d.column,
        d.rule,
        d.hint !== undefined ? `${d.message} (${d.hint})` : d.message,
      ),
    )
    .join("\n")
