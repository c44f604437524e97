import { describe, expect, it } from 'vitest'
import { applyAccess, resolveAccess } from '../../src/access/resolve-access.ts'
import type { ApiConfig } from '../../src/config.ts'

const APIS = ['github', 'stripe']
const RULES = [
  { when: { group: ['admins', 'sre'] }, apis: { github: {}, stripe: {} } },
  { when: { emailDomain: 'Example.com', login: 'ada' }, apis: { github: { readOnly: true } } },
  { when: { emailDomain: 'example.com' }, apis: { github: { readOnly: true, deny: ['reposDelete'] } } },
]
const config: ApiConfig = { baseUrl: 'https://h', baseUrlFrom: "the spec's servers[0]", secrets: {}, readOnly: false, approveWrites: false, deny: ['orgsDelete'] }

describe('access by identity', () => {
  it.each<[string, Parameters<typeof resolveAccess>[1], ReturnType<typeof resolveAccess>]>([
    ['a group in the list', { id: '1', groups: ['sre'] }, { all: false, apis: { github: {}, stripe: {} }, rule: 0 }],
    [
      'every claim of a rule (email domain in any case, and login)',
      { id: '2', login: 'ada', email: 'ada@EXAMPLE.com' },
      { all: false, apis: { github: { readOnly: true } }, rule: 1 },
    ],
    ['the first rule that matches', { id: '3', login: 'bob', email: 'bob@example.com' }, { all: false, apis: { github: { readOnly: true, deny: ['reposDelete'] } }, rule: 2 }],
    ['no rule: nothing', { id: '4', email: 'eve@elsewhere.example' }, { all: false, apis: {} }],
    ['no user (no sign-in): everything', undefined, { all: true }],
  ])('matches %s', (_name, user, want) => {
    expect(resolveAccess(RULES, user, APIS)).toEqual(want)
  })

  it('matches the scopes an upstream sign-in granted (any one listed), exactly as spelled', () => {
    const rules = [
      { when: { scope: ['repo', 'admin:org'] }, apis: { github: {} } },
      { when: {}, apis: { github: { readOnly: true } } },
    ]
    expect(resolveAccess(rules, { id: '5', scopes: ['read:user', 'repo'] }, APIS)).toEqual({ all: false, apis: { github: {} }, rule: 0 })
    expect(resolveAccess(rules, { id: '6', scopes: ['REPO'] }, APIS)).toEqual({ all: false, apis: { github: { readOnly: true } }, rule: 1 })
    expect(resolveAccess(rules, { id: '7' }, APIS)).toEqual({ all: false, apis: { github: { readOnly: true } }, rule: 1 })
  })

  it('gives everyone everything when there are no rules', () => {
    expect(resolveAccess('', { id: '1' }, APIS)).toEqual({ all: true })
  })

  it("lays a rule's policy over API_CONFIG's, and leaves out the APIs it does not list", () => {
    const access = resolveAccess(RULES, { id: '3', email: 'bob@example.com' }, APIS)
    expect(applyAccess(access, 'github', config)).toEqual({ ...config, readOnly: true, deny: ['reposDelete'] })
    expect(applyAccess(access, 'stripe', config)).toBeUndefined()
  })

  it.each([
    ['{}', {}, 'ACCESS_RULES: must be a list of { "when": { … }, "apis": { … } } rules; see the README, Sign-in.'],
    ['an unknown claim', [{ when: { role: 'x' } }], 'ACCESS_RULES[0].when.role: not a claim rules can match; use login, email, emailDomain, group, scope.'],
    ['an unknown API', [{ when: {}, apis: { gitlab: {} } }], 'ACCESS_RULES[0].apis.gitlab: not an API of this server (github, stripe).'],
    [
      'an unknown policy key',
      [{ when: {}, apis: { github: { readonly: true } } }],
      'ACCESS_RULES[0].apis.github.readonly: not a policy setting; use readOnly, allow, deny, approveWrites, maxWritesPerExecution.',
    ],
  ])('names the rule and key of %s', (_name, raw, want) => {
    expect(() => resolveAccess(raw, { id: '1' }, APIS)).toThrow(want)
  })
})
