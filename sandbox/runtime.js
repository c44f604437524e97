// The module the Dynamic Worker runs. It gives the model's code one proxy per API (`<api>.<operation>(input)`),
// captures console output, and returns the result as JSON text. Its only way out is the host object passed to
// run(); it has no env, no bindings and no network (globalOutbound: null).
import { WorkerEntrypoint } from 'cloudflare:workers'
import { sessionProxy } from './session-proxy.js'
import userMain from './user.js'

const MAX_LOG_LINES = 200
const MAX_LOG_LINE_CHARS = 2000
// Far below the 32 MiB RPC limit and McpAgent's ~8 MiB silent drop; the host cuts further to a token budget.
const MAX_RESULT_CHARS = 2 * 1024 * 1024

let iterations = 0
let maxIterations = 10_000_000

/** Called at the top of every loop body and function body in the model's code (see src/execute/instrument-code.ts). */
export function __guard(line) {
  if (++iterations > maxIterations) {
    throw new LimitError(
      `CPU limit: more than ${maxIterations.toLocaleString('en-US')} loop iterations and function calls in total (at line ${line}). Process less data per execute, or make the loop end sooner.`,
    )
  }
}

class LimitError extends Error {
  constructor(message) {
    super(message)
    this.name = 'LimitError'
  }
}

export default class Sandbox extends WorkerEntrypoint {
  /**
   * Runs the model's code once. Never throws: returns { ok, json, logs } or { ok: false, error, logs }. `store` is the
   * host's SessionHost (null without one), seen by the code as the global `session`: a global, so that the code may
   * still name a variable `session`, and an API of that name wins.
   */
  async run(host, apiNames, limits, store) {
    maxIterations = limits.maxLoopIterations
    const logs = []
    captureConsole(logs)
    const apis = {}
    for (const name of apiNames) apis[name] = apiProxy(host, name)
    try {
      globalThis.session = sessionProxy(store ?? null)
      const value = await userMain(apis)
      const json = toJson(value)
      if (json.length > MAX_RESULT_CHARS)
        return {
          ok: false,
          error: {
            name: 'LimitError',
            message: `the result is ${json.length.toLocaleString('en-US')} characters, over the ${MAX_RESULT_CHARS.toLocaleString('en-US')}-character sandbox limit. Return fewer items or only the fields you need.`,
          },
          logs,
        }
      return { ok: true, json, logs, undefinedPaths: undefinedPaths(value) }
    } catch (err) {
      return { ok: false, error: describeError(err), logs }
    }
  }
}

function apiProxy(host, api) {
  const call = async (operation, input) => {
    let outcome
    try {
      outcome = operation === 'request' ? await host.request(api, input) : await host.call(api, operation, input)
    } catch (err) {
      throw new ApiCallError(`${api}.${operation}: the input could not be sent (${err?.message}); pass plain JSON values`)
    }
    if (!outcome.ok) throw new ApiCallError(outcome.error)
    return outcome.value
  }
  return new Proxy(Object.create(null), {
    get(_target, operation) {
      if (typeof operation !== 'string' || operation === 'then') return undefined
      if (operation === 'paginate') return (name, input, options) => paginate(host, api, name, input, options)
      return (input) => call(operation, input)
    },
  })
}

const DEFAULT_MAX_ITEMS = 1000

/**
 * `for await (const item of <api>.paginate('<operation>', input, { maxItems }))`: every item of every page, page by
 * page. The host reads each page and says what the next page's input is, so every page passes all of its checks.
 */
async function* paginate(host, api, name, input, options) {
  const maxItems = Number(options?.maxItems ?? DEFAULT_MAX_ITEMS)
  if (!Number.isInteger(maxItems) || maxItems < 1) throw new ApiCallError(`${api}.paginate: maxItems must be a whole number of at least 1; got ${options?.maxItems}`)
  let next = input ?? {}
  let count = 0
  while (next && count < maxItems) {
    let outcome
    try {
      outcome = await host.page(api, String(name), next)
    } catch (err) {
      throw new ApiCallError(`${api}.${name}: the input could not be sent (${err?.message}); pass plain JSON values`)
    }
    if (!outcome.ok) throw new ApiCallError(outcome.error)
    for (const item of outcome.items) {
      if (count >= maxItems) return
      count++
      yield item
    }
    next = outcome.next
  }
}

class ApiCallError extends Error {
  constructor(message) {
    super(message)
    this.name = 'ApiCallError'
  }
}

function captureConsole(logs) {
  const push =
    (level) =>
    (...args) => {
      if (logs.length >= MAX_LOG_LINES) return
      const line = args.map((a) => (typeof a === 'string' ? a : toJson(a))).join(' ')
      logs.push((level === 'log' ? '' : `[${level}] `) + (line.length > MAX_LOG_LINE_CHARS ? `${line.slice(0, MAX_LOG_LINE_CHARS)}…` : line))
    }
  for (const level of ['log', 'info', 'debug', 'warn', 'error']) console[level] = push(level)
}

function toJson(value) {
  try {
    const text = JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))
    return text === undefined ? 'null' : text
  } catch (err) {
    return JSON.stringify(`[unserializable result: ${err?.message}]`)
  }
}

/**
 * Paths holding `undefined`, which JSON drops (`result` for the value itself), so the answer can say so: objects only,
 * three levels deep, at most five. Mirrors src/execute/describe-result.ts, which reads them.
 */
function undefinedPaths(value) {
  if (value === undefined) return ['result']
  const found = []
  const visit = (v, path, depth) => {
    if (!v || typeof v !== 'object' || Array.isArray(v) || depth >= 3) return
    for (const key of Object.keys(v)) {
      if (found.length >= 5) return
      const at = /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`
      if (v[key] === undefined) found.push(at)
      else visit(v[key], at, depth + 1)
    }
  }
  try {
    visit(value, 'result', 0)
  } catch {
    // a getter that throws: report what was found before it
  }
  return found
}

function describeError(err) {
  if (!(err instanceof Error)) return { name: 'Thrown', message: `a non-Error value was thrown: ${toJson(err)}` }
  const at = /user\.js:(\d+):(\d+)/.exec(String(err.stack || ''))
  return { name: err.name, message: err.message, line: at ? Number(at[1]) : undefined, column: at ? Number(at[2]) : undefined }
}
