// A small stateful Cloudflare-shaped upstream for the multi-step token benchmark: zones, their DNS records, and
// record deletion, paged the way the spec says (page/per_page with result_info). It counts every request, so the
// benchmark can show that both agents made the same upstream calls. `reset()` puts the records back.
import { createServer } from 'node:http'

export interface DnsUpstream {
  url: string
  /** Requests received since the last reset, as "METHOD /path". */
  requests: string[]
  /** The records that point at `target`, as seeded. */
  matching: number
  reset(): void
  stop(): Promise<void>
}

export interface DnsUpstreamOptions {
  zones: number
  recordsPerZone: number
  /** Records per zone whose content is `target`. */
  matchesPerZone: number
  target: string
}

const hex = (n: number, prefix: string) => `${prefix}${n.toString(16).padStart(31, '0')}`

/** Starts the upstream on a free loopback port. */
export async function startDnsUpstream(o: DnsUpstreamOptions): Promise<DnsUpstream> {
  const zones = Array.from({ length: o.zones }, (_, z) => ({ id: hex(z, 'a'), name: `zone${z}.example.com`, status: 'active' }))
  let records = new Map<string, Record<string, unknown>[]>()
  const requests: string[] = []
  const reset = () => {
    requests.length = 0
    records = new Map(
      zones.map((zone, z) => [
        zone.id,
        Array.from({ length: o.recordsPerZone }, (_, r) => ({
          id: hex(z * 10_000 + r, 'b'),
          zone_id: zone.id,
          zone_name: zone.name,
          name: `host${r}.${zone.name}`,
          type: 'A',
          content: r < o.matchesPerZone ? o.target : `198.51.100.${r % 250}`,
          proxied: r % 2 === 0,
          ttl: 3600,
          comment: null,
          tags: [],
          created_on: '2026-01-01T00:00:00Z',
          modified_on: '2026-01-01T00:00:00Z',
        })),
      ]),
    )
  }
  reset()
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://upstream')
    requests.push(`${req.method} ${url.pathname}`)
    req.resume()
    const send = (status: number, result: unknown, info?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ success: status < 400, errors: [], messages: [], result, ...(info ? { result_info: info } : {}) }))
    }
    const page = (all: unknown[]) => {
      const [n, size] = [Number(url.searchParams.get('page') ?? 1), Number(url.searchParams.get('per_page') ?? 20)]
      const items = all.slice((n - 1) * size, n * size)
      send(200, items, { page: n, per_page: size, count: items.length, total_count: all.length, total_pages: Math.ceil(all.length / size) })
    }
    const parts = url.pathname.split('/').filter(Boolean)
    const zoneRecords = parts[0] === 'zones' && parts[2] === 'dns_records' ? records.get(parts[1] ?? '') : undefined
    if (req.method === 'GET' && parts.length === 1 && parts[0] === 'zones') return page(zones)
    if (!zoneRecords) return send(404, null)
    if (req.method === 'GET' && parts.length === 3) return page(zoneRecords)
    const at = zoneRecords.findIndex((r) => r.id === parts[3])
    if (req.method === 'DELETE' && parts.length === 4 && at >= 0) return send(200, { id: zoneRecords.splice(at, 1)[0]?.id })
    send(404, null)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    matching: o.zones * o.matchesPerZone,
    reset,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
