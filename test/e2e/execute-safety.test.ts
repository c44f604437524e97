// execute under anything a model (or a prompt attacker) can write: limits, escapes, isolation and policy, against
// the real Worker in workerd, with Prism behind it. Three namespaces over the same petstore spec carry three
// policies; the guarded one is reached through a recording proxy, to see which writes left the host.

import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate, SHARED_SPECS } from '../support/generate.ts'
import { startPrism, type Upstream } from '../support/prism.ts'
import { type RecordedRequest, startRecordingProxy } from '../support/recording-proxy.ts'
import { callTool, connect, startServer, type TestServer } from '../support/server.ts'

const SECRET = 'petstore-secret-91b2c7'
const PETSTORE = join(SHARED_SPECS, 'petstore.yaml')
let prism: Upstream
let guardedUpstream: { url: string; requests: RecordedRequest[]; stop(): Promise<void> }
let server: TestServer
let client: Client

beforeAll(async () => {
  const generated = generate([PETSTORE, PETSTORE, PETSTORE], ['petstore', 'readonly', 'guarded'])
  prism = await startPrism(PETSTORE)
  guardedUpstream = await startRecordingProxy(prism.url)
  server = await startServer({
    generated,
    vars: {
      API_CONFIG: {
        petstore: { baseUrl: prism.url },
        readonly: { baseUrl: prism.url, readOnly: true },
        guarded: { baseUrl: guardedUpstream.url, deny: ['deleteUser'], maxWritesPerExecution: 1, approveWrites: true },
      },
      EXECUTE_TIMEOUT_MS: '4000',
      EXECUTE_MAX_CALLS: '5',
      EXECUTE_MAX_WRITES: '3',
      EXECUTE_MAX_RESULT_TOKENS: '1500',
    },
    secrets: { PETSTORE_API_TOKEN: SECRET, READONLY_API_TOKEN: SECRET, GUARDED_API_TOKEN: SECRET },
  })
  client = await connect(server.mcpUrl)
})

afterAll(async () => {
  await client?.close()
  await server?.stop()
  await guardedUpstream?.stop()
  await prism?.stop()
})

const run = (code: string, c: Client = client) => callTool(c, 'execute', { code })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const cpuLimit = (line: number) =>
  `CPU limit: more than 10,000,000 loop iterations and function calls in total (at line ${line}). Process less data per execute, or make the loop end sooner.`

/** A client that can elicit and answers every approval prompt with yes, after `delayMs`. */
async function approvingClient(delayMs = 0, onAnswer?: () => void): Promise<Client> {
  const approving = await connect(server.mcpUrl, { capabilities: { elicitation: {} } })
  approving.setRequestHandler(ElicitRequestSchema, async () => {
    await sleep(delayMs)
    onAnswer?.()
    return { action: 'accept', content: { approve: true } }
  })
  return approving
}

describe('limits', () => {
  it('stops a synchronous infinite loop with the CPU limit, naming the line', async () => {
    const { text, isError } = await run('async () => {\n  let n = 0\n  while (true) { n++ }\n}')
    expect(isError).toBe(true)
    expect(text).toBe(cpuLimit(3))
  })

  it('stops a loop whose body is a single statement', async () => {
    const { text } = await run('async () => { for (;;) ; }')
    expect(text).toBe(cpuLimit(1))
  })

  it.each([
    ['Array.from over a huge range', 'async () => {\n  return Array.from({ length: 30_000_000 }, (_, i) => i).length\n}', 2],
    ['map over a huge array', 'async () => {\n  const xs = new Array(20_000_000).fill(0)\n  return xs.map((x) => x + 1).length\n}', 3],
    ['reduce over a huge array', 'async () => {\n  const xs = new Array(20_000_000).fill(1)\n  return xs.reduce((sum, x) => {\n    return sum + x\n  }, 0)\n}', 3],
    ['sort with a comparator', 'async () => {\n  const xs = Array.from({ length: 3_000_000 }, (_, i) => (i * 7919) % 3_000_000)\n  return xs.sort((a, b) => a - b).length\n}', 3],
    ['deep recursion spread over calls', 'async () => {\n  const f = (n: number): number => (n === 0 ? 0 : 1 + f(n - 1))\n  let t = 0\n  while (true) t += f(1000)\n}', 2],
  ])('stops callbacks that native code calls without a loop statement: %s', async (_name, code, line) => {
    const { text, isError } = await run(code)
    expect(isError).toBe(true)
    expect(text).toBe(cpuLimit(line))
  })

  it('lets a catastrophic regular expression finish with its answer, and keeps serving another session', async () => {
    const other = await connect(server.mcpUrl)
    // 10,000 characters: exponential backtracking would never end; V8's linear-time fallback (LOCAL_V8_FLAGS) does.
    const [regex, quick] = await Promise.all([run(`async () => /(a+)+$/.test('a'.repeat(10_000) + 'b')`), run('async () => (await petstore.getPetById({ petId: 1 })).name', other)])
    expect(JSON.parse(regex.text).result).toBe(false)
    expect(JSON.parse(quick.text).result).toBe('doggie')
    const match = await run(`async () => /(a+)+c/.exec('a'.repeat(40) + 'baac')`)
    expect(JSON.parse(match.text).result).toEqual(['aac', 'aa'])
    await other.close()
  })

  it('leaves ordinary regular expressions as they were', async () => {
    const code = `async () => {
      const date = /(?<y>\\d{4})-(?<m>\\d{2})/.exec('on 2024-05-01')
      const sticky = /a/y
      sticky.lastIndex = 1
      return [date?.groups, date?.index, 'a-b-c'.replace(/-/g, '+'), [...'x1y22'.matchAll(/\\d+/g)].map((m) => m[0]), sticky.test('ba'), /\\p{L}+/u.exec('42 héllo')?.[0], /^(\\w+)\\s\\1$/.test('hey hey')]
    }`
    const { text, isError } = await run(code)
    expect(isError).toBe(false)
    expect(JSON.parse(text).result).toEqual([{ y: '2024', m: '05' }, 3, 'a+b+c', ['1', '22'], true, 'héllo', true])
  })

  it('keeps serving another session while one runs an infinite loop', async () => {
    const other = await connect(server.mcpUrl)
    const looping = run('async () => { while (true) {} }')
    const loopingAsync = run('async () => { while (true) { await new Promise((r) => setTimeout(r, 5)) } }')
    const finished: string[] = []
    const quick = run('async () => { const p = await petstore.getPetById({ petId: 1 }); return p.name }', other).then((r) => {
      finished.push('quick')
      return r
    })
    const slow = loopingAsync.then((r) => {
      finished.push('async loop')
      return r
    })
    const [sync, asyncLoop, ok] = await Promise.all([looping, slow, quick])
    expect(sync.text).toMatch(/^CPU limit/)
    expect(asyncLoop.text).toBe('Execution timed out after 4000 ms (wall-time limit). Make fewer or smaller calls, or split the work across several execute calls.')
    expect(JSON.parse(ok.text).result).toBe('doggie')
    expect(finished).toEqual(['quick', 'async loop'])
    await other.close()
  })

  it('limits the number of API calls', async () => {
    const { text, isError } = await run('async () => { for (let i = 0; i < 6; i++) await petstore.getPetById({ petId: 1 }) }')
    expect(isError).toBe(true)
    expect(text).toMatch(/^petstore\.getPetById: call limit reached \(5 API calls per execution\)\. Split the work across several execute calls\./)
  })

  it('limits the number of writes', async () => {
    const { text } = await run('async () => { for (let i = 0; i < 4; i++) await petstore.deleteOrder({ orderId: 1 }) }')
    expect(text).toMatch(/^petstore\.deleteOrder: write limit reached \(3 non-GET calls per execution\)/)
  })

  it('cuts a large result to the token budget, as valid JSON that says what was cut', async () => {
    const { text, isError } = await run('async () => Array.from({ length: 5000 }, (_, i) => ({ id: i, name: "pet " + i }))')
    expect(isError).toBe(false)
    const answer = JSON.parse(text)
    expect(answer.result.length).toBeLessThan(5000)
    expect(answer.result[0]).toEqual({ id: 0, name: 'pet 0' })
    expect(answer.truncated).toMatch(/^\$ \(kept \d+ of 5000 items\) cut to stay within 1500 tokens\. Return fewer items or only the fields you need/)
    expect(answer.meter.tokens).toBeLessThanOrEqual(1500)
  })

  it('refuses a result far too large to send, and says how to narrow it', async () => {
    const { text, isError } = await run('async () => "x".repeat(3_000_000)')
    expect(isError).toBe(true)
    expect(text).toMatch(/^the result is 3,000,002 characters, over the 2,097,152-character sandbox limit\. Return fewer items/)
  })

  it('carries a token meter on every answer', async () => {
    const answer = JSON.parse((await run('async () => ({ ok: true })')).text)
    expect(answer.meter).toEqual({ tokens: expect.any(Number), apiCalls: 0 })
  })
})

describe('raw requests', () => {
  it('gives path parameters taken from the path the type their schema declares', async () => {
    const { text, isError } = await run(`async () => (await petstore.request({ method: 'GET', path: '/pet/1' })).name`)
    expect(isError).toBe(false)
    expect(JSON.parse(text).result).toBe('doggie')
  })

  it('keeps a query string written in the path, and lets the explicit query win', async () => {
    const { text, isError } = await run(`async () => petstore.request({ method: 'GET', path: '/pet/findByStatus?status=gone' })`)
    expect(isError).toBe(true)
    expect(text).toMatch(/^petstore\.findPetsByStatus: status must be one of "available", "pending", "sold"; got string "gone"/)
    const explicit = await run(`async () => Array.isArray(await petstore.request({ method: 'GET', path: '/pet/findByStatus?status=gone', query: { status: 'sold' } }))`)
    expect(JSON.parse(explicit.text).result).toBe(true)
  })

  it('answers malformed percent-encoding with an error value', async () => {
    const { text, isError } = await run(`async () => petstore.request({ method: 'GET', path: '/pet/%zz' })`)
    expect(isError).toBe(true)
    expect(text).toMatch(/^petstore\.request: GET \/pet\/%zz: "%zz" is not valid percent-encoding; write a literal "%" as "%25"/)
  })
})

describe('escapes', () => {
  it.each([
    ['fetch to loopback', () => `async () => (await fetch('${prism.url}/pet/1')).status`],
    ['fetch to the internet', () => `async () => (await fetch('https://example.com/')).status`],
  ])('blocks %s', async (_name, code) => {
    const { text, isError } = await run(code())
    expect(isError).toBe(true)
    expect(text).toMatch(/^Error: This worker is not permitted to access the internet via global functions like fetch\(\)/)
  })

  it.each([
    [
      'connect() via cloudflare:sockets',
      `async () => { const { connect } = await import('cloudflare:sockets'); return connect('127.0.0.1:80') }`,
      'import is not available in the sandbox (line 1)',
    ],
    ['node:* modules', `async () => { const fs = await import('node:fs'); return fs }`, 'import is not available in the sandbox (line 1)'],
    ['cloudflare:workers (env)', `async () => {\n  const { env } = await import('cloudflare:workers')\n  return env\n}`, 'import is not available in the sandbox (line 2)'],
    ['import.meta', `async () => import.meta.url`, 'import.meta is not available in the sandbox (line 1).'],
  ])('refuses %s', async (_name, code, want) => {
    const { text, isError } = await run(code)
    expect(isError).toBe(true)
    expect(text.startsWith(want)).toBe(true)
  })

  it('refuses code generation from strings', async () => {
    const { text } = await run(`async () => (function () {}).constructor('return this')()`)
    expect(text).toMatch(/^EvalError: Code generation from strings disallowed/)
  })

  it('finds no credential in globals, env, prototypes or error stacks', async () => {
    const code = `async () => {
      const seen: string[] = []
      const g = globalThis as any
      for (const k of Reflect.ownKeys(g)) { try { seen.push(String(k) + '=' + JSON.stringify(g[k as any])) } catch { seen.push(String(k)) } }
      for (let p = Object.getPrototypeOf(g); p; p = Object.getPrototypeOf(p)) seen.push(...Object.getOwnPropertyNames(p))
      seen.push('env:' + typeof g.env, 'require:' + typeof g.require, 'process.env:' + JSON.stringify(g.process?.env ?? null))
      // Computed, so that the checks before running leave these failing calls to the host.
      const [bad, nope]: any[] = ['x', ['no', 'pe'].join('')]
      for (const probe of [() => petstore.getPetById({ petId: bad }), () => (petstore as any)[nope](), () => petstore.request({ method: 'GET', path: '/nowhere' })]) {
        try { await probe() } catch (e: any) { seen.push(e.message, String(e.stack)) }
      }
      const p = petstore as any
      seen.push(String(p.constructor), String(p.__proto__), typeof p.call, typeof p.usage)
      try { await p.usage() } catch (e: any) { seen.push(e.message) }
      try { await p.call('getPetById', { petId: 1 }) } catch (e: any) { seen.push(e.message) }
      return seen.join('\\n').slice(PAGE * 4000, PAGE * 4000 + 4000)
    }`
    // The probe's findings exceed one answer's token budget; read them page by page from identical fresh runs.
    let text = ''
    for (let page = 0; page < 20; page++) {
      const answer = await run(code.replaceAll('PAGE', String(page)))
      expect(answer.isError).toBe(false)
      const chunk = JSON.parse(answer.text).result as string
      if (!chunk) break
      text += chunk
    }
    expect(text.length).toBeGreaterThan(10_000)
    expect(text).not.toContain(SECRET)
    expect(text).not.toMatch(/PETSTORE_API_TOKEN|API_CONFIG/)
    expect(text).toContain('petstore.usage is not an operation of petstore')
    expect(text).toContain('petstore.call is not an operation of petstore')
    expect(text).toContain('env:undefined\nrequire:undefined\nprocess.env:')
  })

  it('starts every execution in a fresh isolate, shared with no other session', async () => {
    await run('async () => { (globalThis as any).leak = "from-first"; return 1 }')
    const other = await connect(server.mcpUrl)
    for (const c of [client, other]) {
      const { text } = await run('async () => typeof (globalThis as any).leak', c)
      expect(JSON.parse(text).result).toBe('undefined')
    }
    await other.close()
  })
})

describe('policy', () => {
  it('allows reads on a read-only API', async () => {
    expect(JSON.parse((await run('async () => (await readonly.getPetById({ petId: 1 })).name')).text).result).toBe('doggie')
  })

  it('refuses writes on a read-only API', async () => {
    const { text, isError } = await run('async () => readonly.deletePet({ petId: 1 })')
    expect(isError).toBe(true)
    expect(text).toMatch(/^readonly\.deletePet: this server is read-only for this API; only GET and HEAD calls are allowed \(this is DELETE\)/)
  })

  it('refuses an operation on the deny list', async () => {
    const { text } = await run('async () => guarded.deleteUser({ username: "a" })')
    expect(text).toMatch(/^guarded\.deleteUser: this operation is denied by the server policy/)
  })

  it('refuses writes that need approval when the client cannot elicit', async () => {
    const { text } = await run('async () => guarded.deleteOrder({ orderId: 1 })')
    expect(text).toMatch(/^guarded\.deleteOrder: write not approved \(this server requires a human to approve writes, and this MCP client does not support elicitation/)
  })

  it('asks the human through elicitation, and sends the write when approved', async () => {
    const asked: string[] = []
    const approving = await connect(server.mcpUrl, { capabilities: { elicitation: {} } })
    approving.setRequestHandler(ElicitRequestSchema, async (req) => {
      asked.push(req.params.message)
      return { action: 'accept', content: { approve: true } }
    })
    const { text, isError } = await run('async () => { await guarded.deleteOrder({ orderId: 7 }); return "deleted" }', approving)
    expect(isError).toBe(false)
    expect(JSON.parse(text).result).toBe('deleted')
    // The prompt shows the request as the host built it, with only a placeholder where the credential goes.
    expect(asked).toEqual([
      `Allow guarded.deleteOrder? It sends:\nDELETE ${guardedUpstream.url}/store/order/7\naccept: application/json, */*;q=0.5\nauthorization: Bearer [credential]`,
    ])
    const second = await run('async () => { await guarded.deleteOrder({ orderId: 7 }); await guarded.deleteOrder({ orderId: 8 }) }', approving)
    expect(second.text).toMatch(/^guarded\.deleteOrder: the policy allows 1 write\(s\) per execution/)
    await approving.close()
  })

  it("counts writes per API for that API's write limit, and every API for the execution's", async () => {
    const approving = await approvingClient()
    const mixed = await run('async () => { await petstore.deleteOrder({ orderId: 1 }); await guarded.deleteOrder({ orderId: 9 }); return "both" }', approving)
    expect(mixed.isError).toBe(false)
    expect(JSON.parse(mixed.text).result).toBe('both')
    const over = await run('async () => { for (let i = 0; i < 3; i++) await petstore.deleteOrder({ orderId: 1 }); await guarded.deleteOrder({ orderId: 9 }) }', approving)
    expect(over.text).toMatch(/^guarded\.deleteOrder: write limit reached \(3 non-GET calls per execution\)/)
    await approving.close()
  })

  it('does not send a write approved after the execution timed out', async () => {
    let answered!: () => void
    const lateAnswer = new Promise<void>((resolve) => {
      answered = resolve
    })
    const late = await approvingClient(5500, () => answered())
    const { text } = await run('async () => guarded.deleteOrder({ orderId: 41 })', late)
    expect(text).toBe('Execution timed out after 4000 ms (wall-time limit). Make fewer or smaller calls, or split the work across several execute calls.')
    await lateAnswer
    await sleep(1500)
    expect(guardedUpstream.requests.filter((r) => r.url.startsWith('/store/order/41'))).toEqual([])
    await late.close()
  })

  it('refuses the write when the human declines', async () => {
    const declining = await connect(server.mcpUrl, { capabilities: { elicitation: {} } })
    declining.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'decline' }))
    const { text } = await run('async () => guarded.deleteOrder({ orderId: 1 })', declining)
    expect(text).toMatch(/^guarded\.deleteOrder: write not approved \(the user declined\)/)
    await declining.close()
  })
})
