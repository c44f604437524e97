// The upstream a benchmark task calls: Prism mocking the spec (it validates parameters and bodies), behind a
// loopback proxy that fills in API-key headers the spec's security asks for beside the server's one credential.
// Cloudflare's spec, for one, names only the X-Auth-Email + X-Auth-Key pair on many operations, while the server
// sends a single credential (the API token); without the pair Prism answers 401 to an otherwise correct call.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Json } from '../../codegen/resolve-ref.ts'
import { startPrism, type Upstream } from '../../test/support/prism.ts'
import { startRecordingProxy } from '../../test/support/recording-proxy.ts'
import { expandRefs } from './build-flat-tools.ts'

/** Prism loads Cloudflare's 4 MB spec in about 10 s here; a spec it cannot load in this time gets a simpler copy. */
const PRISM_START_TIMEOUT_MS = 120_000
/** How deep the simpler copy inlines references (Stripe's: 22 MB, loaded in about 11 s; three deep is 170 MB). */
const FALLBACK_REF_DEPTH = 2

export interface BenchUpstream {
  url: string
  /** Set when Prism serves the simpler copy, saying so. */
  note?: string
  stop(): Promise<void>
}

/**
 * Starts Prism for a spec and a header-filling proxy in front of it; `url` is the proxy's. Stripe's spec, whose
 * schemas refer to each other densely, never finishes loading in Prism; it then gets a copy whose `paths` have
 * references inlined FALLBACK_REF_DEPTH deep, deeper ones accepting anything, and no component schemas.
 */
export async function startUpstream(doc: Json): Promise<BenchUpstream> {
  const copy = offline(doc) as Json
  let prism: Upstream
  let note: string | undefined
  try {
    prism = await startPrism(writeSpec(copy), PRISM_START_TIMEOUT_MS)
  } catch (err) {
    const bounds = { maxDepth: FALLBACK_REF_DEPTH, cut: () => ({}) }
    const components = { securitySchemes: (doc.components as Json | undefined)?.securitySchemes }
    prism = await startPrism(writeSpec({ ...copy, paths: expandRefs(copy, copy.paths, bounds), components }), PRISM_START_TIMEOUT_MS)
    note = `Prism could not start on the full spec (${(err as Error).message.split('\n')[0]?.replace(/ for \S+:?$/, '')}); it served a copy with references inlined ${FALLBACK_REF_DEPTH} deep and anything accepted below that, so responses are shallower than the real ones`
  }
  const schemes = Object.values(((doc.components as Json | undefined)?.securitySchemes ?? {}) as Record<string, Json>)
  const fill: Record<string, string> = {}
  for (const s of schemes) {
    if (s.type === 'apiKey' && s.in === 'header' && typeof s.name === 'string') fill[s.name.toLowerCase()] = /email/i.test(s.name) ? 'bench@example.com' : 'bench-key'
  }
  const proxy = await startRecordingProxy(prism.url, fill)
  return {
    url: proxy.url,
    note,
    stop: async () => {
      await proxy.stop()
      await prism.stop()
    },
  }
}

function writeSpec(doc: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bench-upstream-')), 'spec.json')
  writeFileSync(file, JSON.stringify(doc))
  return file
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
