// The upstream a benchmark task calls: Prism mocking the spec (it validates parameters and bodies), behind a
// loopback proxy that fills in API-key headers the spec's security asks for beside the server's one credential.
// Cloudflare's spec, for one, names only the X-Auth-Email + X-Auth-Key pair on many operations, while the server
// sends a single credential (the API token); without the pair Prism answers 401 to an otherwise correct call.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Json } from '../../codegen/resolve-ref.ts'
import { startPrism } from '../../test/support/prism.ts'
import { startRecordingProxy } from '../../test/support/recording-proxy.ts'

/** Prism loads Cloudflare's 4 MB spec in about 10 s here; a spec it cannot load in this time gets no upstream. */
export const PRISM_START_TIMEOUT_MS = 180_000

export interface BenchUpstream {
  url: string
  stop(): Promise<void>
}

/** Starts Prism for a spec and a header-filling proxy in front of it; `url` is the proxy's. */
export async function startUpstream(doc: Json): Promise<BenchUpstream> {
  const specFile = join(mkdtempSync(join(tmpdir(), 'bench-upstream-')), 'spec.json')
  writeFileSync(specFile, JSON.stringify(offline(doc)))
  const prism = await startPrism(specFile, PRISM_START_TIMEOUT_MS)
  const schemes = Object.values(((doc.components as Json | undefined)?.securitySchemes ?? {}) as Record<string, Json>)
  const fill: Record<string, string> = {}
  for (const s of schemes) {
    if (s.type === 'apiKey' && s.in === 'header' && typeof s.name === 'string') fill[s.name.toLowerCase()] = /email/i.test(s.name) ? 'bench@example.com' : 'bench-key'
  }
  const proxy = await startRecordingProxy(prism.url, fill)
  return {
    url: proxy.url,
    stop: async () => {
      await proxy.stop()
      await prism.stop()
    },
  }
}

/**
 * A copy Prism can load offline. GitHub's spec carries SCIM example data with a `"$ref": https://api.github.com/…`
 * field, which Prism tries to download; a `$ref` that is not a local pointer is renamed `$ref_` (it is data).
 */
function offline(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node
  if (Array.isArray(node)) return node.map(offline)
  const out: Json = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) out.$ref_ = value
    else out[key] = offline(value)
  }
  return out
}
