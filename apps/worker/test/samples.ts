/**
 * samples: the real Ampersand manifests of corpus/ampersand/samples, embedded at test build time (the
 * workerd test runtime has no file system): path → text.
 */
const files = import.meta.glob<string>("../../../corpus/ampersand/samples/**/amp.y*ml", {
  query: "?raw",
  import: "default",
  eager: true,
})

export const samples: ReadonlyArray<{ readonly name: string; readonly text: string }> = Object.entries(files)
  .map(([path, text]) => ({ name: path.replace(/^.*\/samples\//, "").replace(/\/amp\.ya?ml$/, ""), text }))
  .sort((a, b) => (a.name < b.name ? -1 : 1))

export const sample = (name: string): string => {
  const found = samples.find((s) => s.name === name)
  if (found === undefined) throw new Error(`no sample ${name}`)
  return found.text
}

/** The README's plan example (packages/core/test/fixtures/plan/installations), embedded likewise: file name → text. */
const planFiles = import.meta.glob<string>("../../../packages/core/test/fixtures/plan/installations/*", {
  query: "?raw",
  import: "default",
  eager: true,
})

export const planFixture = (file: string): string => {
  const found = Object.entries(planFiles).find(([path]) => path.endsWith(`/${file}`))
  if (found === undefined) throw new Error(`no plan fixture ${file}`)
  return found[1]
}
