// Names for the spec's component schemas as TypeScript aliases: "zones_zone" -> "ZonesZone". Valid, unique and
// clear of the names openapi-typescript itself declares.

const TAKEN = new Set([
  'paths',
  'webhooks',
  'components',
  'operations',
  '$defs',
  'Api',
  'Promise',
  'Array',
  'Record',
  'Date',
  'Error',
  'Object',
  'String',
  'Number',
  'Boolean',
  'Function',
  'Symbol',
])

/** Maps each schema name to its alias, in the order given. */
export function nameTypes(schemaNames: string[], apiTypeName: string): Map<string, string> {
  const taken = new Set([...TAKEN, apiTypeName])
  const out = new Map<string, string>()
  for (const name of schemaNames) {
    let alias = pascalCase(name) || 'Schema'
    if (/^[0-9]/.test(alias)) alias = `T${alias}`
    if (taken.has(alias)) {
      let n = 2
      while (taken.has(`${alias}${n}`)) n++
      alias = `${alias}${n}`
    }
    taken.add(alias)
    out.set(name, alias)
  }
  return out
}

export function pascalCase(raw: string): string {
  return raw
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')
}
