// The token benchmark's baseline: a naive server's flat tool list, with `$ref`s inlined under a cycle guard.
import { describe, expect, it } from 'vitest'
import { buildFlatTools, expandRefs, MAX_REF_DEPTH } from '../../scripts/tokens/build-flat-tools.ts'

const doc = {
  openapi: '3.0.3',
  paths: {
    '/nodes/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      put: {
        operationId: 'update.node',
        summary: 'Update a node',
        parameters: [{ name: 'dry_run', in: 'query', description: 'Only check', schema: { type: 'boolean' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } },
      },
    },
  },
  components: {
    schemas: {
      Node: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, parent: { $ref: '#/components/schemas/Node' }, note: { type: 'string' } } },
    },
  },
}

describe('buildFlatTools', () => {
  it('makes one tool per operation with every parameter and the body, the cycle left as a $ref', () => {
    const [tool] = buildFlatTools(doc).tools
    expect(tool).toEqual({
      name: 'update_node',
      description: 'Update a node',
      inputSchema: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          dry_run: { type: 'boolean', description: 'Only check' },
          body: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, parent: { $ref: '#/components/schemas/Node' }, note: { type: 'string' } } },
        },
        required: ['id', 'body'],
      },
    })
  })

  it('keeps only required parameters and required body fields when asked', () => {
    const [tool] = buildFlatTools(doc, { requiredOnly: true }).tools
    expect(tool?.inputSchema.properties).toEqual({ id: { type: 'string' }, body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } })
  })
})

describe('expandRefs', () => {
  it(`stops ${MAX_REF_DEPTH} references deep`, () => {
    const chain: Record<string, unknown> = {}
    for (let i = 0; i < 12; i++) chain[`S${i}`] = { type: 'object', properties: { next: { $ref: `#/components/schemas/S${i + 1}` } } }
    let node = expandRefs({ components: { schemas: chain } }, { $ref: '#/components/schemas/S0' }) as Record<string, any>
    for (let i = 0; i < MAX_REF_DEPTH; i++) node = node.properties.next
    expect(node).toEqual({ $ref: `#/components/schemas/S${MAX_REF_DEPTH}` })
  })
})
