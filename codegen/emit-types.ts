// Stage 5: the SDK declarations. openapi-typescript generates the types of the whole spec; this stage adds one
// alias per named schema and one method per operation, written as indexed types into openapi-typescript's `paths`.
import { createConfig } from '@redocly/openapi-core'
import openapiTS, { astToString } from 'openapi-typescript'
import type { NamedOperation } from './build-api.ts'
import { type Json, resolvePointer } from './resolve-ref.ts'
import { SpecError } from './spec-error.ts'

export interface EmitTypesResult {
  /** openapi-typescript's output alone, which the type index is read from. */
  base: string
  /** The full SDK declaration file. */
  sdk: string
}

// openapi-typescript's default lint stops on problems codegen has already settled or can serve anyway (duplicate
// operationIds, a trailing slash on a server URL, a structural nit): keep the lint, as warnings.
const LENIENT_RULES = { struct: 'warn', 'no-unresolved-refs': 'warn', 'no-server-trailing-slash': 'off', 'no-server-variables-empty-enum': 'off', 'operation-operationId-unique': 'off' }
let redocly: ReturnType<typeof createConfig> | undefined

/** Generates `sdk.d.ts` for one API. `apiTypeName` names the SDK interface, e.g. "CloudflareApi". */
export async function emitTypes(doc: Json, ops: NamedOperation[], aliases: Map<string, string>, apiTypeName: string, header: string, file = ''): Promise<EmitTypesResult> {
  // openapi-typescript keys `operations` by operationId: give it the unique names, so no two operations share a type.
  for (const op of ops) {
    const target = resolvePointer(doc, op.pointer)
    if (target && typeof target === 'object') (target as Json).operationId = op.name
  }
  redocly ??= createConfig({ rules: LENIENT_RULES } as never, { extends: ['minimal'] } as never)
  let base: string
  try {
    base = astToString(await openapiTS(doc as never, { silent: true, redocly: await redocly }))
  } catch (err) {
    const message = (err as Error).message.split('\n')[0] as string
    const at = / at (#\/\S*)$/.exec(message)
    const pointer = at?.[1] ?? '#'
    throw new SpecError(file, [{ pointer, message: `openapi-typescript could not type the spec: ${at ? message.slice(0, at.index) : message}`, fix: 'correct the spec at this pointer (validate it with `npx @redocly/cli lint`)' }])
  }
  const lines: string[] = [header, base, '// Named schemas, as aliases the model can read and refer to.']
  for (const [schema, alias] of aliases) lines.push(`export type ${alias} = components["schemas"][${JSON.stringify(schema)}];`)
  lines.push('', `/** The SDK the sandbox exposes. Each method takes one input object and resolves to the parsed response body. */`)
  lines.push(`export interface ${apiTypeName} {`)
  for (const op of ops) lines.push(`  /** ${op.deprecated ? '@deprecated ' : ''}${op.method} ${op.path}${op.summary ? ` — ${oneLine(op.summary)}` : ''} (${op.pointer}) */`, `  ${op.name}(${inputParam(op)}): Promise<${resultType(op)}>;`)
  lines.push('}', '')
  return { base, sdk: lines.join('\n') }
}

const opRef = (op: NamedOperation) => `paths[${JSON.stringify(op.path)}][${JSON.stringify(op.method.toLowerCase())}]`

function inputParam(op: NamedOperation): string {
  const parts: string[] = []
  for (const where of ['path', 'query', 'header', 'cookie'] as const) {
    if (op.params.some((p) => p.in === where)) parts.push(`NonNullable<${opRef(op)}["parameters"][${JSON.stringify(where)}]>`)
  }
  if (op.body) parts.push(`{ body${op.body.required ? '' : '?'}: NonNullable<${opRef(op)}["requestBody"]>["content"][${JSON.stringify(op.body.mediaType)}] }`)
  const optional = !op.params.some((p) => p.required) && !op.body?.required
  return `input${optional ? '?' : ''}: ${parts.length ? parts.join(' & ') : 'Record<string, never>'}`
}

function resultType(op: NamedOperation): string {
  if (!op.result) return 'unknown'
  return `${opRef(op)}["responses"][${JSON.stringify(op.result.status)}]["content"][${JSON.stringify(op.result.mediaType)}]`
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').replace(/\*\//g, '* /').trim()
