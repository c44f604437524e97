// The demo's upstreams: one Prism mock per built API, loaded from the same Prism-ready copy of its spec the tests use
// (test/support/prism-ready.ts), and a placeholder credential for every security scheme, so requests are complete
// and Prism's security checks pass. Nothing here reaches the network.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { nameApis } from '../../codegen/name-api.ts'
import { secretName } from '../../src/config.ts'
import { startPrism, type Upstream } from '../../test/support/prism.ts'
import { prismReady } from '../../test/support/prism-ready.ts'

export const PLACEHOLDER = 'demo-placeholder-not-a-real-credential'

export interface MockedApis {
  /** Per API: its spec file and the mock's URL. */
  apis: { api: string; spec: string; url: string }[]
  apiConfig: Record<string, { baseUrl: string }>
  secrets: Record<string, string>
  stop(): Promise<void>
}

export async function startMocks(specDir: string, generatedDir: string): Promise<MockedApis> {
  const files = readdirSync(specDir)
    .filter((f) => /\.(json|ya?ml)$/i.test(f))
    .sort()
  const names = nameApis(files)
  const started: Upstream[] = []
  const stop = async () => {
    await Promise.all(started.map((p) => p.stop()))
  }
  try {
    const urls = await Promise.all(
      files.map(async (file) => {
        const prism = await startPrism(prismReady(join(specDir, file)), 180_000)
        started.push(prism)
        return prism.url
      }),
    )
    const apis = names.map((api, i) => ({ api, spec: join(specDir, files[i] as string), url: urls[i] as string }))
    const secrets: Record<string, string> = {}
    for (const { api } of apis) {
      const { meta } = JSON.parse(readFileSync(join(generatedDir, api, 'operations.json'), 'utf8')) as { meta: { securitySchemes: { name: string }[] } }
      for (const name of [...meta.securitySchemes.map((s) => s.name), 'api_token']) secrets[secretName(api, name)] = PLACEHOLDER
    }
    return { apis, apiConfig: Object.fromEntries(apis.map((a) => [a.api, { baseUrl: a.url }])), secrets, stop }
  } catch (err) {
    await stop()
    throw err
  }
}
