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
})
