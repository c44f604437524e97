// Fits a signature into a search row's share of the budget without hiding what a call needs: the return type goes
// first ("Promise<…>"), then optional input fields from the end; required fields stay even a little over the share.

// The most a row's least signature (its required fields) may take, whatever it needs.
const MAX_FLOOR_CHARS = 240

/** With `maxChars` 0: the required fields only (the least a row shows), up to MAX_FLOOR_CHARS. */
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
    if (lean.length <= Math.max(maxChars * 2, maxChars === 0 ? MAX_FLOOR_CHARS : 0)) return lean
    if (maxChars === 0) return `${lean.slice(0, MAX_FLOOR_CHARS - 1)}…`
  }
  return `${signature.slice(0, Math.max(0, maxChars - 1))}…`
}

const OPTIONAL_KEY = /^(?:"(?:[^"\\]|\\.)*"|[\w$]+)\?:/

/**
 * `body: { a: X; b?: Y }` -> `body: { a: X; … }`. A body that is an object joined with others (`{ … } & (A | B)`)
 * keeps the first object's required fields, the likely member; any other field stays as it is.
 */
function requiredInside(field: string): string {
  const at = field.indexOf(': { ')
  if (at < 0) return field
  const end = closingBrace(field, at + 2)
  const inner = end > 0 ? topLevelFields(field.slice(at + 4, end).replace(/ $/, '')) : undefined
  if (!inner) return field
  const kept = inner.filter((f) => !OPTIONAL_KEY.test(f))
  const rest = field.slice(end + 1).trim()
  if (kept.length === inner.length && !rest) return field
  return `${field.slice(0, at)}: { ${[...kept, '…'].join('; ')} }`
}

/** The index of the `}` that closes the `{` at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0
  let quoted = false
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '\\') i++
      else if (c === '"') quoted = false
    } else if (c === '"') quoted = true
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return i
  }
  return -1
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
