// The floor for bench:execute: `GET /load` loads a fresh Dynamic Worker holding a trivial module (no network, no
// env, as the sandbox is loaded) and calls it once over RPC; `GET /load?upstream=URL` then also fetches URL, as an
// execute's one API call does, and answers with its status; `GET /` answers without loading anything.

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
    const url = new URL(request.url)
    if (url.pathname !== '/load') return new Response('ok')
    const worker = env.LOADER.load({
      compatibilityDate: '2026-08-22',
      mainModule: 'floor.js',
      modules: { 'floor.js': TRIVIAL_MODULE },
      globalOutbound: null,
      env: {},
    })
    const ran = await worker.getEntrypoint().run()
    const upstream = url.searchParams.get('upstream')
    if (!upstream) return new Response(String(ran))
    const answer = await fetch(upstream, { headers: { accept: 'application/json', api_key: 'floor' } })
    await answer.arrayBuffer()
    return new Response(String(answer.status))
  },
}
