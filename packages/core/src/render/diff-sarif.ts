/**
 * `ampkit diff --format sarif`: SARIF 2.1.0, one result per change, ruled by the change catalog.
 * Results sit in the new file (a removal at its nearest surviving parent, with its old position
 * as a related location); `partialFingerprints` carries the change's fingerprint so code-scanning
 * tools track it across runs; accepted changes are suppressed (`external`). File names become URI
 * references (render/sarif-uri.ts).
 */

import { changeCatalog } from "../changes/catalog.js"
import { changeSummaries } from "../changes/summaries.js"
import type { DiffResult, FailOn } from "../Diff.js"
import { gradeOf, newFilePosition } from "./diff-level.js"
import { sarifUri } from "./sarif-uri.js"

export interface DiffSarifOptions {
  readonly oldFile: string
  readonly newFile: string
  readonly failOn: FailOn
  readonly toolVersion: string
}

const sarifLevel = { error: "error", warning: "warning", info: "note" } as const

export const renderDiffSarif = (result: DiffResult, options: DiffSarifOptions) => {
  const used = new Set(result.changes.map((c) => c.id))
  const rules = changeCatalog.filter((k) => used.has(k.id))
  const index = new Map(rules.map((r, i) => [r.id, i]))
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "ampkit",
            version: options.toolVersion,
            informationUri: "https://github.com/ampkit/ampkit",
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: changeSummaries[r.id] },
              properties: { levels: r.levels },
            })),
          },
        },
        results: result.changes.map((c) => {
          const removal = c.after === undefined && c.before !== undefined
          const position = newFilePosition(c)
          const region =
            position !== undefined ? { region: { startLine: position.line, startColumn: position.column } } : {}
          return {
            ruleId: c.id,
            ruleIndex: index.get(c.id),
            level: sarifLevel[gradeOf(c, options.failOn)],
            message: { text: c.message },
            locations: [
              {
                physicalLocation: { artifactLocation: { uri: sarifUri(options.newFile) }, ...region },
                logicalLocations: [
                  { fullyQualifiedName: `${c.integration}${c.subject.length > 0 ? `/${c.subject.join("/")}` : ""}` },
                ],
              },
            ],
            ...(removal && c.line !== undefined
              ? {
                  relatedLocations: [
                    {
                      id: 1,
                      message: { text: "where it was in the old file" },
                      physicalLocation: {
                        artifactLocation: { uri: sarifUri(options.oldFile) },
                        region: { startLine: c.line, startColumn: c.column ?? 1 },
                      },
                    },
                  ],
                }
              : {}),
            partialFingerprints: { "ampkitChange/v1": c.fingerprint },
            properties: { level: c.level, integration: c.integration, pointer: c.pointer },
            ...(c.accepted === true
              ? { suppressions: [{ kind: "external", justification: "listed in the --accept file" }] }
              : {}),
          }
        }),
      },
    ],
  }
}
