import { describe, expect, it } from 'vitest'
import { collectOperations } from '../../codegen/collect-operations.ts'

const withBody = (requestBody: object) => ({
  openapi: '3.0.3',
  paths: { '/x/{id}': { delete: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], requestBody, responses: {} } } },
})
const bodyOf = (requestBody: object) => collectOperations(withBody(requestBody), [])[0]?.body

describe('a required request body that can hold nothing', () => {
  it.each([
    ['no schema (161 Cloudflare operations)', { required: true, content: { 'application/json': {} } }],
    ['an empty schema', { required: true, content: { 'application/json': { schema: {} } } }],
    ['an object with no properties', { required: true, content: { 'application/json': { schema: { type: 'object', description: 'nothing' } } } }],
  ])('may be left out, and the host sends {}: %s', (_name, requestBody) => {
    expect(bodyOf(requestBody)).toMatchObject({ mediaType: 'application/json', required: false, emptyWhenOmitted: true })
  })

  it.each([
    ['an object with properties', { required: true, content: { 'application/json': { schema: { type: 'object', properties: { force: { type: 'boolean' } } } } } }, true],
    ['an optional empty body', { required: false, content: { 'application/json': {} } }, false],
  ])('stays as the spec says otherwise: %s', (_name, requestBody, required) => {
    expect(bodyOf(requestBody)).toEqual(expect.objectContaining({ required }))
    expect(bodyOf(requestBody)?.emptyWhenOmitted).toBeUndefined()
  })
})
