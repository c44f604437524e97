import { describe, expect, it } from 'vitest'
import { readResponse } from '../../src/host/read-response.ts'

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** A text response streamed in chunks of the given sizes, with no declared length. */
function chunked(sizes: number[]): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const n of sizes) controller.enqueue(new Uint8Array(n).fill(120))
      controller.close()
    },
  })
  return new Response(stream, { headers: { 'content-type': 'text/plain' } })
}

describe('readResponse', () => {
  it('parses JSON and counts bytes', async () => {
    expect(await readResponse(json({ a: 1 }), 1000)).toEqual({ ok: true, value: { a: 1 }, bytes: 7 })
  })

  it.each<[string, unknown, string]>([
    ['Cloudflare-style errors[]', { success: false, errors: [{ code: 7003, message: 'Could not route to /zones/x' }] }, 'upstream answered 404: Could not route to /zones/x'],
    ['a message field', { message: 'Not Found', documentation_url: 'https://docs' }, 'upstream answered 404: Not Found'],
    ['Stripe-style error object', { error: { type: 'invalid_request_error', message: 'No such customer' } }, 'upstream answered 404: No such customer'],
    [
      "Prism's validation list, the first three fields",
      {
        title: 'Invalid request',
        detail: 'Your request is not valid',
        validation: [
          { location: ['body'], message: "Request body must have required property 'id'" },
          { location: ['body', 'ttl'], message: 'must be number' },
          { location: ['query', 'page'], message: 'must be >= 1' },
          { location: ['body'], message: "must have required property 'proxiable'" },
        ],
      },
      "upstream answered 404: Your request is not valid (body: Request body must have required property 'id'; body.ttl: must be number; query.page: must be >= 1; body: must have required property 'proxiable')",
    ],
    [
      'more than eight field problems',
      { detail: 'Invalid', validation: Array.from({ length: 10 }, (_, i) => ({ location: ['body', `f${i}`], message: 'is required' })) },
      `upstream answered 404: Invalid (${Array.from({ length: 8 }, (_, i) => `body.f${i}: is required`).join('; ')}; 2 more)`,
    ],
    [
      "RFC 7807's invalid-params",
      { title: 'Invalid input', 'invalid-params': [{ name: 'age', reason: 'must be a positive integer' }] },
      'upstream answered 404: Invalid input (age: must be a positive integer)',
    ],
  ])('names the status and the upstream message from %s', async (_name, body, want) => {
    expect(await readResponse(json(body, 404), 1000)).toMatchObject({ ok: false, error: want })
  })

  it('returns a redirect as a value rather than following it', async () => {
    const response = new Response(null, { status: 302, headers: { location: 'https://files.example.com/logs.zip' } })
    expect(await readResponse(response, 1000)).toEqual({ ok: true, value: { status: 302, redirect: 'https://files.example.com/logs.zip' }, bytes: 0 })
  })

  it('stops reading past the byte budget', async () => {
    const result = await readResponse(json({ items: 'x'.repeat(5000) }), 1000)
    expect(result).toEqual({ ok: false, error: 'response exceeded the 1000-byte budget for this execution; request fewer items (a smaller page size or a filter)', bytes: 0 })
  })

  it('charges a refused response only the bytes it kept, and names the configured budget', async () => {
    const result = await readResponse(chunked([400, 400, 400]), 1000, 4000)
    expect(result).toEqual({
      ok: false,
      error:
        'response exceeded the 4000-byte budget for this execution; request fewer items (a smaller page size or a filter). Earlier responses in this execution used 3000 bytes of it',
      bytes: 800,
    })
  })

  it('charges nothing for a response whose declared length is over the budget, even with none left', async () => {
    const response = new Response('x'.repeat(50), { headers: { 'content-type': 'text/plain', 'content-length': '50' } })
    expect(await readResponse(response, 0, 1000)).toEqual({
      ok: false,
      error:
        'response exceeded the 1000-byte budget for this execution; request fewer items (a smaller page size or a filter). Earlier responses in this execution used 1000 bytes of it',
      bytes: 0,
    })
  })

  it('describes binary content instead of decoding it', async () => {
    const response = new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'application/zip' } })
    expect(await readResponse(response, 1000)).toEqual({ ok: true, value: { contentType: 'application/zip', bytes: 3 }, bytes: 3 })
  })
})
