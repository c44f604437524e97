// tools/call on /mcp run by the Worker (src/session/direct-tool-calls.ts), against the real Worker, Prism and raw
// HTTP: answered as JSON rather than through agents' WebSocket bridge as server-sent events; anything else, and any
// call that might have to ask the human to approve a write, left to agents' transport; and hostile requests (unknown
// and ended sessions, reused ids, batches, unsupported versions, no params) answered as agents would, with nothing
// sent upstream and nothing stored for a session that is not open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsKeyed } from '../support/count-session-storage.ts'
import { type PetstoreStack, startPetstore } from '../support/petstore.ts'

let plain: PetstoreStack
let approving: PetstoreStack
let patient: PetstoreStack

beforeAll(async () => {
  ;[plain, approving, patient] = await Promise.all([startPetstore(), startPetstore({ policy: { approveWrites: true } }), startPetstore({ vars: { EXECUTE_TIMEOUT_MS: '120000' } })])
}, 180_000)

afterAll(async () => {
  await Promise.all([plain?.stop(), approving?.stop(), patient?.stop()])
})

const VERSION = '2025-06-18'
const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }

/** Starts a session by hand; `capabilities` are the client's (elicitation or not). */
async function startSession(stack: PetstoreStack, capabilities: Record<string, unknown> = {}): Promise<string> {
  const init = await post(stack, undefined, {
    jsonrpc: '2.0',
    id: 0,
    method: 'initialize',
    params: { protocolVersion: VERSION, capabilities, clientInfo: { name: 't', version: '1' } },
  })
  const session = init.headers.get('mcp-session-id')
  await init.body?.cancel()
  expect(session).toBeTruthy()
  const ready = await post(stack, session!, { jsonrpc: '2.0', method: 'notifications/initialized' })
  expect(ready.status).toBe(202)
  return session!
}

function post(stack: PetstoreStack, session: string | undefined, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const sessionHeaders: Record<string, string> = session ? { 'mcp-session-id': session, 'mcp-protocol-version': VERSION } : {}
  return fetch(stack.server.mcpUrl, { method: 'POST', headers: { ...HEADERS, ...sessionHeaders, ...headers }, body: JSON.stringify(body) })
}

/** A session id of the shape agents makes (64 hex digits) that no session has: the Worker's own path answers it. */
const UNKNOWN_ID = (digit: string) => digit.repeat(64)

const execute = (id: number | string, code: string) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'execute', arguments: { code } } })

/** The JSON-RPC response in an answer, whichever way it came: JSON, or the data of a server-sent event. */
async function response(res: Response): Promise<{ id?: unknown; result?: { content: { text: string }[]; isError?: boolean }; error?: { code: number; message: string } }> {
  const text = await res.text()
  if (res.headers.get('content-type')?.includes('application/json')) return JSON.parse(text)
  const data = text.split('\n').filter((l) => l.startsWith('data: '))
  return JSON.parse(data.at(-1)!.slice('data: '.length))
}

describe('tools/call on /mcp', () => {
  it('is answered as JSON by the Worker, with the session header, and the session store works', async () => {
    const session = await startSession(plain)
    const mark = plain.requests.length
    const res = await post(plain, session, execute(1, "async () => { await session.set('pet', (await petstore.getPetById({ petId: 1 })).name); return 'kept' }"))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(res.headers.get('mcp-session-id')).toBe(session)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const answer = await response(res)
    expect(answer.id).toBe(1)
    expect(JSON.parse(answer.result!.content[0]!.text).result).toBe('kept')
    // The upstream received the one request the call checked, with the operator's credential.
    expect(plain.requests.slice(mark).map((r) => [r.method, r.url, r.headers.authorization])).toEqual([['GET', '/pet/1', 'Bearer petstore-test-token']])
    const next = await response(await post(plain, session, execute('two', "async () => session.get('pet')")))
    expect(next.id).toBe('two')
    expect(JSON.parse(next.result!.content[0]!.text).result).toBe('doggie')
  })

  it('answers an unknown session 404, as agents does, and sends the upstream nothing', async () => {
    const mark = plain.requests.length
    const res = await post(plain, UNKNOWN_ID('a'), execute(1, 'async () => petstore.getPetById({ petId: 1 })'))
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null })
    expect(plain.requests.slice(mark)).toEqual([])
  })

  it('leaves a session id agents would not have made to agents, which answers it 404', async () => {
    const mark = plain.requests.length
    const res = await post(plain, 'not-an-id-agents-makes', execute(1, 'async () => petstore.getPetById({ petId: 1 })'))
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null })
    expect(plain.requests.slice(mark)).toEqual([])
  })

  it('answers two calls under the same id at once each with its own answer: each has its own HTTP response', async () => {
    const session = await startSession(plain)
    const slow = post(plain, session, execute(7, 'async () => { await new Promise((r) => setTimeout(r, 1500)); return 1 }'))
    await new Promise((r) => setTimeout(r, 300))
    const fast = await response(await post(plain, session, execute(7, 'async () => 2')))
    expect(fast.id).toBe(7)
    expect(JSON.parse(fast.result!.content[0]!.text).result).toBe(2)
    const first = await response(await slow)
    expect(first.id).toBe(7)
    expect(JSON.parse(first.result!.content[0]!.text).result).toBe(1)
  })

  it("never writes an ended session's store back: a call still running when the session is DELETEd is refused", async () => {
    const session = await startSession(plain)
    const late = post(plain, session, execute(1, "async () => { await new Promise((r) => setTimeout(r, 1500)); await session.set('late-write', 1); return 'wrote' }"))
    await new Promise((r) => setTimeout(r, 500))
    const ended = await fetch(plain.server.mcpUrl, { method: 'DELETE', headers: { 'mcp-session-id': session, 'mcp-protocol-version': VERSION } })
    expect(ended.status).toBe(204)
    const answer = await response(await late)
    expect(answer.result!.isError).toBe(true)
    // The object refuses it: as ended, or, once the DELETE's destroy has run, as gone.
    expect(answer.result!.content[0]!.text).toMatch(
      /^session\.set\("late-write"\): (this session has ended, so its store is gone; start a new session|the session's store could not be reached; if the session has ended, start a new one) at line 1$/,
    )
    expect(rowsKeyed(plain.server.persistDir, 'late-write')).toBe(0)
  })

  it('answers an unknown session 404 as soon as that is known, not when its code would have finished', async () => {
    const started = Date.now()
    const res = await post(plain, UNKNOWN_ID('b'), execute(1, 'async () => { await new Promise((r) => setTimeout(r, 20000)); return 1 }'))
    expect(res.status).toBe(404)
    await res.body?.cancel()
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('leaves a tools/call without params to agents, which refuses it as the SDK does', async () => {
    const session = await startSession(plain)
    const res = await post(plain, session, { jsonrpc: '2.0', id: 3, method: 'tools/call' })
    expect(res.status).not.toBe(500)
    // The SDK's own answer (its handler reads params.name): an internal error, on agents' stream.
    expect((await response(res)).error?.code).toBe(-32603)
  })

  it('lets code on an unknown session neither call the API nor write a store', async () => {
    const mark = plain.requests.length
    const res = await post(plain, UNKNOWN_ID('c'), execute(1, "async () => { await session.set('stray-write', 1).catch(() => {}); return petstore.getPetById({ petId: 1 }) }"))
    expect(res.status).toBe(404)
    expect(plain.requests.slice(mark)).toEqual([])
    expect(rowsKeyed(plain.server.persistDir, 'stray-write')).toBe(0)
  })

  it('answers a session ended by DELETE 404 at once, though a call had just found it open', async () => {
    const session = await startSession(plain)
    expect(JSON.parse((await response(await post(plain, session, execute(1, 'async () => 1')))).result!.content[0]!.text).result).toBe(1)
    const ended = await fetch(plain.server.mcpUrl, { method: 'DELETE', headers: { 'mcp-session-id': session, 'mcp-protocol-version': VERSION } })
    expect(ended.status).toBe(204)
    const res = await post(plain, session, execute(1, 'async () => 1'))
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null })
  })

  it('answers only at /mcp itself: a tools/call under /mcp/ is left to agents', async () => {
    const session = await startSession(plain)
    const res = await fetch(new URL('/mcp/elsewhere', plain.server.url), {
      method: 'POST',
      headers: { ...HEADERS, 'mcp-session-id': session, 'mcp-protocol-version': VERSION },
      body: JSON.stringify(execute(1, 'async () => 1')),
    })
    expect(res.status).not.toBe(200)
    await res.body?.cancel()
  })

  it('leaves a batch and an unsupported protocol version to agents', async () => {
    const session = await startSession(plain)
    const batch = await post(plain, session, [execute(1, 'async () => 5')])
    expect(batch.headers.get('content-type')).toContain('text/event-stream')
    expect(JSON.parse((await response(batch)).result!.content[0]!.text).result).toBe(5)
    const old = await post(plain, session, execute(2, 'async () => 1'), { 'mcp-protocol-version': '1999-01-01' })
    expect(old.status).toBe(400)
    expect(((await old.json()) as { error: { message: string } }).error.message).toContain('Unsupported protocol version: 1999-01-01')
  })

  it('goes through agents when the client can be asked to approve a write, so the approval reaches it', async () => {
    const session = await startSession(approving, { elicitation: {} })
    const write = post(approving, session, execute(1, "async () => petstore.addPet({ body: { name: 'x', photoUrls: [] } })"))
    const res = await write
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    // The stream's first event asks the human; this client does not answer, so the stream is left open.
    const reader = res.body!.getReader()
    let text = ''
    while (!text.includes('elicitation/create')) {
      const { done, value } = await reader.read()
      if (done) break
      text += new TextDecoder().decode(value)
    }
    expect(text).toContain('Allow petstore.addPet?')
    await reader.cancel()
  })

  it('goes through agents, whose stream keeps the connection alive, when an execute may outlast the edge idle limit', async () => {
    const session = await startSession(patient)
    const res = await post(patient, session, execute(1, 'async () => 4'))
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    expect(JSON.parse((await response(res)).result!.content[0]!.text).result).toBe(4)
  })

  it('answers directly when the client cannot be asked, refusing the write by name', async () => {
    const session = await startSession(approving)
    const mark = approving.requests.length
    const res = await post(approving, session, execute(1, "async () => petstore.addPet({ body: { name: 'x', photoUrls: [] } })"))
    expect(res.headers.get('content-type')).toContain('application/json')
    const answer = await response(res)
    expect(answer.result!.isError).toBe(true)
    expect(answer.result!.content[0]!.text).toContain('this MCP client does not support elicitation')
    // The write never reached the upstream.
    expect(approving.requests.slice(mark)).toEqual([])
  })
})
