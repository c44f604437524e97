// Fits a signature into a search row's share of the budget without hiding what a call needs: the return type goes
// first ("Promise<…>"), then optional input fields from the end; required fields stay even a little over the share.

/** With `maxChars` 0: the required fields only (the least a row shows). */
export function shortenSignature(signature: string, maxChars: number): string {
  if (signature.length <= maxChars) return signature
  const at = signature.lastIndexOf('): Promise<')
  const head = at > 0 ? signature.slice(0, at) : signature
  if (at > 0 && head.length + 13 <= maxChars) return `${head}): Promise<…>`
  const open = /input\??: \{ /.exec(head)
  const start = open ? open.index + open[0].length : -1
  const fields = open && head.endsWith(' }') ? topLevelFields(head.slice(start, -2)) : undefined
  if (fields) {
    const prefix = head.slice(0, start)
    const required = fields.filter((f) => !OPTIONAL_KEY.test(f))
    const optional = fields.filter((f) => !required.includes(f))
    const join = (kept: string[], cut: boolean) => `${prefix}${[...kept, ...(cut ? ['…'] : [])].join('; ')} })`
    for (let n = optional.length; n > 0; n--) {
      const text = join([...required, ...optional.slice(0, n)], n < optional.length)
      if (text.length <= maxChars) return text
    }
    // The required fields alone; an inline object among them (a body) keeps only its own required fields.
    const whole = join(required, optional.length > 0)
    if (whole.length <= maxChars) return whole
    const lean = join(required.map(requiredInside), optional.length > 0)
    if (maxChars === 0 || lean.length <= maxChars * 2) return lean
  }
  return `${signature.slice(0, Math.max(0, maxChars - 1))}…`
}

const OPTIONAL_KEY = /^(?:"(?:[^"\\]|\\.)*"|[\w$]+)\?:/

/** `body: { a: X; b?: Y }` -> `body: { a: X; … }`; any other field as it is. */
function requiredInside(field: string): string {
  const at = field.indexOf(': { ')
  if (at < 0 || !field.endsWith(' }')) return field
  const inner = topLevelFields(field.slice(at + 4, -2))
  if (!inner) return field
  const kept = inner.filter((f) => !OPTIONAL_KEY.test(f))
  return kept.length === inner.length ? field : `${field.slice(0, at)}: { ${[...kept, '…'].join('; ')} }`
}

/** Splits `a: X; b?: { c: Y; d: Z }` at the semicolons outside brackets, quotes included. */
function topLevelFields(text: string): string[] | undefined {
  const fields: string[] = []
  let depth = 0
  let start = 0
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '\\') i++
      else if (c === '"') quoted = false
    } else if (c === '"') quoted = true
    else if ('{<(['.includes(c as string)) depth++
    else if ('}>)]'.includes(c as string)) depth--
    else if (c === ';' && depth === 0) {
      fields.push(text.slice(start, i).trim())
      start = i + 1
    }
  }
  fields.push(text.slice(start).trim())
  return depth === 0 && !quoted ? fields.filter(Boolean) : undefined
}
