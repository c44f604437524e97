// Per-operation credentials with OpenAPI Security Requirement semantics, on Cloudflare's mixed schemes (AND, OR,
// none, inherited), the secret names per scheme, the 401/403 explanation, and scrubbing what comes back.
import { describe, expect, it } from 'vitest'
import type { ApiMeta, OperationSpec, SecuritySchemeSpec } from '../../src/artifacts.ts'
import { resolveApiConfig, secretName } from '../../src/config.ts'
import { credentialForms } from '../../src/host/apply-credential.ts'
import { explainAuthFailure } from '../../src/host/explain-auth-failure.ts'
import { operatorCredentials } from '../../src/host/operator-credentials.ts'
import { createScrubber } from '../../src/host/scrub-secrets.ts'
import { selectCredentials } from '../../src/host/select-credentials.ts'
import { userCredentials } from '../../src/host/user-credentials.ts'

const SCHEMES: SecuritySchemeSpec[] = [
  { name: 'api_email', type: 'apiKey', in: 'header', paramName: 'X-Auth-Email' },
  { name: 'api_key', type: 'apiKey', in: 'header', paramName: 'X-Auth-Key' },
  { name: 'api_token', type: 'http', scheme: 'bearer' },
  { name: 'user_service_key', type: 'apiKey', in: 'header', paramName: 'X-Auth-User-Service-Key' },
]
const meta: ApiMeta = {
  name: 'cloudflare',
  title: '',
  version: '',
  baseUrl: 'https://api.cloudflare.com/client/v4',
  securitySchemes: SCHEMES,
  defaultScheme: 'api_token',
  operationCount: 0,
  sourceHash: '',
}
const op = (security: string[][] | undefined): OperationSpec => ({ name: 'op', pointer: '#', method: 'GET', path: '/x', params: [], input: {}, security })

const DNS = op([['api_email', 'api_key']])
const SETTINGS = op([['api_token'], ['api_email', 'api_key']])
const R2 = op([['api_token']])
const PUBLIC = op([])
const UNSAID = op(undefined)

const TOKEN_ONLY = { CLOUDFLARE_API_TOKEN: 't0k' }
const EMAIL_KEY = { CLOUDFLARE_API_EMAIL: 'me@example.com', CLOUDFLARE_API_KEY: 'k3y' }

function choose(target: OperationSpec, env: Record<string, unknown>, apiConfig: unknown = {}) {
  const config = resolveApiConfig(meta, { cloudflare: apiConfig })
  const choice = selectCredentials(target, SCHEMES, config.scheme, operatorCredentials(env, config))
  return { config, choice, sent: choice.sent.map((c) => `${c.scheme.name}=${c.value} (${c.secret})`) }
}

describe('selectCredentials', () => {
  it.each<[string, OperationSpec, Record<string, unknown>, string[], string[] | undefined]>([
    ['AND: email and key together', DNS, EMAIL_KEY, ['api_email=me@example.com (CLOUDFLARE_API_EMAIL)', 'api_key=k3y (CLOUDFLARE_API_KEY)'], ['api_email', 'api_key']],
    ['AND, half configured: the usual token instead', DNS, { ...TOKEN_ONLY, CLOUDFLARE_API_EMAIL: 'me@example.com' }, ['api_token=t0k (CLOUDFLARE_API_TOKEN)'], undefined],
    ['AND, half configured, no usual: what it has', DNS, { CLOUDFLARE_API_EMAIL: 'me@example.com' }, ['api_email=me@example.com (CLOUDFLARE_API_EMAIL)'], undefined],
    ['OR: the first alternative it can meet', SETTINGS, { ...TOKEN_ONLY, ...EMAIL_KEY }, ['api_token=t0k (CLOUDFLARE_API_TOKEN)'], ['api_token']],
    [
      'OR: the second, when the first cannot be met',
      SETTINGS,
      EMAIL_KEY,
      ['api_email=me@example.com (CLOUDFLARE_API_EMAIL)', 'api_key=k3y (CLOUDFLARE_API_KEY)'],
      ['api_email', 'api_key'],
    ],
    ['a token-only operation, with only email and key configured: nothing it declares', R2, EMAIL_KEY, [], undefined],
    ['none: security [] gets no secret', PUBLIC, { ...TOKEN_ONLY, ...EMAIL_KEY }, [], []],
    ['unsaid: the usual credential', UNSAID, TOKEN_ONLY, ['api_token=t0k (CLOUDFLARE_API_TOKEN)'], ['api_token']],
    ['nothing configured', SETTINGS, {}, [], undefined],
  ])('%s', (_name, target, env, sent, met) => {
    const { choice, sent: got } = choose(target, env)
    expect(got).toEqual(sent)
    expect(choice.met).toEqual(met)
  })

  it('prefers a requirement with credentials to an optional-auth alternative, and falls back to it', () => {
    const optional = op([[], ['api_token']])
    expect(choose(optional, TOKEN_ONLY).sent).toEqual(['api_token=t0k (CLOUDFLARE_API_TOKEN)'])
    expect(choose(optional, {}).choice).toEqual({ sent: [], met: [] })
  })

  it('never sends a mutualTLS scheme, which a secret cannot satisfy', () => {
    const schemes: SecuritySchemeSpec[] = [{ name: 'mtls', type: 'mutualTLS' }]
    const choice = selectCredentials(op([['mtls']]), schemes, undefined, (scheme) => ({ scheme, value: 'x', secret: 'X' }))
    expect(choice).toEqual({ sent: [] })
  })
})

describe('secret names', () => {
  it.each([
    ['cloudflare', 'api_email', 'CLOUDFLARE_API_EMAIL'],
    ['myApiV2', 'bearerAuth', 'MY_API_V2_BEARER_AUTH'],
    ['stripe', 'basicAuth', 'STRIPE_BASIC_AUTH'],
    ['x', 'OAuth2', 'X_OAUTH2'],
    ['x', 'petstore-auth.v1', 'X_PETSTORE_AUTH_V1'],
  ])('%s + %s -> %s', (api, scheme, want) => {
    expect(secretName(api, scheme)).toBe(want)
  })

  it('reads <API>_<SCHEME>, and <API>_API_TOKEN for the usual scheme only', () => {
    expect(resolveApiConfig(meta, {}).secrets).toEqual({
      api_email: ['CLOUDFLARE_API_EMAIL'],
      api_key: ['CLOUDFLARE_API_KEY'],
      api_token: ['CLOUDFLARE_API_TOKEN'],
      user_service_key: ['CLOUDFLARE_USER_SERVICE_KEY'],
    })
    expect(resolveApiConfig({ ...meta, defaultScheme: 'api_key' }, {}).secrets.api_key).toEqual(['CLOUDFLARE_API_KEY', 'CLOUDFLARE_API_TOKEN'])
  })

  it('takes the names API_CONFIG gives, old and new', () => {
    const config = resolveApiConfig(meta, { cloudflare: { auth: { secret: 'CF_TOKEN', secrets: { api_email: 'CF_EMAIL' } } } })
    expect(config.secrets).toMatchObject({ api_email: ['CF_EMAIL'], api_token: ['CF_TOKEN'], api_key: ['CLOUDFLARE_API_KEY'] })
  })

  it.each([
    [
      { auth: { secrets: { nope: 'X' } } },
      `API_CONFIG.cloudflare.auth.secrets.nope: "nope" is not in the spec's securitySchemes (api_email, api_key, api_token, user_service_key).`,
    ],
    [{ auth: { secrets: { api_key: 7 } } }, 'API_CONFIG.cloudflare.auth.secrets.api_key: must be the name of a Worker secret, e.g. "CLOUDFLARE_API_KEY".'],
    [{ auth: { scheme: 'nope' } }, `API_CONFIG.cloudflare.auth.scheme: "nope" is not in the spec's securitySchemes (api_email, api_key, api_token, user_service_key).`],
  ])('names the key of a bad auth setting: %j', (given, want) => {
    expect(() => resolveApiConfig(meta, { cloudflare: given })).toThrow(want)
  })
})

describe('explainAuthFailure', () => {
  const explain = (target: OperationSpec, env: Record<string, unknown>) => {
    const { config, choice } = choose(target, env)
    const configured = SCHEMES.filter((s) => operatorCredentials(env, config)(s)).map((s) => s.name)
    return explainAuthFailure(target, config, choice, configured)
  }

  it.each<[string, OperationSpec, Record<string, unknown>, string]>([
    [
      'an AND requirement the server lacks',
      DNS,
      TOKEN_ONLY,
      'This operation accepts api_email + api_key; this server has api_token, and sent api_token in its place. Retrying the same call will not help; tell the user what the operator must change. The operator can set CLOUDFLARE_API_EMAIL and CLOUDFLARE_API_KEY (Worker secrets: wrangler secret put, or .dev.vars locally).',
    ],
    [
      'alternatives, nothing configured',
      SETTINGS,
      {},
      'This operation accepts api_token, or api_email + api_key; this server has no credential for this API, so none was sent. Retrying the same call will not help; tell the user what the operator must change. The operator can set CLOUDFLARE_API_TOKEN, or CLOUDFLARE_API_EMAIL and CLOUDFLARE_API_KEY (Worker secrets: wrangler secret put, or .dev.vars locally).',
    ],
    [
      'a met requirement the upstream refused',
      R2,
      TOKEN_ONLY,
      'The host sent api_token, the credential this operation asks for, and the upstream refused it: it may be wrong, expired, or lack the permission or scope for this call. Retrying the same call will not help; tell the user what the operator must change. The operator can check the secret CLOUDFLARE_API_TOKEN.',
    ],
    [
      'an operation that needs none',
      PUBLIC,
      TOKEN_ONLY,
      'This operation declares that it needs no authentication, so none was sent, yet the upstream refused it. Retrying the same call will not help; tell the user what the operator must change.',
    ],
  ])('%s', (_name, target, env, want) => {
    expect(explain(target, env)).toBe(want)
  })
})

describe("explaining a 401 for a signed-in user's own token", () => {
  it('tells the user to sign in again, not the operator to set a secret', () => {
    const config = resolveApiConfig(meta, {})
    const choice = selectCredentials(R2, SCHEMES, 'api_token', userCredentials('user-token'))
    expect(explainAuthFailure(R2, config, choice, ['api_token'])).toBe(
      'The host sent the token you signed in with, and the API refused it: it may have expired, been revoked, or lack a scope this call needs. Retrying the same call will not help; sign in again (granting the scope, if one is missing).',
    )
  })
})

describe('scrubbing', () => {
  const forms = [...credentialForms(SCHEMES[2]!, 'tok/en+1"x'), ...credentialForms({ name: 'b', type: 'http', scheme: 'basic' }, 'user:pa ss')]
  const scrub = createScrubber(forms)

  it.each([
    ['raw', 'Bearer tok/en+1"x', 'Bearer [redacted]'],
    ['another case', 'TOK/EN+1"X', '[redacted]'],
    ['percent-encoded', 'https://h/?t=tok%2Fen%2B1%22x', 'https://h/?t=[redacted]'],
    ['form-encoded', 't=tok%2Fen%2B1%22x&u=pa+ss', 't=[redacted]&u=[redacted]'],
    ['JSON-escaped', '{"h":"tok/en+1\\"x"}', '{"h":"[redacted]"}'],
    ['basic auth base64', `Basic ${btoa('user:pa ss')}`, 'Basic [redacted]'],
    ['the basic password alone', 'password=pa ss', 'password=[redacted]'],
  ])('removes the %s form from text', (_name, given, want) => {
    expect(scrub.text(given)).toBe(want)
  })

  it('scrubs strings and keys of a parsed value however deep, without recursion', () => {
    let deep: unknown = { 'tok/en+1"x': ['Bearer tok/en+1"x', 1, null] }
    for (let i = 0; i < 100_000; i++) deep = [deep]
    let node = scrub.value(deep)
    for (let i = 0; i < 100_000; i++) node = (node as unknown[])[0]
    expect(node).toEqual({ '[redacted]': ['Bearer [redacted]', 1, null] })
  })
})
