/**
 * `ampkit plan --current <file> <amp.yaml> [--stop-reads <integration>]... [--max-batch <n>]
 *  [--installations <file>] [--project <idOrName>] [--format text|json] [--out <dir>] [--verbose]`
 * `ampkit plan verify <plan.json> --current <file> [--format text|json]`
 */
import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises"
import { dirname, join, resolve } from "node:path"
import {
  type Diagnostic,
  decodeUtf8,
  escapeControl,
  parseSource,
  renderValidationText,
  report,
  suggest,
  validationJson,
} from "@ampkit/core"
import type { Integration } from "@ampkit/core/Api"
import { decodeText, inputSyntax } from "@ampkit/core/Decode"
import { planFromText, projectProblem } from "@ampkit/core/Plan"
import { decodePlanRecord, verifyPlan } from "@ampkit/core/PlanVerify"
import { planFiles, renderPlanJson, renderPlanVerificationJson } from "@ampkit/core/render/plan-json"
import { renderPlanText, renderPlanVerificationText } from "@ampkit/core/render/plan-text"
import { choice, parse, pathArg, strings } from "../args.js"
import { exitCode, InputError, UsageError } from "../errors.js"
import { inputFindings, utf8Diagnostic } from "../input-findings.js"
import { type Input, type Io, readInput, reason } from "../io.js"
import { json, terminalSafe } from "../json-output.js"
import { installationsGiven, wrappedList } from "../list-input.js"

export const planHelp = `Usage: ampkit plan --current <file> <amp.yaml> [options]
       ampkit plan verify <plan.json> --current <file> [--format text|json]

Plan a deploy of amp.yaml onto a project, like terraform plan: what each integration becomes
(+ create, ~ update with its semantic changes, = unchanged, ! orphan) and the batch-upsert requests
(PUT /projects/{projectIdOrName}/integrations:batch) that implement it. Nothing is sent.

  --current <file>          the live integrations: the JSON array of list-integrations
                            (GET /projects/{projectIdOrName}/integrations) (required)
  --stop-reads <name>       stop reading the read objects this integration's update removes: it goes
                            into a destructive request (repeatable); without it, installations keep
                            reading removed objects
  --installations <file>    the project's installations: the JSON array of
                            GET /projects/{projectIdOrName}/installations (the whole project, no
                            groupRef filter): an integration without installations needs no
                            destructive request, and removals say who reads them. Not one
                            integration's list (…/integrations/{integrationId}/installations):
                            every other integration would look uninstalled, and --stop-reads for
                            it would give "no installation" and a non-destructive request
  --max-batch <n>           at most n integrations per request
  --project <idOrName>      the project's ID or name, filled into the requests' path (percent-encoded);
                            without it the path keeps {projectIdOrName}
  --format <f>              text (default) or json
  --out <dir>               write plan.json and, per request, batch-<n>.amp.yaml (its sourceYaml) and
                            batch-<n>.request.json (method, path, query, body)
  --verbose                 list unchanged integrations too
  -h, --help                show this help

plan verify: exit 1, naming them, when integrations moved since the plan was made (someone deployed).

plan exits 0 whatever the levels of the changes it shows (breaking included): it is not a gate.
In CI, gate on ampkit diff --fail-on <level> (e.g. ampkit diff live.json amp.yaml) as well.

Inputs: a name ending in .json is read as JSON, .yaml or .yml as YAML; anything else (stdin, other
names) as JSON when its first character that is not whitespace (after a BOM) is { or [, else YAML.
An amp.yaml with errors is shown as ampkit validate would, and nothing is planned (exit 1).
A --current or --installations file that does not parse (bad JSON, a duplicate key, over the size
limits) or has defects (an integration without latestRevision) stops the plan with its diagnostics on
stderr and exit 1; one of another kind (a manifest or the list of installations given as --current,
or the array wrapped in an object such as {"integrations": [...]}) is an input error (exit 2).

Exit codes: 0 planned (or plan still current), 1 amp.yaml has errors, an input does not parse or has
defects (or the plan is stale), 2 usage or input error (unreadable file, --current not an integration
list …), 70 internal error.
`

const formats = ["text", "json"] as const

const colorOf = (io: Io): boolean => io.stdoutIsTTY && (io.env.NO_COLOR ?? "") === ""

/** Text of a JSON input; bad UTF-8 is a finding (exit 1) at the first bad byte, as in ampkit validate. */
const textOf = (input: Input, label: string): string => {
  const decoded = decodeUtf8(input.bytes)
  if (decoded.ok) return decoded.text
  throw inputFindings(`${label}${input.name} is not UTF-8 text, so there is nothing to plan:`, input.name, "", [
    utf8Diagnostic(decoded),
  ])
}

/**
 * An input that cannot be used: one that does not parse or has defects is a finding (exit 1) with its
 * diagnostics rendered as ampkit validate would; any other an input error (exit 2).
 */
const refusal = (
  label: string,
  input: Input,
  text: string,
  failure: { readonly cause: string; readonly message: string; readonly diagnostics: ReadonlyArray<Diagnostic> },
  what: string,
): Error => {
  if ((failure.cause !== "syntax" && failure.cause !== "decode") || failure.diagnostics.length === 0) {
    return new InputError({ message: `${label}${escapeControl(input.name)}: ${escapeControl(failure.message)}` })
  }
  const head =
    failure.cause === "syntax"
      ? `${label}${input.name} does not parse, so there is nothing to plan:`
      : `${label}${input.name} is not a valid ${what}, so there is nothing to plan:`
  return inputFindings(head, input.name, text, failure.diagnostics)
}

/**
 * A `--current` of the wrong kind, said in the user's terms: the array wrapped in an object, or the
 * list of installations (or one installation) given for the list of integrations (undefined: the core's
 * message stands).
 */
const wrongCurrent = (input: Input, text: string, cause: string): InputError | undefined => {
  const installations = () =>
    installationsGiven(
      "--current ",
      input,
      text,
      "expected the JSON array of list-integrations",
      "give it as --installations, and the integrations as --current",
    )
  // An installation alone is a mapping (a `kind` failure); a list of them fails to decode.
  return cause === "kind"
    ? (wrappedList("--current ", input, text, "list-integrations") ?? installations())
    : cause === "decode"
      ? installations()
      : undefined
}

/** The live integration list of `--current`, decoded; see {@link refusal} for the rest. */
const currentList = (input: Input) => {
  const text = textOf(input, "--current ")
  const decoded = decodeText(text, { expected: "integration-list", syntax: inputSyntax(input.name, text) })
  if (decoded.ok) return decoded.document.value as ReadonlyArray<Integration>
  const error = decoded.reason === "syntax" ? undefined : wrongCurrent(input, text, decoded.reason)
  if (error !== undefined) throw error
  throw refusal("--current ", input, text, { ...decoded, cause: decoded.reason }, "integration list")
}

const batchFile = /^(batch-[0-9]+\.(amp\.yaml|request\.json)|plan\.json)$/

/** Write the `--out` files, first removing batch files of an earlier plan (a deploy step must not send them). */
const writeOut = async (
  io: Io,
  dir: string,
  files: ReadonlyArray<{ name: string; content: string }>,
): Promise<void> => {
  const path = resolve(io.cwd, dir)
  try {
    await makeDirectory(path)
    for (const name of await readdir(path)) if (batchFile.test(name)) await rm(join(path, name), { force: true })
    for (const f of files) await writeFile(join(path, f.name), f.content)
  } catch (error) {
    throw new InputError({ message: `cannot write to --out ${escapeControl(dir)}: ${reason(error, "failed")}` })
  }
}

/**
 * `mkdir -p` in at most one step per missing ancestor: the nearest ancestor that exists is found by
 * `stat`, then each missing directory below it is made once. (Node's recursive mkdir retries for ever
 * where mkdir fails with ENOENT under a parent that exists, as under /proc.)
 */
const makeDirectory = async (path: string): Promise<void> => {
  const missing: Array<string> = []
  for (let at = path; ; at = dirname(at)) {
    try {
      if ((await stat(at)).isDirectory()) break
      throw Object.assign(new Error(`${at} is not a directory`), { code: "ENOTDIR" })
    } catch (error) {
      if ((error as { code?: unknown }).code !== "ENOENT" || dirname(at) === at) throw error
      missing.push(at)
    }
  }
  for (const dir of missing.reverse()) {
    try {
      await mkdir(dir)
    } catch (error) {
      if ((error as { code?: unknown }).code !== "EEXIST") throw error
    }
  }
}

const runVerify = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values, positionals } = parse(args, { current: { type: "string" }, format: { type: "string" } })
  if (values.help === true) {
    io.stdout(planHelp)
    return exitCode.ok
  }
  const format = choice("format", values.format, formats, "text")
  if (positionals.length !== 1) throw new UsageError({ message: "plan verify needs exactly one plan file (plan.json)" })
  if (typeof values.current !== "string") throw new UsageError({ message: "plan verify needs --current <file>" })
  const planSpec = pathArg("<plan.json>", positionals[0]!)
  const currentSpec = pathArg("--current", values.current)
  const planInput = await readInput(io, planSpec)
  const current = currentList(await readInput(io, currentSpec))
  // Exit 1 of plan verify means "stale": a plan file that cannot be read is an input error (exit 2).
  const planText = decodeUtf8(planInput.bytes)
  if (!planText.ok) throw new InputError({ message: `${escapeControl(planInput.name)}: ${planText.message}` })
  const parsed = parseSource(planText.text, { syntax: "json" })
  const record = parsed.document !== undefined ? decodePlanRecord(parsed.document.value) : undefined
  if (record === undefined || !record.ok) {
    const why = record === undefined ? "it is not JSON" : record.message
    throw new InputError({ message: `${escapeControl(planInput.name)}: ${why}` })
  }
  const verification = verifyPlan(record.plan, current)
  if (format === "json") io.stdout(terminalSafe(renderPlanVerificationJson(verification, record.plan.planId)))
  else io.stdout(renderPlanVerificationText(verification, record.plan.planId, { color: colorOf(io) }))
  return verification.ok ? exitCode.ok : exitCode.findings
}

export const runPlan = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  if (args[0] === "verify") return runVerify(args.slice(1), io)
  const { values, positionals } = parse(args, {
    current: { type: "string" },
    "stop-reads": { type: "string", multiple: true },
    "max-batch": { type: "string" },
    installations: { type: "string" },
    project: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    verbose: { type: "boolean" },
  })
  if (values.help === true) {
    io.stdout(planHelp)
    return exitCode.ok
  }
  const format = choice("format", values.format, formats, "text")
  if (positionals.length !== 1) {
    throw new UsageError({
      message:
        positionals.length === 0
          ? "plan needs the desired amp.yaml (or - for stdin)"
          : "plan takes exactly one amp.yaml",
    })
  }
  if (typeof values.current !== "string") {
    throw new UsageError({ message: "plan needs --current <file>: the JSON of list-integrations (GET …/integrations)" })
  }
  let maxBatch: number | undefined
  if (values["max-batch"] !== undefined) {
    const raw = String(values["max-batch"])
    if (!/^[1-9][0-9]{0,8}$/.test(raw)) {
      throw new UsageError({
        message: `--max-batch needs an integer ≥ 1${/^[0-9]{10,}$/.test(raw) ? " and below 1,000,000,000" : ""}, got ${escapeControl(raw.slice(0, 20))}`,
      })
    }
    maxBatch = Number(raw)
  }
  const stopReads = strings(values["stop-reads"])
  const project = typeof values.project === "string" ? values.project : undefined
  const unusableProject = projectProblem(project)
  if (unusableProject !== undefined) {
    throw new UsageError({ message: `--project: ${unusableProject} (got ${escapeControl(JSON.stringify(project))})` })
  }

  const desiredSpec = pathArg("<amp.yaml>", positionals[0]!)
  const currentSpec = pathArg("--current", values.current)
  const installationsSpec = pathArg(
    "--installations",
    typeof values.installations === "string" ? values.installations : undefined,
  )
  const outDir = pathArg("--out", typeof values.out === "string" ? values.out : undefined)

  const desiredInput = await readInput(io, desiredSpec)
  const currentInput = await readInput(io, currentSpec)
  const installationsInput = installationsSpec !== undefined ? await readInput(io, installationsSpec) : undefined

  const desiredText = decodeUtf8(desiredInput.bytes)
  if (!desiredText.ok) return refuse(io, format, desiredInput.name, "", report([utf8Diagnostic(desiredText)]))
  const currentText = textOf(currentInput, "--current ")
  const installationsText =
    installationsInput !== undefined ? textOf(installationsInput, "--installations ") : undefined
  const outcome = planFromText({
    current: currentText,
    desired: desiredText.text,
    ...(installationsText !== undefined ? { installations: installationsText } : {}),
    stopReads,
    ...(maxBatch !== undefined ? { maxBatch } : {}),
    ...(project !== undefined ? { project } : {}),
    syntax: {
      current: inputSyntax(currentInput.name, currentText),
      desired: inputSyntax(desiredInput.name, desiredText.text),
      ...(installationsInput !== undefined && installationsText !== undefined
        ? { installations: inputSyntax(installationsInput.name, installationsText) }
        : {}),
    },
  })
  if (!outcome.ok) {
    if (outcome.reason === "invalid-manifest")
      return refuse(io, format, desiredInput.name, desiredText.text, outcome.report)
    if (outcome.input === "current") {
      const error = wrongCurrent(currentInput, currentText, outcome.cause)
      throw error ?? refusal("--current ", currentInput, currentText, outcome, "integration list")
    }
    if (outcome.input === "installations" && installationsInput !== undefined) {
      const text = installationsText ?? ""
      const error =
        outcome.cause === "kind"
          ? wrappedList("--installations ", installationsInput, text, "list-installations")
          : undefined
      throw error ?? refusal("--installations ", installationsInput, text, outcome, "list of installations")
    }
    // maxBatch and project are checked above; the desired manifest is validated (a wrong kind is left).
    const installations =
      outcome.cause === "kind"
        ? installationsGiven("", desiredInput, desiredText.text, "expected an amp.yaml", "give it as --installations")
        : undefined
    throw installations ?? refusal("", desiredInput, desiredText.text, outcome, "manifest")
  }
  const { plan } = outcome
  const desiredNames = plan.integrations.filter((e) => e.action !== "orphan").map((e) => e.name)
  for (const name of stopReads) {
    if (desiredNames.includes(name)) continue
    const near = suggest(name, desiredNames)
    throw new UsageError({
      message: `--stop-reads: no integration ${escapeControl(name)} in ${escapeControl(desiredInput.name)}${near !== undefined ? ` (did you mean ${escapeControl(near)}?)` : ""}`,
    })
  }
  const warnings = outcome.validation().warnings
  if (warnings > 0) {
    const count =
      warnings === 1 ? "1 warning (ampkit validate shows it)" : `${warnings} warnings (ampkit validate shows them)`
    io.stderr(`ampkit: ${escapeControl(desiredInput.name)} has ${count}\n`)
  }
  if (outDir !== undefined) {
    const files = planFiles(plan)
    await writeOut(io, outDir, files)
    io.stderr(`ampkit: wrote ${files.length} files to ${escapeControl(outDir)}\n`)
  }
  if (format === "json") io.stdout(terminalSafe(renderPlanJson(plan)))
  else
    io.stdout(renderPlanText(plan, { color: colorOf(io), verbose: values.verbose === true, file: desiredInput.name }))
  return exitCode.ok
}

/** The desired manifest has errors: show them (as `ampkit validate` would) and plan nothing. Exit 1. */
const refuse = (
  io: Io,
  format: (typeof formats)[number],
  file: string,
  text: string,
  validation: ReturnType<typeof report>,
): number => {
  if (format === "json") io.stdout(`${json(validationJson({ file, report: validation }))}\n`)
  else io.stdout(renderValidationText(file, text, validation, { color: colorOf(io) }))
  io.stderr(`ampkit: no plan: ${escapeControl(file)} has errors; fix them first\n`)
  return exitCode.findings
}
