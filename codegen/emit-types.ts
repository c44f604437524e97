// Stage 5: the SDK declarations. openapi-typescript generates the types of the whole spec; this stage adds one
// alias per named schema and one method per operation, written as indexed types into openapi-typescript's `paths`.
import { Worker } from 'node:worker_threads'
import type { NamedOperation } from './build-api.ts'
import { type Json, resolvePointer } from './resolve-ref.ts'
import { SpecError } from './spec-error.ts'

export interface EmitTypesResult {
  /** openapi-typescript's output alone, which the type index is read from. */
  base: string
  /** The full SDK declaration file. */
  sdk: string
}

/** openapi-typescript may hang on an odd spec; past this it is stopped and the spec reported. */
const TYPE_SPEC_TIMEOUT_MS = 300_000
const WORKER_STACK_MB = 64

/** Generates `sdk.d.ts` for one API. `apiTypeName` names the SDK interface, e.g. "CloudflareApi". */
export async function emitTypes(doc: Json, ops: NamedOperation[], aliases: Map<string, string>, apiTypeName: string, header: string, file = ''): Promise<EmitTypesResult> {
  // openapi-typescript keys `operations` by operationId: give it the unique names, so no two operations share a type.
  for (const op of ops) {
    const target = resolvePointer(doc, op.pointer)
    if (target && typeof target === 'object') (target as Json).operationId = op.name
  }
  const typed = await typeSpec(doc)
  if (!typed.ok) {
    const message = typed.message.split('\n')[0] as string
    const at = / at (#\/\S*)$/.exec(message)
    const pointer = at?.[1] ?? '#'
    throw new SpecError(file, [
      {
        pointer,
        message: `openapi-typescript could not type the spec: ${at ? message.slice(0, at.index) : message}`,
        fix: 'correct the spec at this pointer (validate it with `npx @redocly/cli lint`)',
      },
    ])
  }
  const base = typed.text
  const lines: string[] = [header, base, '// Named schemas, as aliases the model can read and refer to.']
  for (const [schema, alias] of aliases) lines.push(`export type ${alias} = components["schemas"][${JSON.stringify(schema)}];`)
  lines.push('', `/** The SDK the sandbox exposes. Each method takes one input object and resolves to the parsed response body. */`)
  lines.push(`export interface ${apiTypeName} {`)
  for (const op of ops)
    lines.push(
      `  /** ${op.deprecated ? '@deprecated ' : ''}${op.method} ${op.path}${op.summary ? ` — ${oneLine(op.summary)}` : ''} (${op.pointer}) */`,
      `  ${op.name}(${inputParam(op)}): Promise<${resultType(op)}>;`,
    )
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

type Typed = { ok: true; text: string } | { ok: false; message: string }

/** openapi-typescript's declarations for the document, from a worker with a deep stack and a time limit. */
function typeSpec(doc: Json): Promise<Typed> {
  const worker = new Worker(new URL('./type-spec-worker.ts', import.meta.url), { workerData: { doc }, resourceLimits: { stackSizeMb: WORKER_STACK_MB } })
  let timer: NodeJS.Timeout | undefined
  return new Promise<Typed>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, message: `did not finish within ${TYPE_SPEC_TIMEOUT_MS / 1000} s` }), TYPE_SPEC_TIMEOUT_MS)
    worker.once('message', (m: Typed) => resolve(m))
    worker.once('error', (err) => resolve({ ok: false, message: err.message }))
    worker.once('exit', (code) => resolve({ ok: false, message: `the worker exited with code ${code}` }))
  }).finally(() => {
    clearTimeout(timer)
    return worker.terminate()
  })
}
