// Access by identity: ACCESS_RULES (a wrangler.jsonc var) match the signed-in user's claims (and, with upstream
// sign-in, the scopes the API granted them) and give them a policy
// per API. The first rule that matches wins; with rules set, a user no rule matches may use nothing. Without rules,
// or without sign-in, every user gets the operators' API_CONFIG policy for every API.
import type { ApiConfig } from '../config.ts'
import type { SignedInUser } from '../sign-in/identity-provider.ts'

/** The policy fields a rule may set for an API, over its API_CONFIG entry. */
export type PolicyOverride = Partial<Pick<ApiConfig, 'readOnly' | 'allow' | 'deny' | 'approveWrites' | 'maxWritesPerExecution'>>

/** `all`: every API under API_CONFIG's policy; otherwise only the APIs listed, each with its override. */
export type Access = { all: true } | { all: false; apis: Record<string, PolicyOverride>; rule?: number }

const CLAIMS = ['login', 'email', 'emailDomain', 'group', 'scope'] as const
const POLICY = new Set(['readOnly', 'allow', 'deny', 'approveWrites', 'maxWritesPerExecution'])

/** Who signed in, with the scopes their upstream sign-in granted. */
export type Claimant = SignedInUser & { scopes?: string[] }

/** Throws an operator-facing message naming the rule and key when ACCESS_RULES is malformed. */
export function resolveAccess(raw: unknown, user: Claimant | undefined, apis: string[]): Access {
  if (raw === undefined || raw === '' || raw === null) return { all: true }
  if (!Array.isArray(raw)) throw new Error('ACCESS_RULES: must be a list of { "when": { … }, "apis": { … } } rules; see the README, Sign-in.')
  raw.forEach((rule, i) => {
    checkRule(rule, i, apis)
  })
  if (!user) return { all: true }
  const index = raw.findIndex((rule) => matches(rule.when ?? {}, user))
  return index < 0 ? { all: false, apis: {} } : { all: false, apis: raw[index].apis ?? {}, rule: index }
}

/** The API's configuration for this user, or undefined when the user may not use the API at all. */
export function applyAccess(access: Access, api: string, config: ApiConfig): ApiConfig | undefined {
  if (access.all) return config
  const override = access.apis[api]
  return override ? { ...config, ...override } : undefined
}

function matches(when: Record<string, unknown>, user: Claimant): boolean {
  const values: Record<(typeof CLAIMS)[number], string[]> = {
    login: user.login ? [user.login] : [],
    email: user.email ? [user.email.toLowerCase()] : [],
    emailDomain: user.email?.includes('@') ? [user.email.split('@').pop()!.toLowerCase()] : [],
    group: user.groups ?? [],
    scope: user.scopes ?? [],
  }
  return CLAIMS.every((claim) => {
    if (when[claim] === undefined) return true
    const wanted = ([] as unknown[]).concat(when[claim]).map((v) => (claim === 'login' || claim === 'group' || claim === 'scope' ? String(v) : String(v).toLowerCase()))
    return wanted.some((w) => values[claim].includes(w))
  })
}

function checkRule(rule: unknown, i: number, known: string[]): void {
  const at = `ACCESS_RULES[${i}]`
  if (!rule || typeof rule !== 'object') throw new Error(`${at}: must be an object { "when": { … }, "apis": { … } }.`)
  const { when = {}, apis = {} } = rule as { when?: Record<string, unknown>; apis?: Record<string, Record<string, unknown>> }
  for (const key of Object.keys(when))
    if (!(CLAIMS as readonly string[]).includes(key)) throw new Error(`${at}.when.${key}: not a claim rules can match; use ${CLAIMS.join(', ')}.`)
  for (const [api, policy] of Object.entries(apis)) {
    if (!known.includes(api)) throw new Error(`${at}.apis.${api}: not an API of this server (${known.join(', ')}).`)
    for (const key of Object.keys(policy ?? {})) if (!POLICY.has(key)) throw new Error(`${at}.apis.${api}.${key}: not a policy setting; use ${[...POLICY].join(', ')}.`)
  }
}
