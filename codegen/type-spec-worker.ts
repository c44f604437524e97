// Runs openapi-typescript off the main thread, in a worker with a deep stack: its bundler and transformer recurse
// once per nested `$ref`, so a long chain of references would overflow the default stack. Used by emit-types.ts.
import { parentPort, workerData } from 'node:worker_threads'
import { createConfig } from '@redocly/openapi-core'
import openapiTS, { astToString } from 'openapi-typescript'

// openapi-typescript's default lint stops on problems codegen has already settled or can serve anyway (duplicate
// operationIds, a trailing slash on a server URL, a structural nit): keep the lint, as warnings.
const LENIENT_RULES = {
  struct: 'warn',
  'no-unresolved-refs': 'warn',
  'no-server-trailing-slash': 'off',
  'no-server-variables-empty-enum': 'off',
  'operation-operationId-unique': 'off',
}

const { doc } = workerData as { doc: object }
try {
  const redocly = await createConfig({ rules: LENIENT_RULES } as never, { extends: ['minimal'] } as never)
  parentPort?.postMessage({ ok: true, text: astToString(await openapiTS(doc as never, { silent: true, redocly })) })
} catch (err) {
  parentPort?.postMessage({ ok: false, message: String((err as Error)?.message ?? err) })
}
