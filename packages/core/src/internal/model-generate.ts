/**
 * The model generator: walks the Effect schemas' ASTs (the single source of truth) and derives the
 * plain descriptors of internal/model.ts, then renders internal/model.generated.ts. Run by
 * test/model/model-generated.test.ts, which fails when the checked-in file is not what the schemas
 * generate now (`AMPKIT_UPDATE_MODEL=1` rewrites it; see scripts/generate-model.mjs).
 *
 * Loud by design: a schema construct, check, transformation or annotation placement it does not know
 * throws, naming where it is, so a schema change can never silently diverge from the plain face.
 * This module loads effect (it is for tests and scripts, never imported by the plain face).
 */
import type * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import { InstallationList, Integration, IntegrationList, Revision } from "../Api.js"
import { dateTimeTransformation } from "../DateTime.js"
import { IntegrationBlock, Manifest } from "../Manifest.js"
import { ApiProblem, apiProblemTransformation } from "../ProblemSchema.js"
import { CHECK_ID, LABEL, NO_BRANCH_OWNER, RULE_OWNER } from "./annotations.js"
import type {
  ModelCheck,
  ModelCheckId,
  ModelNode,
  ModelObject,
  ModelProperty,
  ModelTransformation,
  ModelUnion,
} from "./model.js"

/** The schemas the plain face decodes, by the name the generated module exports them under. */
export const modelSchemas = {
  manifest: Manifest,
  integrationBlock: IntegrationBlock,
  revision: Revision,
  integration: Integration,
  integrationList: IntegrationList,
  installationList: InstallationList,
  apiProblem: ApiProblem,
} as const satisfies Record<string, Schema.Top>

export type ModelName = keyof typeof modelSchemas

/** Transformations the plain decode implements (internal/model-decode.ts), by identity. */
const transformations: ReadonlyArray<readonly [unknown, ModelTransformation]> = [
  [dateTimeTransformation, "date-time"],
  [apiProblemTransformation, "api-problem"],
]

class ModelGenerationError extends Error {
  constructor(where: string, what: string) {
    super(`model generator: ${what} at ${where || "the root"}`)
    this.name = "ModelGenerationError"
  }
}

type Annotations = Readonly<Record<string, unknown>> | undefined

const stringAnnotation = (annotations: Annotations, key: string, where: string): string | undefined => {
  const value = annotations?.[key]
  if (value === undefined) return undefined
  if (typeof value !== "string") throw new ModelGenerationError(where, `annotation ${key} is not a string`)
  return value
}

/** Refuse ampkit annotations where the plain model does not carry them. */
const refuseAmpkitAnnotations = (annotations: Annotations, allowed: ReadonlyArray<string>, where: string): void => {
  for (const key of Object.keys(annotations ?? {})) {
    if (key.startsWith("ampkit/") && !allowed.includes(key)) {
      throw new ModelGenerationError(where, `annotation ${key} is not supported on this node`)
    }
  }
}

const describeCheck = (check: SchemaAST.Check<unknown>, where: string): ModelCheck => {
  if (check._tag !== "Filter") throw new ModelGenerationError(where, `check group (${check._tag}) is not supported`)
  const annotations = check.annotations as Annotations
  const representation = annotations?.representation as { readonly id?: unknown } | undefined
  const ampkitId = annotations?.[CHECK_ID]
  let id: ModelCheckId
  if (representation?.id === "effect/schema/isInt" && ampkitId === undefined) id = "int"
  else if (ampkitId === "rfc3339-date-time" && representation === undefined) id = "rfc3339-date-time"
  else {
    const name = typeof representation?.id === "string" ? representation.id : String(ampkitId ?? "anonymous filter")
    throw new ModelGenerationError(where, `unknown check ${name}`)
  }
  refuseAmpkitAnnotations(annotations, [RULE_OWNER, CHECK_ID], where)
  const expected = stringAnnotation(annotations, "expected", where)
  if (expected === undefined) throw new ModelGenerationError(where, `check ${id} has no "expected" annotation`)
  const owner = stringAnnotation(annotations, RULE_OWNER, where)
  return { id, expected, ...(owner !== undefined ? { owner } : {}) }
}

const checksOf = (ast: SchemaAST.AST, where: string): ReadonlyArray<ModelCheck> | undefined => {
  if (ast.checks === undefined || ast.checks.length === 0) return undefined
  if (ast._tag !== "String" && ast._tag !== "Number") {
    throw new ModelGenerationError(where, `checks on a ${ast._tag} node are not supported`)
  }
  return ast.checks.map((check) => describeCheck(check, where))
}

const withOwner = <N extends ModelNode>(node: N, annotations: Annotations, where: string): N => {
  const owner = stringAnnotation(annotations, RULE_OWNER, where)
  return owner === undefined ? node : { ...node, owner }
}

const isPrototypeName = (name: string): boolean => name in Object.prototype

/** The plain descriptor of a schema's encoded side (see the module comment). Throws on anything unknown. */
export const describeAst = (ast: SchemaAST.AST, where = ""): ModelNode => {
  if (ast.encoding !== undefined) return describeTransformed(ast, where)
  const annotations = ast.annotations as Annotations
  const encodingChecks = (ast as { readonly encodingChecks?: ReadonlyArray<unknown> }).encodingChecks
  if (encodingChecks !== undefined && encodingChecks.length > 0) {
    throw new ModelGenerationError(where, "encoding checks are not supported")
  }
  switch (ast._tag) {
    case "String":
    case "Number":
    case "Boolean":
    case "Null":
    case "Unknown":
    case "Never": {
      refuseAmpkitAnnotations(annotations, [RULE_OWNER], where)
      const checks = checksOf(ast, where)
      return withOwner({ _tag: ast._tag, ...(checks !== undefined ? { checks } : {}) }, annotations, where)
    }
    case "Literal": {
      refuseAmpkitAnnotations(annotations, [RULE_OWNER], where)
      checksOf(ast, where)
      const literal = ast.literal
      if (typeof literal === "bigint") throw new ModelGenerationError(where, "bigint literals are not JSON")
      return withOwner({ _tag: "Literal", literal }, annotations, where)
    }
    case "Arrays": {
      refuseAmpkitAnnotations(annotations, [RULE_OWNER], where)
      checksOf(ast, where)
      const item = ast.rest[0]
      if (ast.elements.length > 0 || ast.rest.length !== 1 || item === undefined) {
        throw new ModelGenerationError(where, "only arrays of one item type (no tuples) are supported")
      }
      return withOwner({ _tag: "Array", item: describeAst(item, `${where}/*`) }, annotations, where)
    }
    case "Objects":
      return describeObject(ast, where)
    case "Union": {
      refuseAmpkitAnnotations(annotations, [RULE_OWNER, NO_BRANCH_OWNER], where)
      checksOf(ast, where)
      const mode = ast.options?.mode ?? "anyOf"
      if (mode !== "anyOf") throw new ModelGenerationError(where, `union mode ${mode} is not supported`)
      const noBranchOwner = stringAnnotation(annotations, NO_BRANCH_OWNER, where)
      const union: ModelUnion = {
        _tag: "Union",
        members: ast.types.map((member, i) => describeAst(member, `${where}|${i}`)),
        ...(noBranchOwner !== undefined ? { noBranchOwner } : {}),
      }
      return withOwner(union, annotations, where)
    }
    default:
      throw new ModelGenerationError(where, `schema construct ${ast._tag} is not supported`)
  }
}

const describeObject = (ast: SchemaAST.Objects, where: string): ModelObject => {
  const annotations = ast.annotations as Annotations
  refuseAmpkitAnnotations(annotations, [RULE_OWNER, LABEL], where)
  checksOf(ast, where)
  const properties: Array<ModelProperty> = []
  for (const ps of ast.propertySignatures) {
    if (typeof ps.name !== "string") throw new ModelGenerationError(where, "non-string property names are not JSON")
    const at = `${where}/${ps.name}`
    if (isPrototypeName(ps.name)) {
      throw new ModelGenerationError(at, "a property named like an Object.prototype member is not supported")
    }
    const keyAnnotations = ps.type.context?.annotations as Annotations
    refuseAmpkitAnnotations(keyAnnotations, [RULE_OWNER], at)
    const owner = stringAnnotation(keyAnnotations, RULE_OWNER, at)
    properties.push({
      name: ps.name,
      optional: SchemaAST.isOptional(ps.type),
      ...(owner !== undefined ? { owner } : {}),
      type: describeAst(ps.type, at),
    })
  }
  let record: ModelNode | undefined
  if (ast.indexSignatures.length > 0) {
    const index = ast.indexSignatures[0]
    if (ast.indexSignatures.length > 1 || index === undefined || properties.length > 0) {
      throw new ModelGenerationError(where, "only a record alone (one string index signature, no properties)")
    }
    const parameter = index.parameter
    if (parameter._tag !== "String" || parameter.checks !== undefined || parameter.encoding !== undefined) {
      throw new ModelGenerationError(where, "only records keyed by plain strings are supported")
    }
    record = describeAst(index.type, `${where}/*`)
  }
  const label = stringAnnotation(annotations, LABEL, where)
  const node: ModelObject = {
    _tag: "Object",
    ...(label !== undefined ? { label } : {}),
    properties,
    ...(record !== undefined ? { record } : {}),
  }
  return withOwner(node, annotations, where)
}

const describeTransformed = (ast: SchemaAST.AST, where: string): ModelNode => {
  const links = ast.encoding ?? []
  const link = links[0]
  if (links.length !== 1 || link === undefined) throw new ModelGenerationError(where, "chained encodings")
  const known = transformations.find(([t]) => t === link.transformation)
  if (known === undefined) throw new ModelGenerationError(where, "unknown transformation")
  if (ast.checks !== undefined && ast.checks.length > 0) {
    throw new ModelGenerationError(where, "checks on the decoded side of a transformation")
  }
  const name = known[1]
  const from = describeAst(link.to, where)
  const expectedFrom = name === "date-time" ? "String" : "Unknown"
  if (from._tag !== expectedFrom) {
    throw new ModelGenerationError(where, `transformation ${name} from a ${from._tag} (expected ${expectedFrom})`)
  }
  if (name === "date-time" && !from.checks?.some((c) => c.id === "rfc3339-date-time")) {
    throw new ModelGenerationError(where, "date-time transformation without the RFC 3339 check")
  }
  return { ...from, transformation: name }
}

/** Every model, as the schemas describe it now. */
export const generateModels = (): Record<ModelName, ModelNode> => {
  const out = {} as Record<ModelName, ModelNode>
  for (const name of Object.keys(modelSchemas) as Array<ModelName>) out[name] = describeAst(modelSchemas[name].ast)
  return out
}

// ---------------------------------------------------------------------------------------------
// Rendering

const identifierOf = (ast: SchemaAST.AST): string | undefined => {
  const id = ast.annotations?.identifier
  return typeof id === "string" ? id : undefined
}

/**
 * Names for shared sub-models: every object, array or union whose schema has an `identifier`
 * annotation becomes one constant (so an integration block is written once, not in every model
 * that holds one). Keyed by the descriptor's JSON.
 */
const namedNodes = (): Map<string, string> => {
  const names = new Map<string, string>()
  const byName = new Map<string, string>()
  const visit = (ast: SchemaAST.AST): void => {
    if (ast.encoding !== undefined) return
    const id = identifierOf(ast)
    if (id !== undefined && (ast._tag === "Objects" || ast._tag === "Union" || ast._tag === "Arrays")) {
      const json = JSON.stringify(describeAst(ast))
      const constName = id.replace(/[^A-Za-z0-9_]/g, "_")
      const seen = byName.get(constName)
      if (seen !== undefined && seen !== json) throw new ModelGenerationError(id, "two schemas share this identifier")
      byName.set(constName, json)
      names.set(json, constName)
    }
    if (ast._tag === "Objects") {
      for (const ps of ast.propertySignatures) visit(ps.type)
      for (const is of ast.indexSignatures) visit(is.type)
    } else if (ast._tag === "Arrays") for (const t of ast.rest) visit(t)
    else if (ast._tag === "Union") for (const t of ast.types) visit(t)
  }
  for (const schema of Object.values(modelSchemas)) visit(schema.ast)
  return names
}

const typeName: Readonly<Record<ModelNode["_tag"], string>> = {
  String: "ModelScalar",
  Number: "ModelScalar",
  Boolean: "ModelScalar",
  Null: "ModelScalar",
  Unknown: "ModelScalar",
  Never: "ModelScalar",
  Literal: "ModelLiteral",
  Array: "ModelArray",
  Object: "ModelObject",
  Union: "ModelUnion",
}

/** The text of internal/model.generated.ts. */
export const renderModelModule = (): string => {
  const names = namedNodes()
  const declared = new Map<string, string>()
  const order: Array<string> = []
  const render = (node: ModelNode, indent: string, top: boolean): string => {
    const json = JSON.stringify(node)
    const name = names.get(json)
    if (name !== undefined && !top) {
      if (!declared.has(name)) {
        declared.set(name, "")
        const body = render(node, "", true)
        declared.set(name, `const ${name}: ${typeName[node._tag]} = ${body}`)
        order.push(name)
      }
      return name
    }
    const inner = `${indent}  `
    const fields = Object.entries(node).map(([key, value]) => {
      if (key === "item" || key === "record") return `${key}: ${render(value as ModelNode, inner, false)}`
      if (key === "members") {
        const members = (value as ReadonlyArray<ModelNode>).map((m) => render(m, inner, false))
        return `members: [${members.join(", ")}]`
      }
      if (key === "properties") {
        const properties = value as ReadonlyArray<ModelProperty>
        if (properties.length === 0) return "properties: []"
        const lines = properties.map((p) => {
          const head = Object.entries(p)
            .filter(([k]) => k !== "type")
            .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
          return `${inner}  { ${[...head, `type: ${render(p.type, `${inner}  `, false)}`].join(", ")} },`
        })
        return `properties: [\n${lines.join("\n")}\n${inner}]`
      }
      return `${key}: ${JSON.stringify(value)}`
    })
    return `{ ${fields.join(", ")} }`
  }
  const models = generateModels()
  const body = (Object.keys(models) as Array<ModelName>).map((key) => {
    const node = models[key]
    const json = JSON.stringify(node)
    return `  ${key}: ${names.has(json) ? render(node, "  ", false) : render(node, "  ", true)},`
  })
  const types = [...new Set(order.map((name) => /^const \w+: (\w+)/.exec(declared.get(name) ?? "")?.[1]))]
    .filter((t): t is string => t !== undefined)
    .concat("ModelNode")
    .sort()
  return [
    "// biome-ignore-all format: generated",
    "/**",
    " * GENERATED by internal/model-generate.ts from the Effect schemas (Manifest.ts, Api.ts, ProblemSchema.ts):",
    " * do not edit. Regenerate with `node scripts/generate-model.mjs` (test/model/model-generated.test.ts",
    " * fails while this file is not what the schemas generate).",
    " */",
    `import type { ${types.join(", ")} } from "./model.js"`,
    "",
    ...order.map((name) => `${declared.get(name)}\n`),
    "/** The plain model of each document the plain face decodes. */",
    "export const models = {",
    ...body,
    "} as const satisfies Record<string, ModelNode>",
    "",
  ].join("\n")
}
