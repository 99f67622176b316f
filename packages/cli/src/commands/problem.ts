/** `ampkit problem <file|-> [--format text|json] [--manifest <amp.yaml>] [--status <code>]` */
import { decodeUtf8, escapeControl, parseSource, type SourceDocument } from "@ampkit/core"
import { inputSyntax } from "@ampkit/core/Decode"
import { kindLabels, recogniseKind } from "@ampkit/core/Document"
import { explainProblem } from "@ampkit/core/ProblemExplain"
import { problemJson } from "@ampkit/core/render/problem-json"
import { renderProblemText } from "@ampkit/core/render/problem-text"
import { choice, parse, pathArg } from "../args.js"
import { exitCode, UsageError } from "../errors.js"
import { type Io, readInput } from "../io.js"
import { json } from "../json-output.js"

export const problemHelp = `Usage: ampkit problem <file|-> [options]

Explain an error body of the Ampersand API (RFC 9457 problem, InputValidationProblem with issues,
or any other JSON or text): status, title, detail, causes, remedy, whether and when to retry,
support contacts and each validation issue.

Options:
  --format <f>         text (default) or json (the decoded problem, and under "ampkit" the
                       body's kind and the retry verdict the text gives)
  --manifest <file>    the amp.yaml that was sent: body issues are mapped to its lines
  --status <code>      the HTTP status of the response, when the body does not carry it
  -h, --help           show this help

Example:
  curl -s -X PUT … | ampkit problem - --manifest amp.yaml

Exit codes: 0 explained (whatever the body), 2 usage or unreadable input, 70 internal error.
`

const formats = ["text", "json"] as const

/** Body bytes as text: UTF-8, with bad bytes replaced (an error body is explained whatever its encoding). */
const lenientText = (bytes: Uint8Array): string => new TextDecoder("utf-8", { fatal: false }).decode(bytes)

export const runProblem = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values, positionals } = parse(args, {
    format: { type: "string" },
    manifest: { type: "string" },
    status: { type: "string" },
  })
  if (values.help === true) {
    io.stdout(problemHelp)
    return exitCode.ok
  }
  const format = choice("format", values.format, formats, "text")
  if (positionals.length !== 1) {
    throw new UsageError({
      message: positionals.length === 0 ? "problem needs a file (or - for stdin)" : "problem takes exactly one file",
    })
  }
  const bodySpec = pathArg("<file|->", positionals[0]!)
  const manifestSpec = pathArg("--manifest", typeof values.manifest === "string" ? values.manifest : undefined)
  let status: number | undefined
  if (values.status !== undefined) {
    const raw = String(values.status)
    status = /^[1-5][0-9]{2}$/.test(raw) ? Number(raw) : Number.NaN
    if (!(status >= 400 && status <= 599)) {
      throw new UsageError({ message: `--status must be an HTTP error status 400–599 (got ${raw.slice(0, 20)})` })
    }
  }
  const body = await readInput(io, bodySpec)

  let manifest: { name: string; text: string; document: SourceDocument } | undefined
  if (manifestSpec !== undefined) {
    const input = await readInput(io, manifestSpec)
    const decoded = decodeUtf8(input.bytes)
    const parsed = decoded.ok ? parseSource(decoded.text, { syntax: inputSyntax(input.name, decoded.text) }) : undefined
    const kind = parsed?.document !== undefined ? recogniseKind(parsed.document.value) : undefined
    if (kind !== undefined && kind !== "manifest") {
      io.stderr(
        `ampkit: issues are not mapped to ${escapeControl(input.name)}: it looks like ${kindLabels[kind]}, not the amp.yaml that was sent\n`,
      )
    } else if (decoded.ok && parsed?.document !== undefined) {
      manifest = { name: input.name, text: decoded.text, document: parsed.document }
    } else {
      const why = decoded.ok ? (parsed?.findings[0]?.message ?? "it does not parse") : decoded.message
      io.stderr(`ampkit: issues are not mapped to ${escapeControl(input.name)}: ${escapeControl(why)}\n`)
    }
  }

  const explanation = explainProblem(lenientText(body.bytes), {
    ...(status !== undefined ? { status } : {}),
    ...(manifest !== undefined ? { manifest: manifest.document } : {}),
  })
  if (format === "json") {
    io.stdout(`${json(problemJson(explanation, manifest?.name))}\n`)
  } else {
    const color = io.stdoutIsTTY && (io.env.NO_COLOR ?? "") === ""
    io.stdout(
      renderProblemText(explanation, {
        color,
        ...(manifest !== undefined ? { manifest: { name: manifest.name, text: manifest.text } } : {}),
      }),
    )
  }
  return exitCode.ok
}
