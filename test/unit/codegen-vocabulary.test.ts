// The operator's vocabulary file (openapi/vocabulary/<api>.txt): the words it gives operations reach the search
// documents and move the ranking, a malformed line stops the build naming the line and the fix, and an entry that
// names no operation is a warning, so a spec update that renames a path is noticed.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCatalog } from '../../scripts/load-catalog.ts'
import type { SearchDoc } from '../../src/artifacts.ts'
import { ROOT, SHARED_SPECS } from '../support/generate.ts'
import { rankedRoutes } from '../support/ranked-routes.ts'

/** Builds petstore from openapi/<name>.yaml with openapi/vocabulary/<name>.txt: named like the spec, not the API. */
function build(vocabulary: string | undefined, name = 'petstore') {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-vocabulary-'))
  mkdirSync(join(dir, 'openapi/vocabulary'), { recursive: true })
  copyFileSync(join(SHARED_SPECS, 'petstore.yaml'), join(dir, `openapi/${name}.yaml`))
  if (vocabulary !== undefined) writeFileSync(join(dir, `openapi/vocabulary/${name}.txt`), vocabulary)
  const out = join(dir, 'generated')
  const run = spawnSync(process.execPath, [join(ROOT, 'codegen/index.ts'), '--specs', join(dir, 'openapi'), '--out', out], { cwd: ROOT, encoding: 'utf8' })
  const api = name === 'petstore' ? name : 'petStore'
  const docs = (): SearchDoc[] => JSON.parse(readFileSync(join(out, api, 'search-docs.json'), 'utf8'))
  return { status: run.status, output: run.stdout + run.stderr, docs, out }
}

const route = (d: SearchDoc) => `${d.method} ${d.path}`
const top = (out: string, query: string) => rankedRoutes(loadCatalog(out), query)[0]

describe('operator vocabulary', () => {
  it('gives a path prefix to every operation under it, and METHOD /path to that one only', () => {
    const { status, docs } = build('# comment\n/store/order: purchase checkout\nDELETE /pet/{petId}: euthanize\n')
    expect(status).toBe(0)
    const words = Object.fromEntries(docs().map((d) => [route(d), d.vocabulary]))
    expect(words['POST /store/order']).toBe('purchase checkout')
    expect(words['GET /store/order/{orderId}']).toBe('purchase checkout')
    expect(words['DELETE /pet/{petId}']).toBe('euthanize')
    expect(words['GET /pet/{petId}']).toBeUndefined()
    expect(words['GET /store/inventory']).toBeUndefined()
  })

  it('is found by the spec file name when the API name differs (pet-store.yaml serves petStore)', () => {
    const { status, docs } = build('/store/order: purchase\n', 'pet-store')
    expect(status).toBe(0)
    expect(docs().find((d) => route(d) === 'POST /store/order')?.vocabulary).toBe('purchase')
  })

  it("moves a query in the users' words to the operation it names", () => {
    const query = 'checkout a purchase'
    expect(top(build(undefined).out, query)).not.toBe('POST /store/order')
    expect(top(build('POST /store/order: checkout purchase buy\n').out, query)).toBe('POST /store/order')
  })

  it('stops the build on a malformed line, naming the line and the fix', () => {
    const { status, output } = build('/pet: animals\nthis line has no path\n')
    expect(status).toBe(1)
    expect(output).toContain('petstore.txt')
    expect(output).toContain('line 2')
    expect(output).toContain('Fix: write `/path/prefix: words`')
  })

  it('warns about an entry that names no operation and still builds', () => {
    const { status, output } = build('/pets/{id}/vaccines: shots\n')
    expect(status).toBe(0)
    expect(output).toMatch(/petstore\.txt:1: \/pets\/\{id\}\/vaccines names no operation\. Fix: correct the path/)
  })
})
