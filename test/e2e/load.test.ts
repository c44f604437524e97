// Many sessions at once: 20 official MCP clients, each with its own Streamable HTTP session, run 50 executes apiece
// against the real Worker and Prism. Every call must get back its own answer, and no execution may see another's
// globals. No timing is asserted here; scripts/bench-execute.ts measures latency.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PetstoreStack, startPetstore } from '../support/petstore.ts'
import { callTool, connect } from '../support/server.ts'

const SESSIONS = 20
const CALLS_PER_SESSION = 50
/** In flight per session; production allows 10 Dynamic Workers per Durable Object at once. */
const PER_SESSION_CONCURRENCY = 5

interface Outcome {
  session: number
  i: number
  isError: boolean
  answer?: { result?: { session: number; i: number; petId: number; pet: { id: number; name: string }; foreign: string[] }; meter?: { apiCalls: number } }
  text: string
}

let stack: PetstoreStack
let clients: Client[] = []

beforeAll(async () => {
  stack = await startPetstore()
  clients = await Promise.all(Array.from({ length: SESSIONS }, () => connect(stack.server.mcpUrl)))
})

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()))
  await stack?.stop()
})

const petIdOf = (session: number, i: number) => 1000 * (session + 1) + i

/** Model code that marks its own global, makes one API call, then reports any other execution's mark it can see. */
function codeFor(session: number, i: number): string {
  const tag = `__load_${session}_${i}`
  return `async () => {
  const g = globalThis as any
  const before = Object.keys(g).filter((k) => k.startsWith('__load_'))
  g['${tag}'] = true
  const pet = await petstore.getPetById({ petId: ${petIdOf(session, i)} })
  const after = Object.keys(g).filter((k) => k.startsWith('__load_'))
  return { session: ${session}, i: ${i}, petId: ${petIdOf(session, i)}, pet: { id: pet.id, name: pet.name }, foreign: [...before, ...after].filter((k) => k !== '${tag}') }
}`
}

async function runSession(client: Client, session: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  for (let start = 0; start < CALLS_PER_SESSION; start += PER_SESSION_CONCURRENCY) {
    const wave = Array.from({ length: Math.min(PER_SESSION_CONCURRENCY, CALLS_PER_SESSION - start) }, (_, k) => start + k)
    outcomes.push(
      ...(await Promise.all(
        wave.map(async (i) => {
          const { text, isError } = await callTool(client, 'execute', { code: codeFor(session, i) })
          let answer: Outcome['answer']
          try {
            answer = JSON.parse(text)
          } catch {
            answer = undefined
          }
          return { session, i, isError, answer, text }
        }),
      )),
    )
  }
  return outcomes
}

describe(`${SESSIONS} concurrent sessions, ${CALLS_PER_SESSION} executes each`, () => {
  let outcomes: Outcome[] = []

  beforeAll(async () => {
    outcomes = (await Promise.all(clients.map((client, session) => runSession(client, session)))).flat()
  }, 600_000)

  it('gives every one of the calls its own answer', () => {
    expect(outcomes).toHaveLength(SESSIONS * CALLS_PER_SESSION)
    const wrong = outcomes.filter(
      (o) =>
        o.isError || o.answer?.result?.session !== o.session || o.answer.result.i !== o.i || o.answer.result.petId !== petIdOf(o.session, o.i) || o.answer.meter?.apiCalls !== 1,
    )
    expect(wrong.map((o) => `session ${o.session} call ${o.i}: ${o.text.slice(0, 300)}`)).toEqual([])
  })

  it('returns the upstream answer to each call', () => {
    const pets = new Set(outcomes.map((o) => JSON.stringify(o.answer?.result?.pet)))
    expect([...pets]).toEqual([JSON.stringify({ id: 10, name: 'doggie' })])
  })

  it('sends each call upstream exactly once, with its own parameters', () => {
    const sent = stack.requests.filter((r) => r.method === 'GET' && r.url.startsWith('/pet/')).map((r) => r.url)
    const want = outcomes.map((o) => `/pet/${petIdOf(o.session, o.i)}`)
    expect(sent.sort()).toEqual(want.sort())
  })

  it('lets no execution see a global set by another execution or session', () => {
    const leaks = outcomes.filter((o) => (o.answer?.result?.foreign.length ?? 0) > 0)
    expect(leaks.map((o) => `session ${o.session} call ${o.i} saw ${o.answer?.result?.foreign.join(', ')}`)).toEqual([])
  })
})
