// The sign-in pages in a real headless Chromium: the consent page as a user sees it, Allow through the identity
// provider back to the MCP client, and the forgeries a hostile site would try: a consent form posted from another
// browser (CSRF), and a callback (code and state) replayed in another browser.
import { join } from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { OAuth2Server } from 'oauth2-mock-server'
import type { Browser, BrowserContext, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/chromium.ts'
import { generate, SHARED_SPECS } from '../support/generate.ts'
import { identitySignIn, startIdentityProvider } from '../support/identity-provider.ts'
import { MemoryOAuthClient, REDIRECT_URL } from '../support/oauth-client.ts'
import { startServer, type TestServer } from '../support/server.ts'

let idp: OAuth2Server
let server: TestServer
let browser: Browser

beforeAll(async () => {
  idp = await startIdentityProvider()
  ;[server, browser] = await Promise.all([
    startServer({
      generated: generate([join(SHARED_SPECS, 'petstore.yaml')]),
      ...identitySignIn(idp),
    }),
    launchChromium(),
  ])
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await idp?.stop()
})

/** A registered client's authorization URL, from the SDK's own discovery and dynamic registration. */
async function startAuthorization(): Promise<{ provider: MemoryOAuthClient; transport: StreamableHTTPClientTransport }> {
  const provider = new MemoryOAuthClient()
  const transport = new StreamableHTTPClientTransport(server.mcpUrl, { authProvider: provider })
  await new Client({ name: 't', version: '1' }).connect(transport).catch(() => undefined)
  return { provider, transport }
}

/** A page in `context` that answers the MCP client's loopback redirect itself and records where it led, and any /sign-in/callback it is sent to. */
async function openPage(context: BrowserContext, holdCallback = false): Promise<{ page: Page; landed: string[]; callbacks: string[] }> {
  const page = await context.newPage()
  const landed: string[] = []
  const callbacks: string[] = []
  await page.setRequestInterception(true)
  page.on('request', (req) => {
    const url = req.url()
    if (url.startsWith(REDIRECT_URL)) {
      landed.push(url)
      return req.respond({ status: 200, contentType: 'text/plain', body: 'back in the app' })
    }
    if (url.includes('/sign-in/callback')) {
      callbacks.push(url)
      if (holdCallback) return req.respond({ status: 200, contentType: 'text/plain', body: 'held' })
    }
    return req.continue()
  })
  return { page, landed, callbacks }
}

describe('the consent page in a real browser', () => {
  it('shows who asks and where access goes, cannot be framed, and Allow signs the client in', async () => {
    const { provider, transport } = await startAuthorization()
    const context = await browser.createBrowserContext()
    const { page, landed } = await openPage(context)
    const response = await page.goto(provider.authorizationUrl!.toString())
    expect(response?.headers()['x-frame-options']).toBe('DENY')
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(`Allow codemode tests to use ${server.url.host} as you?`)
    expect(await page.$eval('body', (b) => b.textContent)).toContain('This sends access to an app on your computer.')
    await Promise.all([page.waitForNavigation(), page.click('button[value="approve"]')])
    expect(landed).toHaveLength(1)
    const code = new URL(landed[0]!).searchParams.get('code')
    await transport.finishAuth(code!)
    const client = new Client({ name: 't', version: '1' })
    await client.connect(new StreamableHTTPClientTransport(server.mcpUrl, { authProvider: provider }))
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['search', 'execute'])
    await client.close()
    await context.close()
  })

  it('refuses the consent form posted from another browser (CSRF): the handle alone is not enough', async () => {
    const { provider } = await startAuthorization()
    const victim = await browser.createBrowserContext()
    const { page } = await openPage(victim)
    await page.goto(provider.authorizationUrl!.toString())
    const handle = await page.$eval('input[name="handle"]', (i) => i.getAttribute('value'))
    const form = `<form method="post" action="${server.url.origin}/authorize"><input name="handle" value="${handle}"><button name="decision" value="approve">go</button></form>`
    const attacker = await browser.createBrowserContext()
    // From the attacker's own site: the Origin check refuses it before the sign-in pages see it.
    const { page: crossSite, landed } = await openPage(attacker)
    await crossSite.setContent(form)
    const [offSite] = await Promise.all([crossSite.waitForNavigation(), crossSite.click('button')])
    expect(offSite?.status()).toBe(403)
    // Even from the server's own origin, without the victim's browser-bound cookie the handle is refused.
    const { page: sameSite } = await openPage(attacker)
    await sameSite.goto(`${server.url.origin}/nowhere`)
    await sameSite.setContent(form)
    const [noCookie] = await Promise.all([sameSite.waitForNavigation(), sameSite.click('button')])
    expect(noCookie?.status()).toBe(400)
    expect(landed).toEqual([])
    await Promise.all([victim.close(), attacker.close()])
  })

  it('refuses a callback (code and state) replayed in another browser, and still completes in the one that started it', async () => {
    const { provider } = await startAuthorization()
    const user = await browser.createBrowserContext()
    const { page, callbacks } = await openPage(user, true)
    await page.goto(provider.authorizationUrl!.toString())
    await Promise.all([page.waitForNavigation(), page.click('button[value="approve"]')])
    expect(callbacks).toHaveLength(1)
    const other = await browser.createBrowserContext()
    const { page: replay, landed: stolen } = await openPage(other)
    const refused = await replay.goto(callbacks[0]!)
    expect(refused?.status()).toBe(400)
    expect(stolen).toEqual([])
    const { page: back, landed } = await openPage(user)
    await back.goto(callbacks[0]!)
    expect(landed).toHaveLength(1)
    expect(new URL(landed[0]!).searchParams.get('code')).toBeTruthy()
    await Promise.all([user.close(), other.close()])
  })
})
