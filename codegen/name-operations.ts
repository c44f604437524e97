// Stage 4: give every operation a JavaScript identifier that is valid, unique and stable: derived from its
// operationId, or from method and path where there is none. Collisions are settled in document order.
import type { SpecProblem } from './spec-error.ts'

export interface NameableOperation {
  operationId?: string
  pointer: string
  method: string
  path: string
}

const RESERVED = new Set(['request', 'constructor', 'prototype', '__proto__', 'then', 'toString', 'valueOf', 'hasOwnProperty'])

/** Returns one name per operation, in the same order. Reports every synthesized or changed name as a warning. */
export function nameOperations(ops: NameableOperation[], warnings: SpecProblem[]): string[] {
  const taken = new Set<string>()
  return ops.map((op) => {
    const base = op.operationId ? identifierFrom(op.operationId) : synthesizeName(op.method, op.path)
    let name = base || synthesizeName(op.method, op.path)
    if (RESERVED.has(name)) name = `${name}Operation`
    if (taken.has(name)) {
      let n = 2
      while (taken.has(`${name}${n}`)) n++
      warnings.push({
        pointer: op.pointer,
        message: `operationId ${JSON.stringify(op.operationId ?? name)} is not unique; named "${name}${n}"`,
        fix: 'give each operation a distinct operationId',
      })
      name = `${name}${n}`
    } else if (!op.operationId) {
      warnings.push({ pointer: op.pointer, message: `operation has no operationId; synthesized "${name}"`, fix: 'add an operationId' })
    }
    taken.add(name)
    return name
  })
}

/** "zones-get" -> "zonesGet", "repos/list-for-org" -> "reposListForOrg", "GetAccounts" -> "getAccounts". */
export function identifierFrom(raw: string): string {
  const words = raw
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
  if (words.length === 0) return ''
  const camel = words.map((w, i) => (i === 0 ? lowerFirst(w) : upperFirst(w))).join('')
  const keepCase = raw.replace(/[^A-Za-z0-9_$]/g, '')
  // An id that is already a clean identifier keeps its own casing, apart from a leading capital.
  const name = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(raw) ? lowerFirst(keepCase) : camel
  return /^[0-9]/.test(name) ? `op${upperFirst(name)}` : name
}

/** GET /pets/{petId}/owners -> "getPetsByPetIdOwners". */
export function synthesizeName(method: string, path: string): string {
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((seg) => {
      const param = /^\{(.+)\}$/.exec(seg)
      return param ? `By ${param[1]}` : seg
    })
  return identifierFrom([method.toLowerCase(), ...parts].join(' ')) || method.toLowerCase()
}

const lowerFirst = (w: string) => w.charAt(0).toLowerCase() + w.slice(1)
const upperFirst = (w: string) => w.charAt(0).toUpperCase() + w.slice(1)
