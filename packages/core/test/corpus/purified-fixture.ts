/**
 * Purifying a fixture of Ampersand's validator (corpus/ampersand/validator-testdata): several of them
 * mix installation-config keys into the manifest, lack an integration `name`, or use the provider
 * `googlecalendar`, which only that validator knows (corpus README; domain.md Q8, Q14). The purified
 * fixture says the same thing in manifest terms, so our verdict on it can be compared with theirs:
 *
 * - an integration without `name` gets one (the file's base name, camelCased);
 * - provider `googlecalendar` → provider `google` with module `calendar` (the real catalog's spelling);
 * - read object `selectedFields` (a customer's field selection) is dropped;
 * - read object `selectedFieldMappings` (config: mapToName → provider field) becomes `optionalFields`
 *   entries `{ fieldName, mapToName }` (the builder-defined mapping of the manifest);
 * - read object `alwaysEnabled: true` → `enabled: always`;
 * - `requiredFields` given as plain strings → `{ fieldName }` entries;
 * - write object `selectedFieldSettings` (config write settings) is dropped.
 * Test-only providers (`write_only_provider`, `no_subscribe_provider`) have no real equivalent and
 * are left as they are.
 */

type JsonRecord = Record<string, unknown>

const isRecord = (u: unknown): u is JsonRecord => typeof u === "object" && u !== null && !Array.isArray(u)

const camel = (base: string): string =>
  base.replace(/\.ya?ml$/, "").replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())

export interface Purified {
  readonly value: unknown
  /** What was changed, in words; empty when the fixture was already a pure manifest. */
  readonly changes: ReadonlyArray<string>
}

/** The manifest-only equivalent of a fixture value (see the module comment). `file` names it. */
export const purify = (fixture: unknown, file: string): Purified => {
  const value: unknown = structuredClone(fixture)
  const changes: Array<string> = []
  const integrations = isRecord(value) && Array.isArray(value.integrations) ? value.integrations : []
  integrations.forEach((integration, i) => {
    if (!isRecord(integration)) return
    if (integration.name === undefined) {
      integration.name = camel(file.split("/").pop() ?? "fixture")
      changes.push(`integrations[${i}]: added name ${String(integration.name)}`)
    }
    if (integration.provider === "googlecalendar") {
      integration.provider = "google"
      integration.module = "calendar"
      changes.push(`integrations[${i}]: provider googlecalendar → google, module calendar`)
    }
    const read = isRecord(integration.read) && Array.isArray(integration.read.objects) ? integration.read.objects : []
    read.forEach((object, j) => {
      if (!isRecord(object)) return
      const where = `integrations[${i}].read.objects[${j}]`
      if ("selectedFields" in object) {
        delete object.selectedFields
        changes.push(`${where}: dropped selectedFields (installation config)`)
      }
      if (isRecord(object.selectedFieldMappings)) {
        const mapped = Object.entries(object.selectedFieldMappings).map(([mapToName, fieldName]) => ({
          fieldName,
          mapToName,
        }))
        object.optionalFields = [...(Array.isArray(object.optionalFields) ? object.optionalFields : []), ...mapped]
        delete object.selectedFieldMappings
        changes.push(`${where}: selectedFieldMappings → optionalFields {fieldName, mapToName}`)
      }
      if (object.alwaysEnabled === true) {
        delete object.alwaysEnabled
        object.enabled = "always"
        changes.push(`${where}: alwaysEnabled: true → enabled: always`)
      }
      if (Array.isArray(object.requiredFields) && object.requiredFields.some((f) => typeof f === "string")) {
        object.requiredFields = object.requiredFields.map((f) => (typeof f === "string" ? { fieldName: f } : f))
        changes.push(`${where}: requiredFields strings → {fieldName} entries`)
      }
    })
    const write =
      isRecord(integration.write) && Array.isArray(integration.write.objects) ? integration.write.objects : []
    write.forEach((object, j) => {
      if (isRecord(object) && "selectedFieldSettings" in object) {
        delete object.selectedFieldSettings
        changes.push(`integrations[${i}].write.objects[${j}]: dropped selectedFieldSettings (installation config)`)
      }
    })
  })
  return { value, changes }
}
