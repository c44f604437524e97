// A real HTTP upstream: Prism mocking a spec on loopback, validating every request against it.
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { ROOT } from './generate.ts'

export interface Upstream {
  url: string
  logs: string[]
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/** Starts `prism mock` and resolves once it listens. Prism's request log is kept in `logs`. */
export async function startPrism(spec: string, timeoutMs = 90_000): Promise<Upstream> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js'), 'mock', '-h', '127.0.0.1', '-p', String(port), spec], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logs: string[] = []
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL') // never leave a Prism running behind a failed start
      reject(new Error(`Prism did not start within ${timeoutMs} ms for ${spec}:\n${logs.slice(-20).join('\n')}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(line)
      if (/Prism is listening/.test(chunk.toString())) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Prism exited with ${code} for ${spec}:\n${logs.slice(-20).join('\n')}`))
    })
  })
  return {
    url: `http://127.0.0.1:${port}`,
    logs,
    stop: () =>
      new Promise((resolve) => {
        // A Prism that already exited (crashed mid-test) sends no second 'exit'.
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 2000).unref()
      }),
  }
}
