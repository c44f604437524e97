// What a user may call, for search to leave out the rest: the API must be in their access and the operation must
// pass their policy (allow and deny lists, read-only), as ApiHost will check it.
import { apiNames, getApi } from '../catalog.ts'
import { resolveApiConfig } from '../config.ts'
import { checkPolicy } from '../host/check-policy.ts'
import type { SignedInUser } from '../sign-in/identity-provider.ts'
import { type Access, applyAccess, resolveAccess } from './resolve-access.ts'

/** The access ACCESS_RULES give a signed-in user, their upstream scopes counted; throws on malformed rules. */
export function accessOf(rules: unknown, props: { user?: SignedInUser; upstream?: { scopes?: string[] } } | undefined): Access {
  const user = props?.user
  return resolveAccess(rules, user && { ...user, scopes: props?.upstream?.scopes }, apiNames())
}

/** A predicate over (API, operation name); undefined when the user may call everything API_CONFIG allows. */
export function callableBy(access: Access, apiConfig: unknown): ((api: string, name: string) => boolean) | undefined {
  if (access.all) return undefined
  const configs = new Map<string, ReturnType<typeof applyAccess>>()
  return (api, name) => {
    const target = getApi(api)
    const op = target?.byName.get(name)
    if (!target || !op) return false
    if (!configs.has(api)) configs.set(api, applyAccess(access, api, resolveApiConfig(target.meta, apiConfig)))
    const config = configs.get(api)
    return config !== undefined && checkPolicy(config, op, 0) === undefined
  }
}
