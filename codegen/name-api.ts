// The namespace an API gets in the sandbox comes from its spec's file name: openapi/cloudflare.json -> cloudflare.*
import { basename, extname } from 'node:path'
import { SpecError } from './spec-error.ts'

/** "cloudflare.json" -> "cloudflare", "my-api.v2.yaml" -> "myApiV2", "1password.yaml" -> "api1password". */
export function nameApi(file: string): string {
  const stem = basename(file, extname(file))
  const words = stem.split(/[^A-Za-z0-9]+/).filter(Boolean)
  const name = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('')
  return /^[0-9]/.test(name) ? `api${name}` : name || 'api'
}

/** Names every spec file; two files that would share a namespace are an error naming both. */
export function nameApis(files: string[]): string[] {
  const owner = new Map<string, string>()
  const names = files.map((file) => {
    const name = nameApi(file)
    const first = owner.get(name)
    if (first !== undefined) {
      throw new SpecError(file, [{ pointer: '#', message: `namespace "${name}" is already taken by ${first}`, fix: 'rename one of the two files: the file name is the namespace' }])
    }
    owner.set(name, file)
    return name
  })
  return names
}
