// Stage 2: bring Swagger 2.0 up to OpenAPI 3.0 with swagger2openapi, the converter most tools rely on.
import swagger2openapi from 'swagger2openapi'
import { SpecError } from './spec-error.ts'

export interface ConvertResult {
  doc: Record<string, unknown>
  warnings: string[]
}

/** Returns OpenAPI 3.x unchanged; converts Swagger 2.0; rejects anything else with the fix. */
export async function convertSwagger2(file: string, doc: Record<string, unknown>): Promise<ConvertResult> {
  if (typeof doc.openapi === 'string' && /^3\.[01](\.|$)/.test(doc.openapi)) return { doc, warnings: [] }
  if (typeof doc.openapi === 'string' && /^3\.\d+(\.|$)/.test(doc.openapi)) {
    const warning = `OpenAPI ${doc.openapi} is read as 3.1.0; what later versions added is ignored`
    return { doc: { ...doc, openapi: '3.1.0' }, warnings: [warning] }
  }
  if (doc.swagger !== '2.0') {
    throw new SpecError(file, [
      {
        pointer: '#/openapi',
        message: `unsupported version ${JSON.stringify(doc.openapi ?? doc.swagger ?? null)}`,
        fix: 'set `openapi: 3.0.3` or `openapi: 3.1.0` (or `swagger: "2.0"`)',
      },
    ])
  }
  try {
    const out = await swagger2openapi.convertObj(structuredClone(doc), { patch: true, warnOnly: true, resolve: false, direct: false })
    const warnings = ['converted from Swagger 2.0 with swagger2openapi']
    return { doc: out.openapi as Record<string, unknown>, warnings }
  } catch (err) {
    throw new SpecError(file, [{ pointer: '#', message: `Swagger 2.0 conversion failed: ${(err as Error).message}`, fix: 'validate the document with swagger-cli' }])
  }
}
