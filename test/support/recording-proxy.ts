// A loopback HTTP proxy in front of an upstream that records each request's method, path and headers, so tests
// can see exactly what left the host (the credential included) while the upstream stays real.
import { createServer, request as httpRequest } from 'node:http'

export interface RecordedRequest {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
}

/** `defaultHeaders` are added to each request that lacks them, after recording it. */
export async function startRecordingProxy(
  target: string,
  defaultHeaders: Record<string, string> = {},
): Promise<{ url: string; requests: RecordedRequest[]; stop(): Promise<void> }> {
  const requests: RecordedRequest[] = []
  const upstream = new URL(target)
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers } })
    const headers = { ...defaultHeaders, ...req.headers, host: upstream.host }
    const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
    out.on('error', (err) => {
      res.writeHead(502)
      res.end(String(err))
    })
    req.pipe(out)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, requests, stop: () => new Promise((resolve) => server.close(() => resolve())) }
}
