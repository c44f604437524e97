// Where a deprecated operation's description names its successor ("use `POST /v2/things` instead", "replaced by
// thingsCreate"), the operation it names, found in the same API.
import type { Api } from '../create-catalog.ts'
import { findOperationByPath } from '../host/find-operation.ts'

const POINTER = /\b(?:use|replaced (?:by|with)|in favou?r of|superseded by|instead(?: use)?|see)\b[^.]{0,200}/gi
const ROUTE = /\b(GET|PUT|POST|DELETE|PATCH)\s+`?(\/[\w{}\-./]+)/i
const LINK = /\[([^\]]{3,80})\]\(([^)\s]{0,200})\)/g
const NAME = /`([A-Za-z_$][\w$]*)`|\b([a-z]+[A-Z][\w$]*)\b/g

export function findReplacement(api: Api, description: string, self: string): string | undefined {
  for (const [phrase] of description.matchAll(POINTER)) {
    const route = ROUTE.exec(phrase)
    if (route) {
      const found = findOperationByPath(api, route[1], route[2])
      if ('op' in found && found.op.name !== self) return found.op.name
    }
    // A Markdown link to the successor's page: "Use [Remove Items from Library](/reference/remove-library-items) instead".
    for (const [, text, target] of phrase.matchAll(LINK)) {
      const slug = target?.split(/[/#]/).pop()
      const title = text?.trim().toLowerCase()
      const op = api.operations.find((o) => o.name !== self && ((slug && o.operationId === slug) || o.summary?.trim().toLowerCase() === title))
      if (op) return op.name
    }
    for (const m of phrase.slice(0, 80).matchAll(NAME)) {
      const word = m[1] ?? m[2] ?? ''
      const op = api.byName.get(word) ?? api.operations.find((o) => o.operationId === word)
      if (op && op.name !== self) return op.name
    }
  }
  return undefined
}
