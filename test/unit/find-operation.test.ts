import { describe, expect, it } from 'vitest'
import type { ApiMeta, OperationSpec } from '../../src/artifacts.ts'
import type { Api } from '../../src/create-catalog.ts'
import { findOperationByPath } from '../../src/host/find-operation.ts'

const op = (name: string, method: string, path: string): OperationSpec => ({ name, pointer: '#', method, path, params: [], input: {} })

function apiOf(operations: OperationSpec[]): Api {
  const meta: ApiMeta = { name: 't', title: 't', version: '1', baseUrl: 'https://h', securitySchemes: [], operationCount: operations.length, sourceHash: '' }
  return { meta, operations, byName: new Map(operations.map((o) => [o.name, o])) }
}

const api = apiOf([op('getPet', 'GET', '/pet/{petId}'), op('listPets', 'GET', '/pet'), op('deletePet', 'DELETE', '/pet/{petId}')])

describe('findOperationByPath', () => {
  it('matches a concrete path to its template and decodes the parameters', () => {
    expect(findOperationByPath(api, 'delete', '/pet/a%2Fb')).toEqual({ op: api.operations[2], pathParams: { petId: 'a/b' } })
  })

  it('matches a template as written, and ignores a query string', () => {
    expect(findOperationByPath(api, 'GET', '/pet/{petId}')).toEqual({ op: api.operations[0], pathParams: {} })
    expect(findOperationByPath(api, 'GET', '/pet?limit=5')).toEqual({ op: api.operations[1], pathParams: {} })
  })

  it('returns an error for malformed percent-encoding instead of throwing', () => {
    expect(findOperationByPath(api, 'GET', '/pet/%zz')).toEqual({ error: 'GET /pet/%zz: "%zz" is not valid percent-encoding; write a literal "%" as "%25"' })
  })

  it('names the method and path that match nothing', () => {
    expect(findOperationByPath(api, 'PUT', '/pet/1')).toEqual({ error: 'no operation matches PUT /pet/1. Use search to find the path.' })
    expect(findOperationByPath(api, 'GET', 5)).toEqual({ error: 'expected { method: "GET", path: "/..." }' })
  })

  it('prefers the template with more literal segments, whatever the table order', () => {
    const zt = apiOf([
      op('userDetails', 'GET', '/accounts/{account_identifier}/zt_risk_scoring/{user_id}'),
      op('integrationList', 'GET', '/accounts/{account_id}/zt_risk_scoring/integrations'),
      op('byReference', 'GET', '/accounts/{account_id}/{kind}/integrations/{id}'),
      op('integrationGet', 'GET', '/accounts/{account_id}/zt_risk_scoring/integrations/{integration_id}'),
    ])
    expect(findOperationByPath(zt, 'GET', '/accounts/x/zt_risk_scoring/integrations')).toEqual({ op: zt.operations[1], pathParams: { account_id: 'x' } })
    expect(findOperationByPath(zt, 'GET', '/accounts/x/zt_risk_scoring/u1')).toEqual({ op: zt.operations[0], pathParams: { account_identifier: 'x', user_id: 'u1' } })
    expect(findOperationByPath(zt, 'GET', '/accounts/x/zt_risk_scoring/integrations/i9')).toEqual({ op: zt.operations[3], pathParams: { account_id: 'x', integration_id: 'i9' } })
  })

  it('on equal counts, prefers the template whose first differing segment is literal', () => {
    const tie = apiOf([op('second', 'GET', '/a/{x}/b'), op('first', 'GET', '/a/b/{y}')])
    expect(findOperationByPath(tie, 'GET', '/a/b/b')).toEqual({ op: tie.operations[1], pathParams: { y: 'b' } })
  })

  it('escapes only the literal text, so parameter names come back as written', () => {
    const odd = apiOf([op('getFile', 'GET', '/v1.0/files/{file.name}/{$ref}+raw')])
    expect(findOperationByPath(odd, 'GET', '/v1.0/files/a.txt/r1+raw')).toEqual({ op: odd.operations[0], pathParams: { 'file.name': 'a.txt', $ref: 'r1' } })
    expect(findOperationByPath(odd, 'GET', '/v1x0/files/a.txt/r1+raw')).toEqual({ error: 'no operation matches GET /v1x0/files/a.txt/r1+raw. Use search to find the path.' })
  })

  it('builds the matchers once per API, not on every lookup', () => {
    const operations = [op('getPet', 'GET', '/pet/{petId}'), op('listPets', 'GET', '/pet')]
    let reads = 0
    const counted = apiOf([])
    Object.defineProperty(counted, 'operations', {
      get: () => {
        reads++
        return operations
      },
    })
    for (const path of ['/pet/1', '/pet', '/pet/2', '/nowhere']) findOperationByPath(counted, 'GET', path)
    expect(reads).toBe(1)
  })
})
