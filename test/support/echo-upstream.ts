// A hostile upstream for tests: it records every request exactly as it arrived and reflects the request's headers
// back in every way a careless or malicious API might (JSON and text bodies, a redirect, the status line, an error
// body padded so that a 500-character cut would fall inside the credential, JSON with \u-escaped characters).
import { createServer, type IncomingHttpHeaders } from 'node:http'

export interface EchoedRequest {
  method: string
  /** The request target as received: path and query, undecoded. */
  url: string
  headers: IncomingHttpHeaders
  body: string
}

export interface EchoUpstream {
  url: string
  requests: EchoedRequest[]
  stop(): Promise<void>
}

const unicodeEscaped = (text: string) => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')

/**
 * Paths (after any base path) choose the reflection: /redirect, /status/<code>, /padded/<n>, /escaped, /text; anything
 * else echoes JSON. /both answers 401 without X-Auth-Email and X-Auth-Key, as an upstream enforcing its AND requirement.
 */
export async function startEchoUpstream(): Promise<EchoUpstream> {
  const requests: EchoedRequest[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      const seen: EchoedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }
      requests.push(seen)
      const credential = String(req.headers.authorization ?? req.headers['x-auth-key'] ?? '')
      const path = new URL(seen.url, 'http://upstream').pathname
      const json = (status: number, value: unknown, statusText?: string) => {
        res.writeHead(status, statusText ?? '', { 'content-type': 'application/json' })
        res.end(JSON.stringify(value))
      }
      if (path.endsWith('/both') && !(req.headers['x-auth-email'] && req.headers['x-auth-key'])) {
        json(401, { error: { message: 'X-Auth-Email and X-Auth-Key are required' } })
      } else if (path.endsWith('/redirect')) {
        res.writeHead(302, { location: `https://elsewhere.example/landing?seen=${encodeURIComponent(credential)}&raw=${credential}&url=${encodeURIComponent(seen.url)}` })
        res.end()
      } else if (/\/status\/\d+$/.test(path)) {
        json(Number(path.split('/').at(-1)), { error: { message: `rejected ${credential}` } }, `Denied ${credential.replace(/[^\x20-\x7e]/g, '')}`)
      } else if (/\/padded\/\d+$/.test(path)) {
        json(400, { message: `${'x'.repeat(Number(path.split('/').at(-1)))}${credential}` })
      } else if (path.endsWith('/escaped')) {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(`{"token":"${unicodeEscaped(credential)}"}`)
      } else if (path.endsWith('/text')) {
        res.writeHead(200, { 'content-type': 'text/plain' })
        res.end(
          Object.entries(req.headers)
            .map(([k, v]) => `${k}: ${v}`)
            .join('\n'),
        )
      } else {
        json(200, { method: seen.method, url: seen.url, headers: req.headers, body })
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, requests, stop: () => new Promise((resolve) => server.close(() => resolve())) }
}
