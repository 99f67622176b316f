/** `ampkit validate [<file|dir|->...] [--format text|json|sarif|github|amp] [--strict] [--quiet] [--ignore <rule>]...` */

import { lstat } from "node:fs/promises"
import { resolve } from "node:path"
import {
  type Diagnostic,
  decodeUtf8,
  escapeControl,
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
import { ampersandOnlyRules } from "@ampkit/core/AmpersandRules"
import { inputSyntax } from "@ampkit/core/Decode"
import { validationVerdict } from "@ampkit/core/render/validation-text"
import { choice, parse, pathArg, strings } from "../args.js"
import { exitCode, UsageError } from "../errors.js"
import { utf8Diagnostic } from "../input-findings.js"
import { type FoundFile, type Io, isDirectory, isFile, readFound, readInput, yamlFilesUnder } from "../io.js"
import { json } from "../json-output.js"
import { version } from "../version.js"

export const validateHelp = `Usage: ampkit validate [<file|dir|->...] [options]

Validate amp.yaml manifests (YAML or JSON) with every ampkit rule. With no input, the amp.yaml (or
amp.yml) of the current directory.

Syntax: a .json file is read as JSON, a .yaml or .yml file as YAML; anything else (stdin, other
names) as JSON when its first character that is not whitespace (after a BOM) is { or [, else YAML.

A directory stands for every *.yaml and *.yml file beneath it, at any depth, sorted by path
(node_modules and hidden entries such as .git are skipped; an entry named *.yaml that is no
regular file, such as a pipe, is skipped with a note on stderr); one without any is a usage error.
With several files (or a directory), text output ends with a total line, and json and amp
print an array with one entry per file.

Options:
  --format <f>     text (default), json, sarif, github, amp (the JSON of Ampersand's amp validate)
  --strict         warnings also fail (exit 1); a file with warnings and no error is then
                   reported as "✖ fails --strict", and json's ok / amp's valid are false
  --quiet          list only what fails the run: errors (and warnings with --strict), and in text
                   of several files only those that fail; the counts still count everything
  --ignore <rule>  suppress a rule's warnings and infos for this run (repeatable); the ids of
                   Ampersand's validator for checks ampkit does not make (destination-exists …)
                   are accepted with a note
  -h, --help       show this help

Exit codes: 0 valid, 1 errors found (or warnings with --strict), 2 usage or unreadable input, 70 internal error.
`

const formats = ["text", "json", "sarif", "github", "amp"] as const

export const runValidate = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values, positionals: given } = parse(args, {
    format: { type: "string" },
    strict: { type: "boolean" },
    quiet: { type: "boolean" },
    ignore: { type: "string", multiple: true },
  })
  if (values.help === true) {
    io.stdout(validateHelp)
    return exitCode.ok
  }
  const format = choice("format", values.format, formats, "text")
  const ignore = strings(values.ignore)
  const known = new Map(ruleDescriptions.map((r) => [r.id, r]))
  for (const rule of new Set(ignore)) {
    // An id of Ampersand's validator (a script written for `amp validate`): accepted, with why it does nothing.
    const ampersand = ampersandOnlyRules.get(rule)
    if (ampersand !== undefined) {
      io.stderr(`ampkit: --ignore ${rule} has no effect: ${ampersand}\n`)
      continue
    }
    if (!known.has(rule)) {
      const near = suggest(rule, [...known.keys(), ...ampersandOnlyRules.keys()])
      throw new UsageError({
        message: `--ignore: unknown rule ${rule}${near !== undefined ? ` (did you mean ${near}?)` : ""}`,
      })
    }
  }
  // Errors are never suppressed: say so for a rule that reports nothing else (yaml-compat also warns).
  for (const rule of new Set(ignore)) {
    if (known.get(rule)?.severity === "error" && rule !== "yaml-compat")
      io.stderr(`ampkit: --ignore ${rule} has no effect: its findings are errors, and errors are never suppressed\n`)
  }
  // As Ampersand's own CLI works in a project's directory: with no input, its amp.yaml (or amp.yml).
  const fallback = given.length > 0 ? undefined : (await isFile(io, "amp.yaml")) ? "amp.yaml" : "amp.yml"
  const positionals = fallback === undefined ? given : (await isFile(io, fallback)) ? [fallback] : []
  if (positionals.length === 0) {
    throw new UsageError({
      message: `validate needs at least one file or directory (or - for stdin); ${await noAmpYaml(io)}`,
    })
  }
  for (const spec of positionals) pathArg("<file|dir|->", spec)
  if (positionals.filter((p) => p === "-").length > 1)
    throw new UsageError({ message: "- (stdin) can be given only once" })
  const { specs, directory } = await expand(io, positionals)
  const several = specs.length > 1 || directory
  const inputs = []
  for (const spec of specs) inputs.push(await (typeof spec === "string" ? readInput(io, spec) : readFound(spec)))

  const checked: Array<FileReport & { text: string | undefined }> = inputs.map(({ name, bytes }) => {
    const decoded = decodeUtf8(bytes)
    if (!decoded.ok) return { file: name, text: undefined, report: report([utf8Diagnostic(decoded)]) }
    const syntax = inputSyntax(name, decoded.text)
    return { file: name, text: decoded.text, report: validate(decoded.text, { syntax, ignore }) }
  })

  const strict = values.strict === true
  const failed = checked.some((r) => validationVerdict(r.report, strict) !== "valid")
  // --quiet lists only what fails the run (errors; warnings too under --strict); the counts stay whole.
  const fails = (d: Diagnostic) => !d.suppressed && (d.severity === "error" || (strict && d.severity === "warning"))
  const results =
    values.quiet === true
      ? checked.map((r) => ({ ...r, report: { ...r.report, diagnostics: r.report.diagnostics.filter(fails) } }))
      : checked
  switch (format) {
    case "text": {
      const color = io.stdoutIsTTY && (io.env.NO_COLOR ?? "") === ""
      // --quiet with several files: a file that passes is left to the total line.
      const shown =
        values.quiet === true && several
          ? results.filter((r) => validationVerdict(r.report, strict) !== "valid")
          : results
      const files = shown.map((r) => renderValidationText(r.file, r.text, r.report, { color, strict }))
      if (several) files.push(totalLine(results, color, strict))
      io.stdout(files.join("\n"))
      break
    }
    case "json": {
      // Under --strict, `ok` is this run's verdict (false for warnings too) and `strict: true` says why.
      const objects = results.map((r) => {
        const { file, ok, ...counts } = validationJson(r)
        return strict
          ? { file, ok: validationVerdict(r.report, true) === "valid", strict: true, ...counts }
          : { file, ok, ...counts }
      })
      io.stdout(`${json(several ? objects : objects[0])}\n`)
      break
    }
    case "amp": {
      // Several files: an array, each entry naming its file (one file: exactly `amp validate`'s object).
      // Under --strict, `valid` is false for warnings too, as the exit code says.
      const ampOf = (r: FileReport) => {
        const amp = validationAmpJson(r)
        return strict ? { ...amp, valid: validationVerdict(r.report, true) === "valid" } : amp
      }
      const objects = results.map((r) => (several ? { file: r.file, ...ampOf(r) } : ampOf(r)))
      io.stdout(`${json(several ? objects : objects[0])}\n`)
      break
    }
    case "sarif":
      io.stdout(`${json(validationSarif(results, ruleDescriptions, version))}\n`)
      break
    case "github": {
      const lines = results.map(validationGithub).filter((s) => s !== "")
      if (lines.length > 0) io.stdout(`${lines.join("\n")}\n`)
      break
    }
  }
  return failed ? exitCode.findings : exitCode.ok
}

/**
 * Why neither ./amp.yaml nor ./amp.yml is the default input: there is none, or the first of them that
 * exists is no regular file (a directory, a broken link).
 */
const noAmpYaml = async (io: Io): Promise<string> => {
  for (const name of ["amp.yaml", "amp.yml"]) {
    const entry = await lstat(resolve(io.cwd, name)).catch(() => undefined)
    if (entry === undefined) continue
    if (await isDirectory(io, name)) return `./${name} is a directory (name it to validate the YAML files in it)`
    return entry.isSymbolicLink() ? `./${name} is a link to no regular file` : `./${name} is not a regular file`
  }
  return "there is no amp.yaml or amp.yml here"
}

/**
 * The inputs to read, in order: each argument as given, but a directory replaced by the YAML files
 * beneath it (io.ts `yamlFilesUnder`). A file a directory brings that an earlier argument already
 * named (`ampkit validate a a/b`) is read once. `directory`: some argument was a directory, so the
 * output is that of several files even when it holds only one.
 */
const expand = async (
  io: Io,
  positionals: ReadonlyArray<string>,
): Promise<{ readonly specs: Array<string | FoundFile>; readonly directory: boolean }> => {
  const specs: Array<string | FoundFile> = []
  const seen = new Set<string>()
  let directory = false
  for (const spec of positionals) {
    if (!(await isDirectory(io, spec))) {
      specs.push(spec)
      seen.add(resolve(io.cwd, spec))
      continue
    }
    directory = true
    const { files, skipped } = await yamlFilesUnder(io, spec)
    for (const entry of skipped) io.stderr(`ampkit: skipped ${escapeControl(entry.name)}: ${entry.why}\n`)
    if (files.length === 0)
      throw new UsageError({
        message: `${spec} holds no .yaml or .yml file (node_modules and hidden entries are skipped)`,
      })
    for (const file of files) {
      // A path that is not UTF-8 (bytes) cannot equal a path given as an argument.
      const path = typeof file.path === "string" ? file.path : `bytes:${file.path.toString("hex")}`
      if (seen.has(path)) continue
      seen.add(path)
      specs.push(file)
    }
  }
  return { specs, directory }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`

/**
 * The last line of text output for several files: `✖ total: 3 files, 2 valid: 1 error, 0 warnings, 4 infos`;
 * under --strict, the files counted are those that pass it (no error, no warning):
 * `✖ total: 3 files, 2 passing --strict: 0 errors, 1 warning, 4 infos`.
 */
const totalLine = (results: ReadonlyArray<FileReport>, color: boolean, strict: boolean): string => {
  const sum = (count: (r: ValidationReport) => number) => results.reduce((n, r) => n + count(r.report), 0)
  const passing = results.filter((r) => validationVerdict(r.report, strict) === "valid").length
  const suppressed = sum((r) => r.suppressed)
  const ok = passing === results.length
  const verdict = ok ? "✔ total" : "✖ total"
  const painted = color ? `\u001b[${ok ? 32 : 31}m${verdict}\u001b[0m` : verdict
  return (
    `${painted}: ${plural(results.length, "file")}, ${passing} ${strict ? "passing --strict" : "valid"}: ${plural(
      sum((r) => r.errors),
      "error",
    )}, ` +
    `${plural(
      sum((r) => r.warnings),
      "warning",
    )}, ${plural(
      sum((r) => r.infos),
      "info",
    )}` +
    `${suppressed > 0 ? ` (${suppressed} suppressed)` : ""}\n`
  )
}
