/** Types of scripts/portability.mjs (for the tests, which are TypeScript). */
export interface PortabilityProblem {
  readonly kind: "import" | "node-global" | "node-module" | "eval" | "function-constructor"
  readonly text: string
  readonly line: number
  readonly column: number
}
export declare const nodeGlobals: ReadonlyArray<string>
export declare const portabilityProblems: (code: string, fileName?: string) => Array<PortabilityProblem>
export declare const describeProblems: (problems: ReadonlyArray<PortabilityProblem>, fileName: string) => string
export declare const forbiddenPackages: ReadonlyArray<string>
export declare const forbiddenInputs: (
  metafile: { readonly inputs: Readonly<Record<string, unknown>> },
  packages?: ReadonlyArray<string>,
) => Array<string>
