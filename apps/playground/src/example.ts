/**
 * The examples the page offers, made from a real sample of the corpus (samples/hubspot): an edited
 * version of it against the original, and against the original as the API lists it (with a plan).
 */
import { decodeText } from "@ampkit/browser"
import hubspot from "../../../corpus/ampersand/samples/hubspot/amp.yaml?raw"

/** The sample with three edits: a required field added, one removed, a schedule changed. */
export const editedHubspot = (): string =>
  hubspot
    .replace(
      "            - fieldName: website\n",
      "            - fieldName: website\n            - fieldName: industry\n",
    )
    .replace("            - fieldName: lifecyclestage\n", "")
    .replace('schedule: "*/10 * * * *" # Every 10 minutes.', 'schedule: "*/30 * * * *" # Every 30 minutes.')

export const twoVersions = (): { before: string; after: string } => ({ before: hubspot, after: editedHubspot() })

/** The original sample as list-integrations would return it after a deploy. */
export const liveHubspot = (): string => {
  const decoded = decodeText(hubspot, { expected: "manifest" })
  if (!decoded.ok) return "[]"
  const { integrations } = decoded.source.value as { integrations: Array<Record<string, unknown>> }
  const list = integrations.map((content, i) => ({
    id: `7f0c2a9e-0000-4000-8000-00000000000${i}`,
    projectId: "example-project",
    name: content.name,
    provider: content.provider,
    createTime: "2026-01-05T10:00:00Z",
    latestRevision: { id: `example-revision-${i}`, specVersion: "1.0.0", createTime: "2026-02-01T09:30:00Z", content },
  }))
  return `${JSON.stringify(list, null, 2)}\n`
}

/** Against what is live, the edited sample also drops a read object, so the plan asks what to do with its reads. */
export const againstLive = (): { before: string; after: string } => ({
  before: liveHubspot(),
  after: editedHubspot().replace(/ {8}- objectName: marketing-forms\n(?: {10}.*\n)+/, ""),
})
