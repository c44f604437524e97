// Stage 1: read a spec file (JSON or YAML) into a plain object.
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { SpecError } from './spec-error.ts'

export interface LoadSpecResult {
  doc: Record<string, unknown>
  bytes: Buffer
}

/** Loads JSON or YAML. YAML uses the 1.2 core schema, so a malformed timestamp stays a string. */
export function loadSpec(file: string): LoadSpecResult {
  const bytes = readFileSync(file)
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  let doc: unknown
  try {
    doc = /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYaml(text, { schema: 'core', maxAliasCount: -1, uniqueKeys: false })
  } catch (err) {
    throw new SpecError(file, [
      { pointer: '#', message: `not valid JSON or YAML: ${(err as Error).message.split('\n')[0]?.replace(/:$/, '')}`, fix: 'correct the syntax at the position given' },
    ])
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new SpecError(file, [{ pointer: '#', message: 'the document is not an object', fix: 'an OpenAPI document starts with `openapi: 3.x` or `swagger: "2.0"`' }])
  }
  return { doc: doc as Record<string, unknown>, bytes }
}
