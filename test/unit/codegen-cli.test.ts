// The operator's view of `npm run codegen`: a regeneration report of what changed for callers, and `--check`,
// which fails on stale artifacts without writing anything.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT, SHARED_SPECS } from '../support/generate.ts'

const dir = mkdtempSync(join(tmpdir(), 'codegen-cli-'))
const specs = join(dir, 'openapi')
const out = join(dir, 'generated')
mkdirSync(specs)

function codegen(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'codegen/index.ts'), '--specs', specs, '--out', out, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** Petstore with one operation removed, one added, one renamed, one deprecated and one signature changed. */
function changedPetstore(): string {
  const doc = parse(readFileSync(join(SHARED_SPECS, 'petstore.yaml'), 'utf8'), { schema: 'core' })
  delete doc.paths['/store/inventory']
  doc.paths['/pet/{petId}/vaccines'] = {
    get: { operationId: 'listVaccines', parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 200: { description: 'ok' } } },
  }
  doc.paths['/store/order/{orderId}'].delete.operationId = 'removeOrder'
  doc.paths['/pet/{petId}'].get.deprecated = true
  doc.paths['/pet/findByStatus'].get.parameters[0].schema = { type: 'string', enum: ['available', 'sold'] }
  return JSON.stringify(doc)
}

describe('codegen CLI', () => {
  it('builds, then reports artifacts up to date, then no changes on a rebuild', () => {
    copyFileSync(join(SHARED_SPECS, 'petstore.yaml'), join(specs, 'petstore.yaml'))
    expect(codegen().status).toBe(0)
    expect(codegen('--check')).toMatchObject({ status: 0, stdout: expect.stringContaining('codegen --check: artifacts are up to date\n') })
    expect(codegen().stdout).toContain('changes in petstore: none\n')
  })

  it('fails --check on a changed spec, names the stale files and writes nothing', () => {
    writeFileSync(join(specs, 'petstore.yaml'), changedPetstore())
    const before = readFileSync(join(out, 'petstore/operations.json'), 'utf8')
    const run = codegen('--check')
    expect(run.status).toBe(1)
    const version = (text: string) => text.replaceAll(/[0-9a-f]{16}/g, '<version>')
    expect(version(run.stderr)).toBe(
      'Stale artifacts: petstore/sdk.d.ts, petstore/operations.json, petstore/type-index.json, petstore/search-docs.json, apis.ts, assets/petstore/<version>/, assets/search-index/<version>/, assets/search-index/<version>/ (earlier build), assets/petstore/<version>/ (earlier build). Run `npm run codegen`.\n',
    )
    expect(readFileSync(join(out, 'petstore/operations.json'), 'utf8')).toBe(before)
  })

  it('prints what changed for callers when it regenerates', () => {
    const report = codegen()
      .stdout.split('\n')
      .filter((l) => /^changes in|^ {2}[-+>~!] |^ {6}(was|now):/.test(l))
    expect(report).toEqual([
      'changes in petstore: 1 added, 1 removed, 1 renamed, 1 signature(s) changed, 1 newly deprecated',
      '  + petstore.listVaccines  GET /pet/{petId}/vaccines',
      '  - petstore.getInventory  GET /store/inventory  (callers of it will fail)',
      '  > petstore.deleteOrder is now petstore.removeOrder  DELETE /store/order/{orderId}',
      '  ~ petstore.findPetsByStatus  GET /pet/findByStatus',
      '      was: …tatus(input?: { status?: "available" | "pending" | "sold" }): Promise<Pet[]>',
      '      now: …tatus(input?: { status?: "available" | "sold" }): Promise<Pet[]>',
      '  ! petstore.getPetById  GET /pet/{petId}  newly deprecated',
    ])
  })
})
