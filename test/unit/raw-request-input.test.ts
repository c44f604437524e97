import { describe, expect, it } from 'vitest'
import type { JsonSchema, OperationSpec } from '../../src/artifacts.ts'
import { hostOwnedSlots } from '../../src/host/host-owned-slots.ts'
import { rawRequestInput } from '../../src/host/raw-request-input.ts'

const schemas: Record<string, JsonSchema> = { Count: { type: 'integer' }, Identifier: { type: 'string', maxLength: 32 } }
const op: OperationSpec = {
  name: 'listThings',
  pointer: '#',
  method: 'GET',
  path: '/zones/{zone_id}/things/{thing_id}',
  params: [
    { name: 'X-Trace', in: 'header', required: false },
    { name: 'If-Match', in: 'header', required: false },
  ],
  input: {
    type: 'object',
    properties: {
      zone_id: { $ref: '#/components/schemas/Identifier' },
      thing_id: { type: 'integer' },
      per_page: { $ref: '#/components/schemas/Count' },
      ratio: { type: 'number' },
      flag: { type: ['boolean', 'null'] },
      tags: { type: 'array', items: { type: 'integer' } },
      name: { type: 'string' },
    },
  },
}

const owned = hostOwnedSlots([{ name: 'key', type: 'apiKey', in: 'header', paramName: 'X-Auth-Key' }])
const read = (path: string, more: Record<string, unknown> = {}, pathParams: Record<string, string> = { zone_id: '007', thing_id: '42' }, target = op) =>
  rawRequestInput(target, pathParams, { method: 'GET', path, ...more }, schemas, owned)

/** The input; a refusal fails the test with its message. */
function input(...args: Parameters<typeof read>): Record<string, unknown> {
  const result = read(...args)
  if ('error' in result) throw new Error(result.error)
  return result.input
}

describe('rawRequestInput', () => {
  it('gives path parameters the type their schema declares, following $refs', () => {
    expect(input('/zones/007/things/42')).toEqual({ zone_id: '007', thing_id: 42 })
  })

  it('leaves text that is not of the declared type as text, for validation to name', () => {
    expect(input('/zones/007/things/4x', {}, { zone_id: '007', thing_id: '4x' })).toEqual({ zone_id: '007', thing_id: '4x' })
    expect(input('/zones/007/things/1.5', {}, { zone_id: '007', thing_id: '1.5' })).toEqual({ zone_id: '007', thing_id: '1.5' })
  })

  it('keeps the query string written in the path, typed by schema', () => {
    expect(input('/zones/007/things/42?per_page=5&ratio=0.5&flag=true&tags=1&tags=2&name=12&other=3')).toEqual({
      zone_id: '007',
      thing_id: 42,
      per_page: 5,
      ratio: 0.5,
      flag: true,
      tags: [1, 2],
      name: '12',
      other: '3',
    })
  })

  it('keeps a query string name every JavaScript object has as an own field, for validation to refuse by name', () => {
    const got = input('/zones/007/things/42?__proto__=1&__proto__=2&constructor=3&toString=x')
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype)
    expect(Object.keys(got).sort()).toEqual(['__proto__', 'constructor', 'thing_id', 'toString', 'zone_id'])
    expect(Object.getOwnPropertyDescriptor(got, '__proto__')?.value).toEqual(['1', '2'])
    expect(got.constructor).toBe('3')
  })

  it('lets explicit query, headers and body win over the query string in the path', () => {
    expect(input('/zones/007/things/42?per_page=5&name=a%20b', { query: { per_page: 10 }, headers: { 'x-trace': 't', Accept: 'application/json' }, body: { a: 1 } })).toEqual({
      zone_id: '007',
      thing_id: 42,
      per_page: 10,
      name: 'a b',
      'X-Trace': 't',
      body: { a: 1 },
    })
  })

  it.each<[string, Record<string, unknown>, string]>([
    [
      'the credential header',
      { Authorization: 'Bearer mine' },
      'headers["Authorization"]: the host sets Authorization itself (it carries the credential, or frames the request); remove it, and the host adds the credential this operation needs',
    ],
    [
      "an API key scheme's header, in any case",
      { 'x-auth-key': 'k' },
      'headers["x-auth-key"]: the host sets x-auth-key itself (it carries the credential, or frames the request); remove it, and the host adds the credential this operation needs',
    ],
    [
      'Host',
      { Host: 'evil.example' },
      'headers["Host"]: the host sets Host itself (it carries the credential, or frames the request); remove it, and the host adds the credential this operation needs',
    ],
    [
      'Cookie',
      { cookie: 'a=b' },
      'headers["cookie"]: the host sets cookie itself (it carries the credential, or frames the request); remove it, and the host adds the credential this operation needs',
    ],
    ['a header the operation does not declare', { 'X-Other': '1' }, 'headers["X-Other"] is not a header of GET /zones/{zone_id}/things/{thing_id}; it accepts X-Trace, If-Match'],
    ['a Content-Type on an operation without a body', { 'Content-Type': 'application/json' }, 'headers["Content-Type"]: this operation takes no body; remove it'],
  ])('refuses %s by name', (_name, headers, want) => {
    expect(read('/zones/007/things/42', { headers })).toEqual({ error: want })
  })

  it('drops a Content-Type that agrees with the body, and refuses one that does not', () => {
    const withBody = { ...op, method: 'POST', body: { mediaType: 'application/json', required: true } }
    expect(input('/zones/007/things/42', { headers: { 'content-type': 'application/json; charset=utf-8' }, body: {} }, undefined, withBody)).toEqual({
      zone_id: '007',
      thing_id: 42,
      body: {},
    })
    expect(read('/zones/007/things/42', { headers: { 'Content-Type': 'text/plain' } }, undefined, withBody)).toEqual({
      error: `headers["Content-Type"]: this operation's body is sent as application/json, and the host sets Content-Type; remove it`,
    })
  })
})
