// What a request would look like on the wire, for a dry run and for an approval prompt: method, URL, headers and
// body as the host built them, with a placeholder where each credential would go. No credential value is ever read
// into it: only which schemes would be sent, and where their scheme puts them.
import type { SecuritySchemeSpec } from '../artifacts.ts'
import type { BuiltRequest } from './build-request.ts'
import { selectCredentials } from './select-credentials.ts'
import type { SendRequestOptions } from './send-request.ts'

export const CREDENTIAL = '[credential]'
const MAX_BODY_CHARS = 2000

export interface RequestPreview {
  method: string
  url: string
  headers: Record<string, string>
  body?: unknown
  /** Set in a dry run when a real run would ask a human to approve this write first. */
  approval?: 'required'
}

/** The request `built` as it would be sent with the credentials `o` would choose, each shown as [credential]. */
export function previewRequest({ url, init }: BuiltRequest, o: Pick<SendRequestOptions, 'op' | 'config' | 'schemes' | 'find'>): RequestPreview {
  const choice = selectCredentials(o.op, o.schemes, o.config.scheme, o.find)
  const headers: Record<string, string> = {}
  init.headers.forEach((value, name) => {
    headers[name] = value
  })
  const query: string[] = []
  for (const { scheme } of choice.sent) place(scheme, headers, query)
  const search = query.length ? `${url.search ? '&' : '?'}${query.join('&')}` : ''
  const preview: RequestPreview = { method: init.method, url: `${url.href}${search}`, headers }
  if (init.body !== undefined) preview.body = bodyOf(init.body, headers['content-type'])
  return preview
}

/** The preview as a few lines of text, for a human approving the call. */
export function previewText(p: RequestPreview): string {
  const headers = Object.entries(p.headers).map(([k, v]) => `${k}: ${v}`)
  const body = p.body === undefined ? [] : [typeof p.body === 'string' ? p.body : JSON.stringify(p.body)]
  const text = [`${p.method} ${p.url}`, ...headers, ...body].join('\n')
  return text.length > 1200 ? `${text.slice(0, 1200)}…` : text
}

function place(scheme: SecuritySchemeSpec, headers: Record<string, string>, query: string[]): void {
  if (scheme.type === 'apiKey' && scheme.paramName) {
    if (scheme.in === 'query') query.push(`${encodeURIComponent(scheme.paramName)}=${CREDENTIAL}`)
    else if (scheme.in === 'cookie') headers.cookie = [headers.cookie, `${scheme.paramName}=${CREDENTIAL}`].filter(Boolean).join('; ')
    else headers[scheme.paramName.toLowerCase()] = CREDENTIAL
    return
  }
  headers.authorization = `${scheme.type === 'http' && scheme.scheme === 'basic' ? 'Basic' : 'Bearer'} ${CREDENTIAL}`
}

function bodyOf(body: BuiltRequest['init']['body'], type = ''): unknown {
  if (typeof body === 'string') {
    if (/json/i.test(type)) {
      try {
        return JSON.parse(body)
      } catch {
        // sent as text
      }
    }
    return body.length > MAX_BODY_CHARS ? `${body.slice(0, MAX_BODY_CHARS)}…` : body
  }
  if (body instanceof Uint8Array) return `[${body.byteLength} bytes]`
  if (body && typeof (body as FormData).forEach === 'function') {
    const fields: Record<string, string> = {}
    ;(body as FormData).forEach((v, k) => {
      fields[k] = typeof v === 'string' ? v : '[file]'
    })
    return { multipart: fields }
  }
  return undefined
}
