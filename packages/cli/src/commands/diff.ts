/** `ampkit diff <old> <new> [--format text|json|markdown|github|sarif] [--fail-on <level>] [--accept <file>]...` */
import { decodeUtf8, escapeControl } from "@ampkit/core"
import { inputSyntax } from "@ampkit/core/Decode"
import { type FailOn, failsAt, levels } from "@ampkit/core/Diff"
import { type DiffTextsFailure, diffTexts } from "@ampkit/core/DiffText"
import { renderDiffGithub } from "@ampkit/core/render/diff-github"
import { diffJson } from "@ampkit/core/render/diff-json"
import { renderDiffMarkdown } from "@ampkit/core/render/diff-markdown"
import { renderDiffSarif } from "@ampkit/core/render/diff-sarif"
import { renderDiffText } from "@ampkit/core/render/diff-text"
import { choice, parse, pathArg, strings } from "../args.js"
import { exitCode, InputError, UsageError } from "../errors.js"
import { inputFindings, utf8Diagnostic } from "../input-findings.js"
import { type Input, type Io, readInput } from "../io.js"
import { json, terminalSafe } from "../json-output.js"
import { installationsGiven, wrappedList } from "../list-input.js"
import { version } from "../version.js"

export const diffHelp = `Usage: ampkit diff <old> <new> [options]

Compare two definitions of the same integrations by meaning, not by text, and classify every
change for the customers who already installed them:
  breaking     existing installations or downstream consumers break or lose data
  reconfigure  existing customers must act (grant a field, fill a mapping) before their config saves
  dangerous    behaviour of existing installations changes silently (routing, timing, always-on reads)
  safe         only new installations or cosmetic text are affected
Order, quoting, comments, line endings and default values are not changes.

<old> and <new> are files (YAML or JSON), - for stdin, or git:<rev>:<path> (read from the git
repository of the working directory; <path> is relative to the current directory, as for a file,
unlike git show; a leading / means the repository's root). A name ending in .json is read as JSON,
.yaml or .yml as YAML; anything else (stdin, other names) as JSON when its first character that is
not whitespace (after a BOM) is { or [, else YAML. Each may be any document kind, recognised by
shape: a manifest (amp.yaml), an integration block (a revision's content), a revision, an
integration or an integration list (the JSON of the API's list-integrations), e.g.
  ampkit diff git:main:amp.yaml amp.yaml
  curl -s …/integrations | ampkit diff - amp.yaml --format markdown

Options:
  --format <f>      text (default), json, markdown (a pull-request comment), github (workflow
                    annotations at the changed lines of <new>), sarif
  --fail-on <l>     breaking, reconfigure (default), dangerous, safe or none: exit 1 when a change
                    at or above this level is not accepted
  --accept <file>   reviewed changes: one fingerprint (12 hex digits, shown with every change) per
                    line, # starts a comment. Accepted changes are still reported, marked accepted,
                    and do not count for --fail-on. Repeatable.
  -h, --help        show this help

Inputs: a diff needs two documents, never a partial diff. An input that does not parse (bad YAML
or JSON, a duplicate key, a document over the size limits) or whose document has defects (a
missing objectName) stops it with its diagnostics on stderr and exit 1, as ampkit validate would;
an input that is no document kind the diff compares is an input error (exit 2). Rule violations
(a bad cron, an unknown provider) do not stop a diff: run ampkit validate for those.

Exit codes: 0 no unaccepted change at or above --fail-on, 1 there is one (or an input does not
parse or has defects), 2 usage or input error, 70 internal error.
`

const formats = ["text", "json", "markdown", "github", "sarif"] as const
const failOnChoices = [...levels, "none"] as const satisfies ReadonlyArray<FailOn>

/** The path a repository knows an input by: `git:<rev>:<path>` → `<path>`; stdin stays `<stdin>`. */
const repositoryPath = (name: string): string => {
  if (!name.startsWith("git:")) return name
  const rest = name.slice(4)
  return rest.slice(rest.indexOf(":") + 1).replace(/^\//, "")
}

/** The text of an input; bad UTF-8 is a finding (exit 1) at the first bad byte, as in ampkit validate. */
const textOf = (input: Input): string => {
  const utf8 = decodeUtf8(input.bytes)
  if (utf8.ok) return utf8.text
  throw inputFindings(`${input.name} is not UTF-8 text, so there is nothing to compare:`, input.name, "", [
    utf8Diagnostic(utf8),
  ])
}

const compared = "expected an amp.yaml or the JSON array of list-integrations"

/** A side that cannot be compared: of another kind, an InputError; else a finding with its diagnostics. */
const refusal = (failure: DiffTextsFailure, input: Input, text: string): Error => {
  // The API's lists as users save them: wrapped in an object, or installations for integrations.
  const wrong =
    failure.reason === "syntax"
      ? undefined
      : (wrappedList("", input, text, "list-integrations", compared) ??
        installationsGiven(
          "",
          input,
          text,
          compared,
          "the diff compares manifests and integrations, not installations",
        ))
  if (wrong !== undefined) return wrong
  if (failure.reason === "kind") {
    return new InputError({ message: `${escapeControl(input.name)}: ${escapeControl(failure.message)}` })
  }
  const head =
    failure.reason === "syntax"
      ? `${input.name} does not parse, so there is nothing to compare:`
      : `${input.name} is not a valid document, so there is nothing to compare:`
  return inputFindings(head, input.name, text, failure.diagnostics)
}

/** The fingerprints of an --accept file: 12 hex digits per line, `#` comments, blank lines ignored. */
const acceptedFingerprints = (input: Input): Array<string> => {
  const decoded = decodeUtf8(input.bytes)
  if (!decoded.ok) throw new InputError({ message: `${escapeControl(input.name)}: ${decoded.message}` })
  const out: Array<string> = []
  decoded.text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, "").trim()
    if (line === "") return
    if (!/^[0-9a-fA-F]{12}$/.test(line)) {
      throw new InputError({
        message: `${escapeControl(input.name)}:${i + 1}: not a change fingerprint (12 hex digits): ${escapeControl(line.slice(0, 40))}`,
      })
    }
    out.push(line.toLowerCase())
  })
  return out
}

export const runDiff = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values, positionals } = parse(args, {
    format: { type: "string" },
    "fail-on": { type: "string" },
    accept: { type: "string", multiple: true },
  })
  if (values.help === true) {
    io.stdout(diffHelp)
    return exitCode.ok
  }
  const format = choice("format", values.format, formats, "text")
  const failOn = choice("fail-on", values["fail-on"], failOnChoices, "reconfigure")
  if (positionals.length !== 2) {
    throw new UsageError({
      message:
        positionals.length < 2
          ? "diff needs two inputs: <old> <new>"
          : `diff takes two inputs, got ${positionals.length}`,
    })
  }
  const oldSpec = pathArg("<old>", positionals[0]!)
  const newSpec = pathArg("<new>", positionals[1]!)
  if (oldSpec === "-" && newSpec === "-")
    throw new UsageError({ message: "only one of <old> and <new> can be - (stdin)" })
  const acceptFiles = strings(values.accept).map((file) => pathArg("--accept", file))
  if (acceptFiles.includes("-") && (oldSpec === "-" || newSpec === "-")) {
    throw new UsageError({ message: "--accept - and an input - would both read stdin" })
  }

  const accepted = new Set<string>()
  for (const spec of acceptFiles) for (const fp of acceptedFingerprints(await readInput(io, spec))) accepted.add(fp)
  const oldInput = await readInput(io, oldSpec)
  const newInput = await readInput(io, newSpec)
  const oldText = textOf(oldInput)
  const newText = textOf(newInput)
  const result = diffTexts(oldText, newText, {
    syntax: { before: inputSyntax(oldInput.name, oldText), after: inputSyntax(newInput.name, newText) },
    accepted,
  })
  if (!result.ok) {
    throw result.side === "before" ? refusal(result, oldInput, oldText) : refusal(result, newInput, newText)
  }

  const unused = result.accepted.filter((fp) => !result.changes.some((c) => c.fingerprint === fp))
  if (unused.length > 0) {
    io.stderr(
      `ampkit: note: ${unused.length} accepted fingerprint${unused.length === 1 ? "" : "s"} matched no change ` +
        `(${unused.slice(0, 5).join(", ")}${unused.length > 5 ? ", …" : ""}): remove them from the --accept file\n`,
    )
  }

  const oldFile = oldInput.name
  const newFile = newInput.name
  switch (format) {
    case "text": {
      const color = io.stdoutIsTTY && (io.env.NO_COLOR ?? "") === ""
      io.stdout(renderDiffText(result, { oldFile, newFile, failOn, color }))
      break
    }
    case "json":
      io.stdout(terminalSafe(diffJson(result, { old: oldFile, new: newFile, failOn })))
      break
    case "markdown":
      io.stdout(renderDiffMarkdown(result, { oldFile, newFile, failOn }))
      break
    case "github":
      io.stdout(renderDiffGithub(result, { file: repositoryPath(newFile), failOn }))
      break
    case "sarif": {
      const sarif = renderDiffSarif(result, {
        oldFile: repositoryPath(oldFile),
        newFile: repositoryPath(newFile),
        failOn,
        toolVersion: version,
      })
      io.stdout(`${json(sarif)}\n`)
      break
    }
  }
  return failsAt(result, failOn) ? exitCode.findings : exitCode.ok
}
