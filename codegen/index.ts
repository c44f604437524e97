// `npm run codegen`: every spec in openapi/ becomes one API under generated/<api>/. `--check` reports stale
// artifacts without writing. The file name is the namespace: openapi/cloudflare.json -> cloudflare.*
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { buildApi } from './build-api.ts'
import { diffOperations, formatDiff, readSurface, surfaceOf } from './diff-operations.ts'
import { nameApis } from './name-api.ts'
import { formatProblem, SpecError } from './spec-error.ts'
import { writeArtifacts } from './write-artifacts.ts'

const { values } = parseArgs({
  options: {
    specs: { type: 'string', default: 'openapi' },
    out: { type: 'string', default: 'generated' },
    check: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
})
const specDir = resolve(values.specs as string)
const outDir = resolve(values.out as string)
const log = (line: string) => values.quiet || console.log(line)

const files = readdirSync(specDir)
  .filter((f) => /\.(json|ya?ml)$/i.test(f))
  .sort()
if (files.length === 0) {
  console.error(`No specs in ${specDir}. Put an OpenAPI file there (e.g. openapi/petstore.yaml) and rerun.`)
  process.exit(1)
}

let apiNames: string[]
try {
  apiNames = nameApis(files)
} catch (err) {
  console.error((err as Error).message)
  process.exit(1)
}
let failed = 0
const built: string[] = []
const results = []
for (const [i, file] of files.entries()) {
  const api = apiNames[i] as string
  const t0 = performance.now()
  try {
    const result = await buildApi(join(specDir, file), api)
    results.push(result)
    built.push(api)
    const ms = Math.round(performance.now() - t0)
    const stages = Object.entries(result.timings)
      .map(([k, v]) => `${k} ${Math.round(v)}ms`)
      .join(', ')
    log(`codegen ${api}: ${result.meta.operationCount} operations, ${Object.keys(result.typeIndex.types).length} types in ${ms} ms (${stages})`)
    if (result.warnings.length)
      log(
        `  ${result.warnings.length} warning(s):\n${result.warnings.slice(0, 10).map(formatProblem).join('\n')}${result.warnings.length > 10 ? `\n  … and ${result.warnings.length - 10} more` : ''}`,
      )
  } catch (err) {
    failed++
    console.error(err instanceof SpecError ? err.message : `${file}: ${(err as Error).stack}`)
  }
}
if (failed) process.exit(1)
for (const r of results) {
  const before = readSurface(outDir, r.meta.name)
  const after = surfaceOf(r.operations, r.typeIndex)
  if (before) log(formatDiff(r.meta.name, diffOperations(before, after), after, before))
}
const stale = writeArtifacts(outDir, results, { check: values.check as boolean })
if (values.check) {
  if (stale.length) {
    console.error(`Stale artifacts: ${stale.join(', ')}. Run \`npm run codegen\`.`)
    process.exit(1)
  }
  log('codegen --check: artifacts are up to date')
}
