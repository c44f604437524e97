// Property-based tests over request building with real operations from the shared specs: whatever strings the
// model puts in path, query, header and cookie parameters (or in a raw request's path), the request that leaves the
// host has the checked operation's shape, its origin and base path, and each credential only where its scheme puts it.
import { join } from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadCatalog } from '../../scripts/load-catalog.ts'
import type { OperationSpec, SecuritySchemeSpec } from '../../src/artifacts.ts'
import type { Api } from '../../src/create-catalog.ts'
import { applyCredential } from '../../src/host/apply-credential.ts'
import { buildRequest } from '../../src/host/build-request.ts'
import { findOperationByPath } from '../../src/host/find-operation.ts'
import { hostOwnedSlots } from '../../src/host/host-owned-slots.ts'
import { rawRequestInput } from '../../src/host/raw-request-input.ts'
import { selectCredentials } from '../../src/host/select-credentials.ts'
import { generate, SHARED_SPECS } from '../support/generate.ts'

const SPECS = ['cloudflare.json', 'github.yaml', 'stripe.yaml', 'petstore.yaml']
const BASE = 'https://api.example.com/base/v4'
const RUNS = Number(process.env.PROPERTY_RUNS ?? 400)

/** What attackers and unlucky data put in a URL part, mixed with arbitrary Unicode. */
const NASTY = [
  '.',
  '..',
  '...',
  '%2e',
  '%2E%2e',
  '.%2e',
  '%252e%252e',
  '..;',
  '..;x',
  ' .. ',
  '\t.\n',
  '．．',
  '\u2024',
  '/',
  '\\',
  '%2F',
  '%5c',
  '%252F',
  '／',
  '?',
  '#',
  '&',
  '=',
  '@evil.example',
  '//evil.example',
  'http://evil.example/',
  '$&',
  "$'",
  '$`',
  '$1',
  '\r\nX-Injected: 1',
  '\n',
  '\0',
  '%0d%0aX: 1',
  '%',
  '%zz',
  '',
  ' ',
  'Authorization',
  'a/../b',
  'é',
  '😀',
  '{zone_id}',
]
const text = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.tuple(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom(...NASTY)).map((parts) => parts.join('')),
)

let apis: Api[]

beforeAll(() => {
  const catalog = loadCatalog(generate(SPECS.map((f) => join(SHARED_SPECS, f))))
  apis = catalog.apiNames().map((name) => catalog.getApi(name)!)
}, 180_000)

/** A distinct secret per scheme, so each can be traced to where it landed. */
const secretOf = (scheme: SecuritySchemeSpec) => `S3cr3t-${scheme.name}-7f1c`

/** Builds and signs as ApiHost does, with every scheme configured. */
function send(api: Api, op: OperationSpec, input: Record<string, unknown>) {
  const built = buildRequest(BASE, op, input, hostOwnedSlots(api.meta.securitySchemes))
  if ('error' in built) return built
  const choice = selectCredentials(op, api.meta.securitySchemes, api.meta.defaultScheme, (scheme) => ({ scheme, value: secretOf(scheme), secret: scheme.name }))
  for (const c of choice.sent) applyCredential(c.scheme, c.value, built.url, built.init.headers)
  return { ...built, sent: choice.sent.map((c) => c.scheme) }
}

/** The sent path is the template's, segment by segment: literals as written, each parameter one segment holding its value. */
function expectShape(url: URL, op: OperationSpec, values: Record<string, string>) {
  expect(url.origin).toBe('https://api.example.com')
  expect(url.pathname.startsWith('/base/v4/')).toBe(true)
  const sent = url.pathname.slice('/base/v4'.length).split('/')
  const template = op.path.split('/')
  expect(sent.length).toBe(template.length)
  template.forEach((part, i) => {
    const param = /^\{([^}]+)\}$/.exec(part)?.[1]
    if (param) {
      const value = decodeURIComponent(sent[i] as string)
      expect(value).toBe(values[param])
      // What an upstream that decodes once more, or normalizes Unicode, would read: still one segment, not a dot.
      const reread = safeDecode(value).normalize('NFKC').trim()
      expect(/[/\\]/.test(reread) || reread === '.' || reread === '..' || reread === '').toBe(false)
    } else expect(decodeURIComponent(sent[i] as string)).toBe(decodeURIComponent(new URL(`https://h/${part}`).pathname.slice(1)))
  })
}

/** Each secret appears once, exactly where its scheme puts it, and nowhere else in the request. */
function expectCredentialsInPlace(request: { url: URL; init: { headers: Headers; body?: unknown } }, sent: SecuritySchemeSpec[]) {
  const headers = [...request.init.headers.entries()]
  for (const scheme of sent) {
    const secret = secretOf(scheme)
    const inUrl = request.url.href.split(secret).length - 1
    const inHeaders = headers.filter(([, v]) => v.includes(secret)).map(([k]) => k)
    if (scheme.type === 'apiKey' && scheme.in === 'query') {
      expect(request.url.searchParams.getAll(scheme.paramName!)).toEqual([secret])
      expect([inUrl, inHeaders]).toEqual([1, []])
    } else if (scheme.type === 'apiKey' && scheme.in === 'cookie') {
      expect([inUrl, inHeaders]).toEqual([0, ['cookie']])
    } else if (scheme.type === 'apiKey') {
      expect(request.init.headers.get(scheme.paramName!)).toBe(secret)
      expect([inUrl, inHeaders]).toEqual([0, [scheme.paramName!.toLowerCase()]])
    } else if (scheme.type === 'http' && scheme.scheme === 'basic') {
      expect(request.init.headers.get('authorization')).toBe(`Basic ${btoa(secret)}`)
      expect(inUrl).toBe(0)
    } else {
      expect(request.init.headers.get('authorization')).toBe(`Bearer ${secret}`)
      expect([inUrl, inHeaders]).toEqual([0, ['authorization']])
    }
    expect(typeof request.init.body === 'string' && request.init.body.includes(secret)).toBe(false)
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

describe('request integrity, for arbitrary strings in every parameter location of real operations', () => {
  it.each(SPECS.map((f) => f.replace(/\..*$/, '')))('%s: typed calls keep the template, origin and base path, and credentials in place', (name) => {
    const api = apis.find((a) => a.meta.name === name)!
    const ops = api.operations.filter((op) => op.params.length > 0)
    let refused = 0
    fc.assert(
      fc.property(
        fc.constantFrom(...ops).chain((op) => fc.tuple(fc.constant(op), fc.array(text, { minLength: op.params.length, maxLength: op.params.length }))),
        ([op, strings]) => {
          const input = Object.fromEntries(op.params.map((p, i) => [p.name, strings[i]]))
          const out = send(api, op, input)
          if ('error' in out) {
            refused++
            expect(op.params.some((p) => out.error.startsWith(`${p.name} `) || out.error.startsWith(`header ${p.name} `))).toBe(true)
            return
          }
          const pathValues = Object.fromEntries(op.params.filter((p) => p.in === 'path').map((p) => [p.name, input[p.name] as string]))
          expectShape(out.url, op, pathValues)
          expectCredentialsInPlace(out, out.sent)
          for (const [key, value] of out.init.headers) expect(/[\r\n\0]/.test(key + value)).toBe(false)
        },
      ),
      { numRuns: RUNS },
    )
    // Both branches ran: some inputs were refused, most were sent.
    expect(refused).toBeGreaterThan(0)
    expect(refused).toBeLessThan(RUNS)
  })

  it.each(SPECS.map((f) => f.replace(/\..*$/, '')))('%s: a raw request path matches an operation only with exactly its shape', (name) => {
    const api = apis.find((a) => a.meta.name === name)!
    const ops = api.operations.filter((op) => op.path.includes('{'))
    let sent = 0
    fc.assert(
      fc.property(
        fc.constantFrom(...ops).chain((op) => fc.tuple(fc.constant(op), fc.array(text, { minLength: 4, maxLength: 4 }), fc.boolean())),
        ([op, strings, encode]) => {
          let i = 0
          const path = op.path.replace(/\{[^}]+\}/g, () => {
            const s = strings[i++ % strings.length] as string
            return encode ? encodeURIComponent(s) : s
          })
          const found = findOperationByPath(api, op.method, path)
          if ('error' in found) return
          const raw = rawRequestInput(found.op, found.pathParams, { method: op.method, path }, {}, hostOwnedSlots(api.meta.securitySchemes))
          if ('error' in raw) return
          const out = send(api, found.op, raw.input)
          if ('error' in out) return
          sent++
          expect(found.op.method).toBe(op.method)
          expectShape(out.url, found.op, Object.fromEntries(Object.entries(raw.input).map(([k, v]) => [k, String(v)])))
          expectCredentialsInPlace(out, out.sent)
        },
      ),
      { numRuns: RUNS },
    )
    expect(sent).toBeGreaterThan(0)
  })
})
