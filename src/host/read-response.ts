// Reads an upstream response within a byte budget and turns it into a value the sandbox can use: parsed JSON,
// text, or a short description of binary content. Non-2xx answers become an error naming status and message.
// Credentials are scrubbed from the whole value before any of it is cut, so no cut can leave part of one behind.
import { createScrubber, type Scrubber } from './scrub-secrets.ts'

export type ReadResult = { ok: true; value: unknown; bytes: number } | { ok: false; error: string; bytes: number; status?: number }

/**
 * `maxBytes` is what is left of the execution's budget, `limit` the configured budget that messages name. A response
 * over what is left is refused and charged only the bytes read before it went over, so later, smaller calls still fit.
 */
export async function readResponse(response: Response, maxBytes: number, limit = maxBytes, scrub: Scrubber = NO_SECRETS): Promise<ReadResult> {
  // Redirects are not followed (the credential must not travel to another host); the model gets the target,
  // which is what download endpoints such as GitHub's logs and artifacts answer with.
  const location = response.headers.get('location')
  if (response.status >= 300 && response.status < 400 && location) {
    await response.body?.cancel()
    return { ok: true, value: { status: response.status, redirect: scrub.text(location) }, bytes: 0 }
  }
  const buffer = await readCapped(response, maxBytes)
  if (typeof buffer === 'number') {
    const spent = limit - maxBytes > 0 ? `. Earlier responses in this execution used ${limit - maxBytes} bytes of it` : ''
    return { ok: false, error: `response exceeded the ${limit}-byte budget for this execution; request fewer items (a smaller page size or a filter)${spent}`, bytes: buffer }
  }
  const type = response.headers.get('content-type') ?? ''
  const text = /json|text|xml|yaml|javascript|html|csv|form/i.test(type) || buffer.byteLength === 0 ? new TextDecoder().decode(buffer) : undefined
  let value: unknown = text
  if (text !== undefined && /json/i.test(type) && text.trim()) {
    try {
      value = JSON.parse(text)
    } catch {
      value = text
    }
  }
  if (text === undefined) value = { contentType: type, bytes: buffer.byteLength }
  value = scrub.value(value)
  if (!response.ok)
    return {
      ok: false,
      error: scrub.text(`upstream answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}: ${upstreamMessage(value)}`),
      bytes: buffer.byteLength,
      status: response.status,
    }
  return { ok: true, value: response.status === 204 ? null : value, bytes: buffer.byteLength }
}

const NO_SECRETS = createScrubber([])

/** The whole body, or, when it would go over `maxBytes`, the number of bytes kept before it did. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | number> {
  if (!response.body) return new Uint8Array()
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) {
    await response.body.cancel()
    return 0
  }
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (total + value.byteLength > maxBytes) {
      await reader.cancel()
      return total
    }
    total += value.byteLength
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.byteLength
  }
  return out
}

/** The most useful line of an error body: the common shapes first, then the start of the text. */
function upstreamMessage(value: unknown): string {
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>
    const first = Array.isArray(v.errors) ? (v.errors[0] as Record<string, unknown> | undefined) : undefined
    const err = v.error && typeof v.error === 'object' ? (v.error as Record<string, unknown>) : undefined
    const message = first?.message ?? err?.message ?? v.message ?? v.detail ?? v.title ?? v.error
    if (typeof message === 'string') return `${message}${fieldProblems(v)}`.slice(0, 1200)
    return JSON.stringify(value).slice(0, 500)
  }
  return String(value ?? '').slice(0, 500) || '(empty body)'
}

/**
 * The field-level problems a validation error lists after its summary: Prism's `validation`, RFC 7807's
 * `invalid-params`. Without them the model learns only that something was invalid, not what.
 */
function fieldProblems(v: Record<string, unknown>): string {
  const list = (Array.isArray(v.validation) ? v.validation : Array.isArray(v['invalid-params']) ? v['invalid-params'] : []) as Record<string, unknown>[]
  // Eight is every problem of nearly any request; agents shown three of four had to guess the fourth.
  const items = list.slice(0, 8).map((p) => {
    const where = Array.isArray(p.location) ? p.location.join('.') : typeof p.name === 'string' ? p.name : ''
    const what = typeof p.message === 'string' ? p.message : typeof p.reason === 'string' ? p.reason : ''
    return where && what ? `${where}: ${what}` : where || what
  })
  const shown = items.filter(Boolean)
  return shown.length ? ` (${shown.join('; ')}${list.length > shown.length ? `; ${list.length - shown.length} more` : ''})` : ''
}
