// The operator's credentials, read from Worker secrets: per API and scheme, the first set secret of the names its
// configuration lists. Also every form of every one of them, for scrubbing what comes back from any upstream.
import type { ApiMeta } from '../artifacts.ts'
import { type ApiConfig, resolveApiConfig } from '../config.ts'
import { credentialForms } from './apply-credential.ts'
import type { FindCredential } from './select-credentials.ts'

type Env = Record<string, unknown>

/** Finds a scheme's credential among the Worker secrets `config` names for it. */
export function operatorCredentials(env: Env, config: ApiConfig): FindCredential {
  return (scheme) => {
    for (const secret of config.secrets[scheme.name] ?? []) {
      const value = env[secret]
      if (typeof value === 'string' && value) return { scheme, value, secret }
    }
    return undefined
  }
}

const forms = new WeakMap<Env, string[]>()

/**
 * Every form of every credential configured for any API on this server. One upstream may be reached under several
 * namespaces, or keep what it was once sent, so a response from any API is scrubbed of all of them.
 */
export function operatorCredentialForms(env: Env, apis: () => ApiMeta[]): string[] {
  let list = forms.get(env)
  if (!list) {
    list = []
    for (const meta of apis()) {
      let config: ApiConfig
      try {
        config = resolveApiConfig(meta, env.API_CONFIG)
      } catch {
        continue // calls to a misconfigured API are refused before anything is sent
      }
      const find = operatorCredentials(env, config)
      for (const scheme of meta.securitySchemes) {
        const found = find(scheme)
        if (found) list.push(...credentialForms(scheme, found.value))
      }
    }
    forms.set(env, list)
  }
  return list
}
