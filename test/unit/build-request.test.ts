import { describe, expect, it } from 'vitest'
import type { OperationSpec } from '../../src/artifacts.ts'
import { type BuiltRequest, buildRequest } from '../../src/host/build-request.ts'

/** The built request; a refusal fails the test with its message. */
function built(...args: Parameters<typeof buildRequest>): BuiltRequest {
  const result = buildRequest(...args)
  if ('error' in result) throw new Error(result.error)
  return result
}

const op = (over: Partial<OperationSpec>): OperationSpec => ({ name: 'op', pointer: '#', method: 'GET', path: '/x', params: [], input: {}, ...over })

describe('buildRequest', () => {
  it('sends {} for a required body that can hold nothing when the call gives none, and the given body otherwise', () => {
    const del = op({ method: 'DELETE', body: { mediaType: 'application/json', required: false, emptyWhenOmitted: true } })
    const omitted = built('https://h', del, {})
    expect([omitted.init.body, omitted.init.headers.get('content-type')]).toEqual(['{}', 'application/json'])
    expect(built('https://h', del, { body: { force: true } }).init.body).toBe('{"force":true}')
    expect(built('https://h', op({ method: 'DELETE', body: { mediaType: 'application/json', required: false } }), {}).init.body).toBeUndefined()
  })

  it('fills the path template, encoding values', () => {
    const { url } = built(
      'https://api.example.com/v4',
      op({
        path: '/zones/{zone_id}/dns/{id}',
        params: [
          { name: 'zone_id', in: 'path', required: true },
          { name: 'id', in: 'path', required: true },
        ],
      }),
      { zone_id: 'a b?#', id: 7 },
    )
    expect(url.href).toBe('https://api.example.com/v4/zones/a%20b%3F%23/dns/7')
  })

  it.each<[string, { style?: string; explode?: boolean; value: unknown; want: string }]>([
    ['form, exploded array (the default)', { value: ['a', 'b'], want: 'tags=a&tags=b' }],
    ['form, not exploded', { explode: false, value: ['a', 'b'], want: 'tags=a%2Cb' }],
    ['pipeDelimited', { style: 'pipeDelimited', explode: false, value: ['a', 'b'], want: 'tags=a%7Cb' }],
    ['deepObject', { style: 'deepObject', value: { min: 1, max: 2 }, want: 'tags%5Bmin%5D=1&tags%5Bmax%5D=2' }],
    ['a scalar', { value: 5, want: 'tags=5' }],
  ])('serializes query style %s', (_name, { style, explode, value, want }) => {
    const { url } = built('https://h', op({ params: [{ name: 'tags', in: 'query', required: false, style, explode }] }), { tags: value })
    expect(url.search.slice(1)).toBe(want)
  })

  it('sets header and cookie parameters', () => {
    const { init } = built(
      'https://h',
      op({
        params: [
          { name: 'X-Trace', in: 'header', required: false },
          { name: 'session', in: 'cookie', required: false },
        ],
      }),
      { 'X-Trace': 'abc', session: 's 1' },
    )
    expect(init.headers.get('x-trace')).toBe('abc')
    expect(init.headers.get('cookie')).toBe('session=s%201')
  })

  it('encodes a JSON body', () => {
    const { init } = built('https://h', op({ method: 'POST', body: { mediaType: 'application/json', required: true } }), { body: { a: 1 } })
    expect(init.body).toBe('{"a":1}')
    expect(init.headers.get('content-type')).toBe('application/json')
  })

  it('encodes a form body with bracket notation for nested fields', () => {
    const { init } = built('https://h', op({ method: 'POST', body: { mediaType: 'application/x-www-form-urlencoded', required: true } }), {
      body: { amount: 5, metadata: { a: 'x' }, items: ['p', 'q'] },
    })
    expect(init.body).toBe('amount=5&metadata%5Ba%5D=x&items%5B0%5D=p&items%5B1%5D=q')
  })

  it('encodes a multipart body as FormData, leaving the boundary to it', async () => {
    const { init } = built('https://h', op({ method: 'POST', body: { mediaType: 'multipart/form-data', required: true } }), { body: { name: 'n', meta: { a: 1 } } })
    expect(init.body).toBeInstanceOf(FormData)
    expect([...(init.body as FormData).entries()]).toEqual([
      ['name', 'n'],
      ['meta', '{"a":1}'],
    ])
    expect(init.headers.has('content-type')).toBe(false)
  })

  it('sends an octet-stream body as given', () => {
    const { init } = built('https://h', op({ method: 'PUT', body: { mediaType: 'application/octet-stream', required: true } }), { body: 'raw bytes' })
    expect(init.body).toBe('raw bytes')
  })
})
