// Operation, API and type names: valid JavaScript identifiers, unique, stable, and traceable to their pointer.
import { describe, expect, it } from 'vitest'
import { nameApi, nameApis } from '../../codegen/name-api.ts'
import { identifierFrom, nameOperations, synthesizeName } from '../../codegen/name-operations.ts'
import { nameTypes } from '../../codegen/name-types.ts'
import type { SpecProblem } from '../../codegen/spec-error.ts'

describe('identifierFrom', () => {
  it.each([
    ['kebab case', { given: 'zones-get', want: 'zonesGet' }],
    ['slashes and dashes', { given: 'repos/list-for-org', want: 'reposListForOrg' }],
    ['a leading capital', { given: 'GetAccounts', want: 'getAccounts' }],
    ['a clean identifier keeps its casing', { given: 'listDNSRecords', want: 'listDNSRecords' }],
    ['dots', { given: 'items.get', want: 'itemsGet' }],
    ['spaces and punctuation', { given: 'create thing!', want: 'createThing' }],
    ['a leading digit', { given: '2-upload file!', want: 'op2UploadFile' }],
    ['nothing usable', { given: '¿?', want: '' }],
    ['a clean snake_case id is kept', { given: 'get_user_information', want: 'get_user_information' }],
  ])('%s', (_name, { given, want }) => {
    expect(identifierFrom(given)).toBe(want)
  })
})

describe('synthesizeName', () => {
  it.each([
    ['a path parameter', { method: 'GET', path: '/pets/{petId}/owners', want: 'getPetsByPetIdOwners' }],
    ['the root path', { method: 'DELETE', path: '/', want: 'delete' }],
    ['dashes and dots', { method: 'POST', path: '/v2/1-clicks/kubernetes.json', want: 'postV21ClicksKubernetesJson' }],
  ])('%s', (_name, { method, path, want }) => {
    expect(synthesizeName(method, path)).toBe(want)
  })
})

describe('nameOperations', () => {
  const op = (pointer: string, method: string, path: string, operationId?: string) => ({ pointer, method, path, operationId })

  it('names the JSON pointer when operationId is missing', () => {
    const warnings: SpecProblem[] = []
    expect(nameOperations([op('#/paths/~1pets~1{id}/get', 'GET', '/pets/{id}')], warnings)).toEqual(['getPetsById'])
    expect(warnings).toEqual([{ pointer: '#/paths/~1pets~1{id}/get', message: 'operation has no operationId; synthesized "getPetsById"', fix: 'add an operationId' }])
  })

  it('numbers duplicates in document order and says so', () => {
    const warnings: SpecProblem[] = []
    const names = nameOperations([op('#/paths/~1a/get', 'GET', '/a', 'list'), op('#/paths/~1b/get', 'GET', '/b', 'list'), op('#/paths/~1c/get', 'GET', '/c', 'list-')], warnings)
    expect(names).toEqual(['list', 'list2', 'list3'])
    expect(warnings.map((w) => `${w.pointer}: ${w.message}`)).toEqual([
      '#/paths/~1b/get: operationId "list" is not unique; named "list2"',
      '#/paths/~1c/get: operationId "list-" is not unique; named "list3"',
    ])
  })

  it('keeps names clear of the runtime and of Object.prototype', () => {
    const names = nameOperations(
      ['request', 'constructor', 'then', '__proto__'].map((id, i) => op(`#/paths/~1${i}/get`, 'GET', `/${i}`, id)),
      [],
    )
    expect(names).toEqual(['requestOperation', 'constructorOperation', 'thenOperation', '__proto__Operation'])
  })

  it('gives the same names to the same operations every time', () => {
    const ops = [op('#/a', 'GET', '/a', 'x y'), op('#/b', 'GET', '/b'), op('#/c', 'GET', '/c', 'x-y')]
    expect(nameOperations(ops, [])).toEqual(nameOperations(ops, []))
  })
})

describe('nameApi', () => {
  it.each([
    ['cloudflare.json', 'cloudflare'],
    ['my-api.v2.yaml', 'myApiV2'],
    ['1password__connect.yaml', 'api1passwordConnect'],
    ['intercom__api-2.16.yaml', 'intercomApi216'],
    ['---.json', 'api'],
  ])('%s -> %s', (file, want) => {
    expect(nameApi(file)).toBe(want)
  })

  it('refuses two files that would share a namespace, naming both', () => {
    expect(() => nameApis(['my-api.json', 'my_api.yaml'])).toThrow(
      'my_api.yaml: 1 problem(s)\n  at #: namespace "myApi" is already taken by my-api.json. Fix: rename one of the two files: the file name is the namespace',
    )
  })
})

describe('nameTypes', () => {
  it('makes PascalCase aliases that are unique and clear of openapi-typescript names', () => {
    const aliases = nameTypes(['zones_zone', 'zones-zone', 'paths', '200_ok', 'Api'], 'PetstoreApi')
    expect([...aliases.values()]).toEqual(['ZonesZone', 'ZonesZone2', 'Paths', 'T200Ok', 'Api2'])
  })
})
