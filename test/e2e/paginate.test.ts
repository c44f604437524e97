// <api>.paginate(name, input, { maxItems }) over the four paging styles codegen detects, against the real Worker
// and a paging upstream that records every request. The upstream is hostile where it can be: a Link header to
// another host, and a cursor that looks like a path.
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate } from '../support/generate.ts'
import { callTool, connect, startServer, type TestServer } from '../support/server.ts'

const ITEMS = Array.from({ length: 5 }, (_, i) => ({ id: `i${i}` }))
const seen: string[] = []
let upstream: Server
let base: string
let server: TestServer
let client: Client

/** Five items, two per page, in whichever style the path asks for. */
function answer(url: URL): { body: unknown; link?: string } {
  const page = Number(url.searchParams.get('page') ?? 1)
  const slice = (from: number) => ITEMS.slice(from, from + 2)
  // A mock that ignores the page parameter (Prism's examples): the same page, and a total it never reaches.
  if (url.pathname === '/same') return { body: { result: slice(0), result_info: { total_pages: 2000 } } }
  if (url.pathname === '/pages') return { body: { result: slice((page - 1) * 2), result_info: { total_pages: 3 } } }
  if (url.pathname === '/cursor') {
    const at = Number((url.searchParams.get('cursor') ?? 'c0').replace(/^c|\/.*$/g, '')) || 0
    const next = at + 2 < ITEMS.length ? (at === 0 ? 'c2/../../admin' : `c${at + 2}`) : ''
    return { body: { result: slice(at), result_info: { cursor: next } } }
  }
  if (url.pathname === '/linked') {
    const target = url.searchParams.get('evil') ? `http://evil.example/linked?page=${page + 1}` : `${base}/linked?page=${page + 1}&per_page=2`
    return { body: slice((page - 1) * 2), link: page < 3 ? `<${target}>; rel="next", <${base}/linked?page=3>; rel="last"` : undefined }
  }
  const after = ITEMS.findIndex((i) => i.id === url.searchParams.get('starting_after')) + 1
  return { body: { data: slice(after), has_more: after + 2 < ITEMS.length } }
}

beforeAll(async () => {
  upstream = createServer((req, res) => {
    seen.push(req.url ?? '')
    const { body, link } = answer(new URL(req.url ?? '/', 'http://x'))
    res.writeHead(200, { 'content-type': 'application/json', ...(link ? { link } : {}) })
    res.end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`
  const generated = generate([join(import.meta.dirname, '__fixtures__/paged.yaml')])
  server = await startServer({ generated, vars: { API_CONFIG: { paged: { baseUrl: base } } } })
  client = await connect(server.mcpUrl)
})

afterAll(async () => {
  await client?.close()
  await server?.stop()
  await new Promise((resolve) => upstream?.close(resolve))
})

const collect = (call: string) => `async () => { const ids = []; for await (const item of ${call}) ids.push(item.id); return ids }`
const run = async (code: string) => {
  const from = seen.length
  const { text, isError } = await callTool(client, 'execute', { code })
  return { text, isError, sent: seen.slice(from) }
}

describe('paginate', () => {
  it.each([
    ['page numbers up to the total', "paged.paginate('listPages', { per_page: 2 })", ['/pages?per_page=2', '/pages?page=2&per_page=2', '/pages?page=3&per_page=2']],
    ['a cursor, sent as a query value however it looks', "paged.paginate('listByCursor', {})", ['/cursor', '/cursor?cursor=c2%2F..%2F..%2Fadmin', '/cursor?cursor=c4']],
    ['Link headers on the same origin and path', "paged.paginate('listLinked', {})", ['/linked', '/linked?page=2', '/linked?page=3']],
    ['has_more and starting_after', "paged.paginate('listStripe', { limit: 2 })", ['/stripe?limit=2', '/stripe?starting_after=i1&limit=2', '/stripe?starting_after=i3&limit=2']],
  ])('follows %s, every page through the host', async (_name, call, urls) => {
    const { text, isError, sent } = await run(collect(call))
    expect(isError, text).toBe(false)
    expect(JSON.parse(text).result).toEqual(ITEMS.map((i) => i.id))
    expect(sent).toEqual(urls)
  })

  it('stops when a page repeats the one before it, yielding its items once', async () => {
    const { text, isError, sent } = await run(collect("paged.paginate('listSame', {})"))
    expect(isError, text).toBe(false)
    expect(JSON.parse(text).result).toEqual(['i0', 'i1'])
    expect(sent).toEqual(['/same', '/same?page=2'])
  })

  it('stops at maxItems without asking for more pages', async () => {
    const { text, sent } = await run(collect("paged.paginate('listPages', { per_page: 2 }, { maxItems: 3 })"))
    expect(JSON.parse(text).result).toEqual(['i0', 'i1', 'i2'])
    expect(sent).toEqual(['/pages?per_page=2', '/pages?page=2&per_page=2'])
  })

  it('does not follow a Link header to another host', async () => {
    const { text, isError, sent } = await run(collect("paged.paginate('listLinked', { evil: 'yes' })"))
    expect(isError).toBe(true)
    expect(text).toBe(`paged.listLinked: the upstream's Link header points the next page at http://evil.example/linked, not at ${base}/linked; it was not followed at line 1`)
    expect(sent).toEqual(['/linked?evil=yes'])
  })

  it('names an operation that does not page, before running', async () => {
    const { text, isError, sent } = await run(collect("paged.paginate('getSingle', {})"))
    expect(isError).toBe(true)
    expect(text).toBe(
      'Not run: checked before running, nothing was sent. Fix these and call execute again:\nline 1: paged.getSingle does not page (its spec shows no pagination); call paged.getSingle(input) directly.',
    )
    expect(sent).toEqual([])
  })
})
