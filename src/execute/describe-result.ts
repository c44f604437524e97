// States what a returned value is when it looks like nothing: null, undefined, an empty string, array or object, and
// the fields JSON dropped because they were undefined (a projection such as `{ id: r.result?.id }` of a missing
// value prints `{}`). Facts only: the answer never guesses why. Arrays are not looked into: their items are data.

const MAX_FACTS = 5
const MAX_DEPTH = 3

/**
 * `undefinedPaths` are the paths the sandbox saw holding `undefined` (`result` for the value itself), since JSON
 * drops them. Returns one short sentence, or undefined when the value has content.
 */
export function describeResult(value: unknown, undefinedPaths: string[] = []): string | undefined {
  if (undefinedPaths.includes('result')) return 'result is undefined (the code returned nothing), shown as null'
  const facts: string[] = []
  const root = emptiness(value)
  // An empty object whose fields were all undefined is better described by those fields.
  if (root && !(root === 'an empty object' && undefinedPaths.length)) return `result is ${root}`
  collect(value, 'result', 0, facts)
  const dropped = undefinedPaths.length
    ? [`${joinAnd(undefinedPaths)} ${undefinedPaths.length === 1 ? 'is' : 'are'} undefined, so JSON dropped ${undefinedPaths.length === 1 ? 'it' : 'them'}`]
    : []
  const all = [...dropped, ...facts]
  if (!all.length) return undefined
  const more = all.length - MAX_FACTS
  return [...all.slice(0, MAX_FACTS), ...(more > 0 ? [`and ${more} more empty fields`] : [])].join('; ')
}

/** The path of `key` under `parent`, as the model would write it. */
export function childPath(parent: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`
}

function emptiness(v: unknown): string | undefined {
  if (v === null) return 'null'
  if (v === '') return 'an empty string'
  if (Array.isArray(v)) return v.length ? undefined : 'an empty array'
  if (v && typeof v === 'object' && Object.keys(v).length === 0) return 'an empty object'
  return undefined
}

function collect(v: unknown, path: string, depth: number, facts: string[]): void {
  if (!v || typeof v !== 'object' || Array.isArray(v) || depth >= MAX_DEPTH) return
  for (const [key, child] of Object.entries(v)) {
    const at = childPath(path, key)
    const empty = emptiness(child)
    if (empty) facts.push(`${at} is ${empty}`)
    else collect(child, at, depth + 1, facts)
  }
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
