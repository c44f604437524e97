// The fast variant of `npm run bench:tokens`: the tool list stays within its token ceiling and does not grow with
// the API. Petstore (19 operations) and Cloudflare (1,533) are served by the real Worker and listed by the real
// MCP client; the full benchmark stays a script, not a test.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countJsonTokens } from '../../scripts/tokens/count-tokens.ts'
import { type ServedApis, serveApis } from '../../scripts/tokens/serve-apis.ts'
import { withoutApiNames } from '../../scripts/tokens/without-api-names.ts'
import { SHARED_SPECS } from '../support/generate.ts'
import { connect } from '../support/server.ts'

const MAX_TOOL_LIST_TOKENS = 600
let petstore: ServedApis
let cloudflare: ServedApis

beforeAll(async () => {
  petstore = await serveApis([join(SHARED_SPECS, 'petstore.yaml')], ['petstore'])
  cloudflare = await serveApis([join(SHARED_SPECS, 'cloudflare.json')], ['cloudflare'])
})

afterAll(async () => {
  await petstore?.stop()
  await cloudflare?.stop()
})

describe('tools/list token footprint', () => {
  it.each([
    ['petstore', () => petstore],
    ['cloudflare', () => cloudflare],
  ])('stays within 600 cl100k tokens for %s', (_api, served) => {
    const tokens = countJsonTokens(served().toolList)
    expect(tokens.cl100k).toBeLessThanOrEqual(MAX_TOOL_LIST_TOKENS)
  })

  it('is the same list, so the same count, at the stateless route /mcp/stateless', async () => {
    const client = await connect(new URL('/mcp/stateless', cloudflare.mcpUrl))
    const stateless = await client.listTools()
    await client.close()
    expect(countJsonTokens(stateless).cl100k).toBe(countJsonTokens(cloudflare.toolList).cl100k)
    expect(stateless).toEqual(cloudflare.toolList)
  })

  it('is the same for 19 and 1,533 operations, apart from the API name', () => {
    expect(petstore.apis.petstore?.byName.size).toBe(19)
    expect(cloudflare.apis.cloudflare?.byName.size).toBe(1533)
    expect(withoutApiNames(cloudflare.toolList, ['cloudflare'])).toBe(withoutApiNames(petstore.toolList, ['petstore']))
  })

  it('names the API in the tool list, so the comparison above replaced something', () => {
    expect(JSON.stringify(petstore.toolList)).toContain('petstore')
    expect(withoutApiNames(petstore.toolList, ['petstore'])).not.toContain('petstore')
  })
})
