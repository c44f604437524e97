// previewRequest shows a request as the host would send it, with a placeholder wherever a credential would go and
// never the credential itself.
import { describe, expect, it } from 'vitest'
import type { OperationSpec, SecuritySchemeSpec } from '../../src/artifacts.ts'
import type { ApiConfig } from '../../src/config.ts'
import { buildRequest } from '../../src/host/build-request.ts'
import { previewRequest, previewText } from '../../src/host/preview-request.ts'

const SECRET = 'top-secret-1234'
const op: OperationSpec = {
  name: 'createThing',
  pointer: '#/paths/~1things/post',
  method: 'POST',
  path: '/things',
  params: [{ name: 'dry', in: 'query', required: false }],
  body: { mediaType: 'application/json', required: true },
  input: { type: 'object', properties: {} },
}
const built = buildRequest('https://api.example/v1', op, { dry: 'no', body: { name: 'a' } })
if ('error' in built) throw new Error(built.error)

function preview(scheme: SecuritySchemeSpec) {
  const config = { scheme: scheme.name } as ApiConfig
  return previewRequest(built as Exclude<typeof built, { error: string }>, { op, config, schemes: [scheme], find: (s) => ({ scheme: s, value: SECRET, secret: 'X' }) })
}

describe('previewRequest', () => {
  it.each<[string, SecuritySchemeSpec, { url: string; auth: Record<string, string> }]>([
    ['bearer', { name: 'token', type: 'http', scheme: 'bearer' }, { url: 'https://api.example/v1/things?dry=no', auth: { authorization: 'Bearer [credential]' } }],
    ['basic', { name: 'basic', type: 'http', scheme: 'basic' }, { url: 'https://api.example/v1/things?dry=no', auth: { authorization: 'Basic [credential]' } }],
    [
      'an API key header',
      { name: 'key', type: 'apiKey', in: 'header', paramName: 'X-Auth-Key' },
      { url: 'https://api.example/v1/things?dry=no', auth: { 'x-auth-key': '[credential]' } },
    ],
    ['an API key in the query', { name: 'key', type: 'apiKey', in: 'query', paramName: 'api_key' }, { url: 'https://api.example/v1/things?dry=no&api_key=[credential]', auth: {} }],
    ['an API key cookie', { name: 'key', type: 'apiKey', in: 'cookie', paramName: 'sid' }, { url: 'https://api.example/v1/things?dry=no', auth: { cookie: 'sid=[credential]' } }],
  ])('puts a placeholder where %s goes', (_name, scheme, want) => {
    const p = preview(scheme)
    expect(p).toEqual({ method: 'POST', url: want.url, headers: { accept: 'application/json, */*;q=0.5', 'content-type': 'application/json', ...want.auth }, body: { name: 'a' } })
    expect(JSON.stringify(p)).not.toContain(SECRET)
  })

  it('reads as lines for a human', () => {
    expect(previewText(preview({ name: 'token', type: 'http', scheme: 'bearer' }))).toBe(
      'POST https://api.example/v1/things?dry=no\naccept: application/json, */*;q=0.5\ncontent-type: application/json\nauthorization: Bearer [credential]\n{"name":"a"}',
    )
  })
})
