// Golden files for petstore's artifacts, byte-identical rebuilds, and `tsc --noEmit` over the emitted sdk.d.ts of
// petstore, the edge-case fixture and the Swagger 2.0 fixture. Update goldens with `npx vitest run -u`.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildApi } from '../../codegen/build-api.ts'
import { ROOT, SHARED_SPECS } from '../support/generate.ts'

const PETSTORE = join(SHARED_SPECS, 'petstore.yaml')
const FIXTURES = join(import.meta.dirname, '__fixtures__')
const GOLDEN = join(import.meta.dirname, '__golden__/petstore')
const pretty = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`

describe('petstore golden files', async () => {
  const result = await buildApi(PETSTORE, 'petstore')

  it('emits the SDK declarations', async () => {
    await expect(result.sdk).toMatchFileSnapshot(join(GOLDEN, 'sdk.d.ts'))
  })

  it('emits the operation table', async () => {
    await expect(pretty({ meta: result.meta, operations: result.operations })).toMatchFileSnapshot(join(GOLDEN, 'operations.json'))
  })

  it('emits the type index', async () => {
    await expect(pretty(result.typeIndex)).toMatchFileSnapshot(join(GOLDEN, 'type-index.json'))
  })

  it('emits the same bytes on every build', async () => {
    const again = await buildApi(PETSTORE, 'petstore')
    expect(again.sdk).toBe(result.sdk)
    expect(JSON.stringify([again.meta, again.operations, again.schemas, again.typeIndex, again.searchDocs])).toBe(
      JSON.stringify([result.meta, result.operations, result.schemas, result.typeIndex, result.searchDocs]),
    )
  })
})

describe('tsc --noEmit over the emitted declarations', () => {
  it('typechecks petstore, the edge cases and the Swagger 2.0 fixture under strict settings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-tsc-'))
    const files: string[] = []
    for (const [spec, api] of [
      [PETSTORE, 'petstore'],
      [join(FIXTURES, 'edge-31.yaml'), 'edge'],
      [join(FIXTURES, 'swagger-20.yaml'), 'legacy'],
    ] as const) {
      const file = join(dir, `${api}.d.ts`)
      writeFileSync(file, (await buildApi(spec, api)).sdk)
      files.push(file)
    }
    expect(tsc(files)).toEqual({ status: 0, output: '' })
  })

  it('fails on a declaration that does not typecheck, so the check above can fail', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-tsc-'))
    writeFileSync(join(dir, 'bad.d.ts'), 'export interface A { x: components["nope"] }\n')
    expect(tsc([join(dir, 'bad.d.ts')])).toEqual({ status: 2, output: expect.stringContaining("error TS2304: Cannot find name 'components'.") })
  })
})

/** Runs the project's TypeScript compiler over declaration files alone, under strict settings. */
function tsc(files: string[]): { status: number | null; output: string } {
  const args = [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--noUncheckedIndexedAccess', '--lib', 'es2023', '--types', 'node', ...files]
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: ROOT })
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() }
}
