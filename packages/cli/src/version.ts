/** The CLI's version (kept equal to packages/cli/package.json by a test). */
export const version = "0.1.0"
