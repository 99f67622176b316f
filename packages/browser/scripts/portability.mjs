/**
 * Portability of a browser bundle: what in a built file would tie it to Node or to runtime code
 * generation. The file is parsed (TypeScript's parser), so words inside strings and property names
 * (`e.buffer`, `{ node: … }`) never count; only real references do:
 * - any import, export-from or dynamic `import()` (the bundle must be self-contained);
 * - a reference to a Node global or module-system name (`Buffer`, `process`, `require`, `module`,
 *   `exports`, `global`, `__dirname`, `__filename`), bare or read from the global object
 *   (`globalThis.process`, `self["Buffer"]`);
 * - `eval` in any form, and `Function` called or constructed (`new Function("…")`);
 * - a string naming a Node built-in module with the `node:` scheme.
 */
import ts from "typescript"

export const nodeGlobals = ["Buffer", "process", "require", "module", "exports", "global", "__dirname", "__filename"]
const forbiddenNames = new Set([...nodeGlobals, "eval"])
const globalObjects = new Set(["globalThis", "self", "window", "global"])

/** Whether an identifier is a name in a member position (not a reference to a binding). */
const isMemberName = (node) => {
  const p = node.parent
  if (p === undefined) return false
  if (ts.isPropertyAccessExpression(p) && p.name === node) return true
  if (ts.isPropertyAssignment(p) && p.name === node) return true
  if (ts.isBindingElement(p) && p.propertyName === node) return true
  if (
    (ts.isMethodDeclaration(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isGetAccessorDeclaration(p) ||
      ts.isSetAccessorDeclaration(p)) &&
    p.name === node
  )
    return true
  if ((ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) && p.label === node) return true
  return false
}

const isGlobalObject = (node) => ts.isIdentifier(node) && globalObjects.has(node.text)

/** The problems of a bundle's code, each `{ kind, text, line, column }` (1-based). Empty: portable. */
export const portabilityProblems = (code, fileName = "bundle.js") => {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS)
  const problems = []
  const add = (kind, node, text) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source))
    problems.push({ kind, text, line: line + 1, column: character + 1 })
  }
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) {
      add("import", node, node.getText(source).slice(0, 80))
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) {
      add("import", node, node.getText(source).slice(0, 80))
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add("import", node, node.getText(source).slice(0, 80))
    } else if (ts.isIdentifier(node) && forbiddenNames.has(node.text) && !isMemberName(node)) {
      add(node.text === "eval" ? "eval" : "node-global", node, node.text)
    } else if (
      ts.isPropertyAccessExpression(node) &&
      isGlobalObject(node.expression) &&
      forbiddenNames.has(node.name.text)
    ) {
      add(node.name.text === "eval" ? "eval" : "node-global", node, node.getText(source))
    } else if (
      ts.isElementAccessExpression(node) &&
      isGlobalObject(node.expression) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      (forbiddenNames.has(node.argumentExpression.text) || node.argumentExpression.text === "Function")
    ) {
      add("node-global", node, node.getText(source))
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      (ts.isIdentifier(node.expression) ||
        (ts.isPropertyAccessExpression(node.expression) && isGlobalObject(node.expression.expression))) &&
      (ts.isIdentifier(node.expression) ? node.expression.text : node.expression.name.text) === "Function"
    ) {
      add("function-constructor", node, node.getText(source).slice(0, 80))
    } else if (ts.isStringLiteralLike(node) && node.text.startsWith("node:")) {
      add("node-module", node, node.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return problems
}

/** One line per problem, for a build log. */
export const describeProblems = (problems, fileName) =>
  problems.map((p) => `${fileName}:${p.line}:${p.column} ${p.kind}: ${p.text}`).join("\n")

/**
 * Packages a browser bundle must not hold (issue #6): the plain face runs without effect, whose
 * runtime (Schema, Result, Data …) alone would cost more than the whole size budget leaves.
 */
export const forbiddenPackages = ["effect"]

/**
 * The inputs of an esbuild metafile that belong to a forbidden package (a path under
 * `node_modules/<name>/`, pnpm's layout included), sorted. Empty: the bundle holds none.
 */
export const forbiddenInputs = (metafile, packages = forbiddenPackages) =>
  Object.keys(metafile.inputs)
    .filter((input) =>
      packages.some((name) => input.includes(`/node_modules/${name}/`) || input.startsWith(`node_modules/${name}/`)),
    )
    .sort()
