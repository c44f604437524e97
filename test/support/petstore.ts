// The small, fast stack the load, conformance and inspector suites and the execute benchmark share: the petstore
// spec through codegen, Prism mocking it behind a recording proxy, and the real Worker in workerd.
import { join } from 'node:path'
import { generate, SHARED_SPECS } from './generate.ts'
import { startPrism, type Upstream } from './prism.ts'
import { type RecordedRequest, startRecordingProxy } from './recording-proxy.ts'
import { startServer, type TestServer } from './server.ts'

export const PETSTORE_SPEC = join(SHARED_SPECS, 'petstore.yaml')

export interface PetstoreStack {
  server: TestServer
  prism: Upstream
  /** Every request that reached Prism, in arrival order (empty when not recording). */
  requests: RecordedRequest[]
  stop(): Promise<void>
}

export interface StartPetstoreOptions {
  /** Extra Worker vars, e.g. limits. */
  vars?: Record<string, unknown>
  /** Policy for the petstore API (API_CONFIG.petstore beside its base URL), e.g. { approveWrites: true }. */
  policy?: Record<string, unknown>
  /** Put the recording proxy between the Worker and Prism (default true); benchmarks turn it off. */
  record?: boolean
  /** `log` shows the Worker's console.log lines (audit lines) on this process's stdout. */
  logLevel?: 'warn' | 'log'
}

/** Starts Prism, a recording proxy and the Worker serving the petstore API; `stop()` tears down all three. */
export async function startPetstore(options: StartPetstoreOptions = {}): Promise<PetstoreStack> {
  const generated = generate([PETSTORE_SPEC])
  const prism = await startPrism(PETSTORE_SPEC)
  const proxy = options.record === false ? undefined : await startRecordingProxy(prism.url)
  let server: TestServer
  try {
    server = await startServer({
      generated,
      vars: { API_CONFIG: { petstore: { baseUrl: proxy?.url ?? prism.url, ...options.policy } }, ...options.vars },
      secrets: { PETSTORE_API_TOKEN: 'petstore-test-token' },
      logLevel: options.logLevel,
    })
  } catch (err) {
    await proxy?.stop()
    await prism.stop()
    throw err
  }
  return {
    server,
    prism,
    requests: proxy?.requests ?? [],
    stop: async () => {
      await server.stop()
      await proxy?.stop()
      await prism.stop()
    },
  }
}
