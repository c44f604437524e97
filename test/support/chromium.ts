// A real headless Chromium for page tests: Debian's `chromium` package, installed by the test set-up itself when
// the machine lacks it (CI on a new machine), and driven by puppeteer-core (which downloads no browser).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import puppeteer, { type Browser } from 'puppeteer-core'

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser']

function chromiumPath(): string | undefined {
  return CANDIDATES.find((p) => existsSync(p))
}

/** The browser binary, installing `chromium` with apt-get when it is missing. Throws naming the fix when it cannot. */
export function ensureChromium(): string {
  let path = chromiumPath()
  if (!path) {
    try {
      execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'ignore', timeout: 600_000 })
    } catch (err) {
      throw new Error(`Chromium is missing and apt-get could not install it (${(err as Error).message}). Install it: apt-get install -y chromium`)
    }
    path = chromiumPath()
    if (!path) throw new Error('apt-get installed chromium, but no binary is at /usr/lib/chromium/chromium or /usr/bin/chromium')
  }
  return path
}

export async function launchChromium(): Promise<Browser> {
  return puppeteer.launch({ executablePath: ensureChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
}
