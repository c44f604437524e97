// checkCalls finds, before anything runs, calls to operations that do not exist and object-literal inputs that fail
// the operation's schema; whatever is computed at run time is left to the host. Over the real petstore artifacts.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCatalog } from '../../scripts/load-catalog.ts'
import { checkCalls } from '../../src/execute/check-calls.ts'
import { prepareCode } from '../../src/execute/prepare-code.ts'
import { generate, SHARED_SPECS } from '../support/generate.ts'

const catalog = loadCatalog(generate([join(SHARED_SPECS, 'petstore.yaml')]))

async function check(code: string): Promise<string[]> {
  const prepared = await prepareCode(code, ['petstore'])
  if (!prepared.ok) throw new Error(prepared.error)
  return checkCalls(prepared.ast, prepared.prefixLength, ['petstore'], catalog)
}

describe('checkCalls', () => {
  it.each<[string, { given: string; want: string[] }]>([
    [
      'names the closest operations for an unknown one',
      {
        given: 'async () => {\n  return await petstore.getPetByIdx({ petId: 1 })\n}',
        want: ['line 2: petstore.getPetByIdx is not an operation of petstore. Did you mean petstore.getPetById? Use search to find operation names.'],
      },
    ],
    [
      'says so when nothing is close',
      { given: 'async () => petstore.frobnicate()', want: ['line 1: petstore.frobnicate is not an operation of petstore. Use search to find operation names.'] },
    ],
    [
      'names an unknown field and its line',
      {
        given: 'async () => {\n  const r = await petstore.findPetsByStatus({\n    statuss: "sold",\n  })\n}',
        want: ['line 3: petstore.findPetsByStatus: unknown field "statuss"; did you mean status? Fix the input; call search with "findPetsByStatus" to see its signature.'],
      },
    ],
    [
      'names a missing required field',
      {
        given: 'async () => petstore.getPetById({})',
        want: ['line 1: petstore.getPetById: petId is required. Fix the input; call search with "getPetById" to see its signature.'],
      },
    ],
    [
      'names a literal of the wrong type',
      {
        given: 'async () => petstore.getPetById({ petId: "seven" })',
        want: ['line 1: petstore.getPetById: petId must be integer; got string "seven". Fix the input; call search with "getPetById" to see its signature.'],
      },
    ],
    [
      'checks nested body fields',
      {
        given: 'async () => {\n  await petstore.addPet({ body: {\n    name: "Rex",\n    photoUrls: "x" } })\n}',
        want: ['line 4: petstore.addPet: body.photoUrls must be array; got string "x". Fix the input; call search with "addPet" to see its signature.'],
      },
    ],
    [
      'calls without input that need some',
      { given: 'async () => petstore.getPetById()', want: ['line 1: petstore.getPetById: petId is required. Fix the input; call search with "getPetById" to see its signature.'] },
    ],
  ])('%s', async (_name, { given, want }) => {
    expect(await check(given)).toEqual(want)
  })

  it.each([
    ['a variable input', 'async () => { const input = { petId: "x" }; return petstore.getPetById(input) }'],
    ['a computed value', 'async (id) => petstore.getPetById({ petId: String(id) })'],
    ['a shorthand field', 'async () => { const petId = "x"; return petstore.getPetById({ petId }) }'],
    ['a spread', 'async () => { const more = {}; return petstore.getPetById({ ...more }) }'],
    ['a computed key', 'async () => { const k = "petId"; return petstore.getPetById({ [k]: 1 }) }'],
    ['a nested computed value', 'async () => { const n = "Rex"; return petstore.addPet({ body: { name: n, photoUrls: [n] } }) }'],
    ['the raw escape hatch', 'async () => petstore.request({ method: "GET", path: "/nowhere" })'],
    ['a variable named like the API', 'async () => { const petstore = { nothing: () => 1 }; return petstore.nothing({ x: 1 }) }'],
    ['a valid call', 'async () => petstore.getPetById({ petId: 7 })'],
  ])('leaves %s to the runtime', async (_name, code) => {
    expect(await check(code)).toEqual([])
  })

  it('reports a wrong literal beside a computed field', async () => {
    expect(await check('async () => { const n = "Rex"; return petstore.addPet({ body: { name: n, photoUrls: "x" } }) }')).toEqual([
      'line 1: petstore.addPet: body.photoUrls must be array; got string "x". Fix the input; call search with "addPet" to see its signature.',
    ])
  })
})

describe('checkCalls on slots the host owns', () => {
  it('says the host sets a credential header itself, as the host would', async () => {
    expect(await check('async () => petstore.getInventory({ api_key: "forged" })')).toEqual([
      'line 1: petstore.getInventory: api_key is a header the host sets itself (it carries the credential, or frames the request); leave it out, the host adds what the operation needs.',
    ])
  })
})
