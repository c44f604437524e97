// A second, independent client: the MCP Inspector CLI, run from node_modules with this Node (22), lists the two
// tools and calls execute against the real Worker.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/generate.ts'
import { type PetstoreStack, startPetstore } from '../support/petstore.ts'

const INSPECTOR_BIN = join(ROOT, 'node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js')

let stack: PetstoreStack

beforeAll(async () => {
  stack = await startPetstore()
})

afterAll(async () => {
  await stack?.stop()
})

/** Runs `inspector --cli <url> --transport http …` and parses the JSON it prints. */
async function inspect(...args: string[]): Promise<unknown> {
  const { stdout } = await promisify(execFile)(process.execPath, [INSPECTOR_BIN, '--cli', stack.server.mcpUrl.href, '--transport', 'http', ...args], {
    cwd: ROOT,
    timeout: 60_000,
  })
  return JSON.parse(stdout)
}

describe('MCP Inspector CLI', () => {
  it('lists exactly search and execute', async () => {
    const { tools } = (await inspect('--method', 'tools/list')) as { tools: { name: string }[] }
    expect(tools.map((t) => t.name).sort()).toEqual(['execute', 'search'])
  })

  it('calls execute and gets the value back', async () => {
    const out = (await inspect('--method', 'tools/call', '--tool-name', 'execute', '--tool-arg', 'code=async () => 1 + 1')) as {
      content: { type: string; text: string }[]
      isError?: boolean
    }
    expect(out.isError ?? false).toBe(false)
    expect(out.content).toHaveLength(1)
    expect(JSON.parse(out.content[0]?.text ?? '')).toMatchObject({ result: 2, meter: { apiCalls: 0 } })
  })
})
