import { describe, expect, it } from 'vitest'
import type { OperationSpec } from '../../src/artifacts.ts'
import { missingScopes, scopesToRequest } from '../../src/host/missing-scopes.ts'

const op = (name: string, method: string, security?: string[][], scopes?: string[][]): OperationSpec => ({
  name,
  pointer: '#',
  method,
  path: '/',
  params: [],
  input: {},
  security,
  scopes,
})
const ME = op('getMe', 'GET', [['oauth']], [['user-read-private']])
const FOLLOW = op('follow', 'PUT', [['oauth']], [['user-follow-modify', 'user-read-private']])
const EITHER = op('top', 'GET', [['oauth'], ['oauth']], [['user-top-read'], ['user-read-private']])
const KEYED = op('search', 'GET', [['key']], undefined)

describe('scopes for a user signed in at the API', () => {
  it.each<[string, OperationSpec, string[], string[] | undefined]>([
    ['granted', ME, ['user-read-private'], undefined],
    ['one missing of two', FOLLOW, ['user-read-private'], ['user-follow-modify']],
    ['one alternative granted', EITHER, ['user-read-private'], undefined],
    ['no alternative granted: the first', EITHER, [], ['user-top-read']],
    ['an operation that does not use the scheme', KEYED, [], undefined],
  ])('%s', (_name, target, granted, want) => {
    expect(missingScopes(target, 'oauth', granted)).toEqual(want)
  })

  it('asks only for the scopes of the operations the policy lets through', () => {
    const ops = [ME, FOLLOW, EITHER, KEYED]
    expect(scopesToRequest(ops, 'oauth', () => true)).toEqual(['user-read-private', 'user-follow-modify', 'user-top-read'])
    expect(scopesToRequest(ops, 'oauth', (o) => o.method === 'GET')).toEqual(['user-read-private', 'user-top-read'])
  })
})
