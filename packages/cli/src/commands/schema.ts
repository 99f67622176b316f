/** `ampkit schema`: the JSON Schema of amp.yaml, generated from the same Effect schemas the validator uses. */
import { manifestJsonSchema } from "@ampkit/core"
import { parse } from "../args.js"
import { exitCode, UsageError } from "../errors.js"
import type { Io } from "../io.js"

export const schemaHelp = `Usage: ampkit schema

Print the JSON Schema of amp.yaml (generated from ampkit's own schemas), e.g. for editors:
  ampkit schema > amp.schema.json
`

export const runSchema = async (args: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values, positionals } = parse(args, {})
  if (values.help === true) {
    io.stdout(schemaHelp)
    return exitCode.ok
  }
  if (positionals.length > 0) throw new UsageError({ message: `schema takes no arguments (got ${positionals[0]})` })
  io.stdout(`${JSON.stringify(manifestJsonSchema(), null, 2)}\n`)
  return exitCode.ok
}
