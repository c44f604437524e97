// One loopback address in front of many upstreams: `/<api>/rest` goes to the upstream registered for <api>, so a
// Worker configured once (baseUrl `<router>/<api>`) can reach Prism servers that come and go during a test.
import { createServer, request as httpRequest } from 'node:http'

export interface ApiRouter {
  url: string
  /** Requests forwarded per API, as `METHOD /path?query` seen by the upstream. */
  requests: Map<string, string[]>
  route(api: string, upstream: string | undefined): void
  stop(): Promise<void>
}

/** Starts the router; an API with no upstream gets a 502 naming it. */
export async function startApiRouter(): Promise<ApiRouter> {
  const upstreams = new Map<string, URL>()
  const requests = new Map<string, string[]>()
  const server = createServer((req, res) => {
    const [, api = '', ...rest] = (req.url ?? '/').split('/')
    const target = upstreams.get(api)
    if (!target) {
      res.writeHead(502, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `no upstream for ${api}` }))
      return
    }
    const path = `/${rest.join('/')}`
    requests.set(api, [...(requests.get(api) ?? []), `${req.method} ${path}`])
    const out = httpRequest({ host: target.hostname, port: target.port, method: req.method, path, headers: { ...req.headers, host: target.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
    out.on('error', (err) => {
      res.writeHead(502, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: String(err) }))
    })
    req.pipe(out)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (api, upstream) => (upstream ? upstreams.set(api, new URL(upstream)) : upstreams.delete(api)),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
