// The floor for bench:execute: `GET /load` loads a fresh Dynamic Worker holding a trivial module (no network, no
// env, as the sandbox is loaded) and calls it once over RPC; `GET /` answers without loading anything.

interface FloorEntrypoint {
  run(): Promise<number>
}

interface FloorEnv {
  LOADER: {
    load(code: { compatibilityDate: string; mainModule: string; modules: Record<string, string>; globalOutbound: null; env: object }): {
      getEntrypoint(): FloorEntrypoint
    }
  }
}

const TRIVIAL_MODULE = `import { WorkerEntrypoint } from 'cloudflare:workers'
export default class extends WorkerEntrypoint { async run() { return 1 } }`

export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    if (new URL(request.url).pathname !== '/load') return new Response('ok')
    const worker = env.LOADER.load({
      compatibilityDate: '2026-08-22',
      mainModule: 'floor.js',
      modules: { 'floor.js': TRIVIAL_MODULE },
      globalOutbound: null,
      env: {},
    })
    return new Response(String(await worker.getEntrypoint().run()))
  },
}
