// agents' /mcp handler asks the session object three things over RPC before it bridges a POST to it: start it with
// the request's props (`__unsafe_ensureInitialized`, inside getAgentByName), then whether the session was initialized
// (`getInitializeRequest`), then the bridged request itself (`fetch`). Each is a round trip from the Worker to the
// Durable Object. This namespace hands agents stubs that answer the first two with one call, `_startRequest`
// (CodeModeAgent's): the initialize request it returns is the answer to the `getInitializeRequest` that follows.
// Every other call on the stub, and a `getInitializeRequest` with no answer waiting, goes to the object as before.

type Handler = { fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> }

/** What CodeModeAgent adds over RPC: started with `props`, its stored initialize request (undefined when none). */
export interface StartsRequests {
  _startRequest(props?: unknown): Promise<unknown>
}

/** `handler` (McpAgent.serve's) with an env whose MCP_OBJECT merges the first two round trips of each request. */
export function withMergedSessionHops(handler: Handler): Handler {
  const wrapped = new WeakMap<Env, Env>()
  return {
    fetch(request, env, ctx) {
      let merged = wrapped.get(env)
      if (!merged) {
        merged = { ...env, MCP_OBJECT: mergedNamespace(env.MCP_OBJECT) }
        wrapped.set(env, merged)
      }
      return handler.fetch(request, merged, ctx)
    },
  }
}

function mergedNamespace(namespace: Env['MCP_OBJECT']): Env['MCP_OBJECT'] {
  return new Proxy(namespace, {
    get(target, key) {
      if (key === 'get') return (id: DurableObjectId, options?: DurableObjectNamespaceGetDurableObjectOptions) => mergedStub(target.get(id, options))
      const value = Reflect.get(target, key)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** One stub per request (getAgentByName gets a fresh one each time), so the answer it keeps is this request's. */
function mergedStub<S extends object>(stub: S): S {
  let answer: { value: unknown } | undefined
  const starts = stub as unknown as StartsRequests
  return new Proxy(stub, {
    get(target, key) {
      if (key === '__unsafe_ensureInitialized')
        return async (props?: unknown) => {
          answer = { value: await starts._startRequest(props) }
        }
      if (key === 'getInitializeRequest' && answer) {
        const { value } = answer
        answer = undefined
        return async () => value
      }
      // A stub's methods are RPC stubs themselves (even `bind` would be sent as a call), so they are called on it.
      const value = Reflect.get(target, key)
      return typeof value === 'function' ? (...args: unknown[]) => (target as Record<PropertyKey, (...a: unknown[]) => unknown>)[key]?.(...args) : value
    },
  })
}
