/** `ampkit validate <file|->... [--format text|json|sarif|github|amp] [--strict] [--ignore <rule>]...` */
import {
  type Diagnostic,
  decodeUtf8,
  type FileReport,
  renderValidationText,
  report,
  ruleDescriptions,
  suggest,
  type ValidationReport,
  validate,
  validationAmpJson,
  validationGithub,
  validationJson,
  validationSarif,
} from "@ampkit/core"
import { choice, parse, strings } from "../args.js"
import { exitCode, UsageError } from "../errors.js"
import { type Io, readInput } from "../io.js"
import { version } from "../version.js"

export const validateHelp = `Usage: ampkit validate <file|->... [options]

Validate amp.yaml manifests (YAML or JSON) with every ampkit rule.

Options:
  --format <f>     text (default), json, sarif, github, amp (the JSON of Ampersand's amp validate)
  --strict         warnings also fail (exit 1)
  --ignore <rule>  suppress a rule's warnings and infos for this run (repeatable)
  -h, --help       show this help

Exit codes: 0 valid, 1 errors found (or warnings with --strict), 2 usage or unreadable input, 70 internal error.
`

const formats = ["text", "json", "sarif", "github", "amp"] as const

export const runValidate = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values, positionals } = parse(args, {
    format: { type: "string" },
    strict: { type: "boolean" },
    ignore: { type: "string", multiple: true },
  })
  if (values.help === true) {
    io.stdout(validateHelp)
    return exitCode.ok
  }
  const format = choice("format", values.format, formats, "text")
  const ignore = strings(values.ignore)
  const known = new Set(ruleDescriptions.map((r) => r.id))
  for (const rule of ignore) {
    if (!known.has(rule)) {
      const near = suggest(rule, known)
      throw new UsageError({
        message: `--ignore: unknown rule ${rule}${near !== undefined ? ` (did you mean ${near}?)` : ""}`,
      })
    }
  }
  if (positionals.length === 0) throw new UsageError({ message: "validate needs at least one file (or - for stdin)" })
  if (positionals.filter((p) => p === "-").length > 1)
    throw new UsageError({ message: "- (stdin) can be given only once" })
  const inputs = []
  for (const spec of positionals) inputs.push(await readInput(io, spec))

  const results: Array<FileReport & { text: string | undefined }> = inputs.map(({ name, bytes }) => {
    const decoded = decodeUtf8(bytes)
    if (!decoded.ok) {
      const d: Diagnostic = {
        rule: "syntax",
        severity: "error",
        message: decoded.message,
        pointer: "",
        line: decoded.position.line,
        column: decoded.position.column,
        hint: "save the file as UTF-8",
        suppressed: false,
      }
      return { file: name, text: undefined, report: report([d]) }
    }
    const syntax = name.endsWith(".json") ? "json" : name.endsWith(".yaml") || name.endsWith(".yml") ? "yaml" : "auto"
    return { file: name, text: decoded.text, report: validate(decoded.text, { syntax, ignore }) }
  })

  const failed = results.some((r) => failing(r.report, values.strict === true))
  switch (format) {
    case "text": {
      const color = io.stdoutIsTTY && (io.env.NO_COLOR ?? "") === ""
      io.stdout(results.map((r) => renderValidationText(r.file, r.text, r.report, { color })).join("\n"))
      break
    }
    case "json": {
      const objects = results.map(validationJson)
      io.stdout(`${JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2)}\n`)
      break
    }
    case "amp": {
      // Several files: an array, each entry naming its file (one file: exactly `amp validate`'s object).
      const objects = results.map((r) =>
        results.length === 1 ? validationAmpJson(r) : { file: r.file, ...validationAmpJson(r) },
      )
      io.stdout(`${JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2)}\n`)
      break
    }
    case "sarif":
      io.stdout(`${JSON.stringify(validationSarif(results, ruleDescriptions, version), null, 2)}\n`)
      break
    case "github": {
      const lines = results.map(validationGithub).filter((s) => s !== "")
      if (lines.length > 0) io.stdout(`${lines.join("\n")}\n`)
      break
    }
  }
  return failed ? exitCode.findings : exitCode.ok
}

const failing = (r: ValidationReport, strict: boolean): boolean => r.errors > 0 || (strict && r.warnings > 0)
