// `npm run synth -- --operations 10000 --out /tmp/synth.json`: writes a synthetic OpenAPI 3.1 spec of N operations
// for scale tests. Deterministic: the same N gives the same bytes. Resources share schemas, refer to each other
// (cycles included), and use path, query, header and body parameters, so it exercises every codegen stage.
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const OPS_PER_RESOURCE = 5

/** Builds a spec with `operations` operations over ceil(operations / 5) resources. */
export function synthSpec(operations: number): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  const schemas: Record<string, unknown> = {}
  const resources = Math.ceil(operations / OPS_PER_RESOURCE)
  let made = 0
  for (let r = 0; r < resources && made < operations; r++) {
    const name = `Resource${r}`
    const ref = { $ref: `#/components/schemas/${name}` }
    schemas[name] = {
      type: 'object',
      required: ['id', 'name'],
      properties: {
        id: { type: 'string' },
        name: { type: 'string', maxLength: 200 },
        status: { type: 'string', enum: ['active', 'paused', 'deleted'] },
        size: { type: ['integer', 'null'], minimum: 0 },
        related: { $ref: `#/components/schemas/Resource${(r + 1) % resources}` },
        children: { type: 'array', items: ref },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    }
    const list = `/v1/group${r % 50}/resource${r}`
    const item = `${list}/{id}`
    const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } }
    const ok = (schema: unknown) => ({ '200': { description: 'ok', content: { 'application/json': { schema, example: {} } } } })
    const body = { required: true, content: { 'application/json': { schema: ref } } }
    const ops: [string, string, Record<string, unknown>][] = [
      [
        list,
        'get',
        {
          operationId: `list${name}`,
          summary: `List resource ${r}`,
          parameters: [
            { name: 'page', in: 'query', schema: { type: 'integer' } },
            { name: 'X-Request-Id', in: 'header', schema: { type: 'string' } },
          ],
          responses: ok({ type: 'array', items: ref }),
        },
      ],
      [list, 'post', { operationId: `create${name}`, summary: `Create resource ${r}`, requestBody: body, responses: ok(ref) }],
      [item, 'get', { operationId: `get${name}`, summary: `Get resource ${r}`, parameters: [idParam], responses: ok(ref) }],
      [item, 'put', { operationId: `update${name}`, summary: `Update resource ${r}`, parameters: [idParam], requestBody: body, responses: ok(ref) }],
      [
        item,
        'delete',
        { operationId: `delete${name}`, summary: `Delete resource ${r}`, deprecated: r % 10 === 0, parameters: [idParam], responses: { '204': { description: 'deleted' } } },
      ],
    ]
    for (const [path, method, op] of ops) {
      if (made++ >= operations) break
      paths[path] = { ...(paths[path] ?? {}), [method]: op }
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: `Synthetic API (${operations} operations)`, version: '1.0.0' },
    servers: [{ url: 'https://synth.example.org' }],
    security: [{ token: [] }],
    paths,
    components: { schemas, securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { operations: { type: 'string', default: '10000' }, out: { type: 'string', default: 'synth.json' } } })
  const n = Number(values.operations)
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--operations must be a positive integer; got ${values.operations}`)
    process.exit(1)
  }
  writeFileSync(values.out as string, JSON.stringify(synthSpec(n)))
  console.log(`wrote ${values.out}: ${n} operations`)
}
