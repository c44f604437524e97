// The shapes of the build artifacts that codegen writes and the Worker reads. Types only: no runtime code,
// so both the Node build and the Worker can import it.

export type JsonSchema = { [key: string]: unknown }

export type ParamLocation = 'path' | 'query' | 'header' | 'cookie'

export interface ParamSpec {
  name: string
  in: ParamLocation
  required: boolean
  style?: string
  explode?: boolean
  /** A header the spec requires with one value it gives ("Accept: application/vnd.x+json;version=2"): the host sends
   * it when the call gives none, so the model need not. */
  default?: string
}

export interface BodySpec {
  mediaType: string
  required: boolean
  /** The spec requires a body that can hold nothing: the host sends `{}` when the call gives none. */
  emptyWhenOmitted?: boolean
}

/** One row of the operation table: everything the host needs to check and send a call. */
export interface OperationSpec {
  name: string
  operationId?: string
  /** JSON pointer of the operation in the source spec, e.g. "#/paths/~1zones/get". */
  pointer: string
  method: string
  path: string
  summary?: string
  description?: string
  tags?: string[]
  deprecated?: boolean
  params: ParamSpec[]
  body?: BodySpec
  /** JSON Schema of the single input object: parameters by name, the request body under `body`. */
  input: JsonSchema
  /**
   * Security requirements, OpenAPI semantics: any one alternative authorizes the call, and each needs all the schemes
   * it names. `[]` (or an alternative `[]`) needs none; absent, the spec says nothing about this operation.
   */
  security?: string[][]
  /** The scopes each alternative of `security` lists, aligned with it; absent when none lists any. */
  scopes?: string[][]
  /** How the operation pages through a list, when its spec shows it; `<api>.paginate(name, input)` follows it. */
  pagination?: Pagination
}

/**
 * A list operation's paging, detected at codegen. `items`: dotted path of the list in the body ('' for a top-level
 * array). `param`: the query parameter each next page sets. `next`: the body field that says what comes next
 * (`page`: the total pages; `cursor`: the next cursor; `starting_after`: `has_more`, the cursor being the last item's
 * id); `link` reads the `Link` header instead. `sizeParam`: the page-size query parameter, when there is one.
 */
export interface Pagination {
  style: 'page' | 'cursor' | 'link' | 'starting_after'
  items: string
  param: string
  next?: string
  sizeParam?: string
}

export interface SecuritySchemeSpec {
  name: string
  type: 'http' | 'apiKey' | 'oauth2' | 'openIdConnect' | 'mutualTLS'
  scheme?: string
  in?: 'header' | 'query' | 'cookie'
  paramName?: string
  /** An oauth2 scheme's authorizationCode flow, for signing users in at the API's own authorization server. */
  authorizationCode?: { authorizationUrl: string; tokenUrl: string; scopes: string[] }
}

export interface ApiMeta {
  name: string
  title: string
  version: string
  /** servers[0] with its variables filled by their defaults. */
  baseUrl: string
  securitySchemes: SecuritySchemeSpec[]
  /** The scheme used when configuration names none. */
  defaultScheme?: string
  operationCount: number
  /** sha256 of the spec bytes and the codegen version, to detect stale artifacts. */
  sourceHash: string
}

/** Compact TypeScript text the model reads: one signature per operation, one declaration per named type. */
export interface TypeIndex {
  /** `ids`: per path parameter, the operation and field its value comes from ("zonesGet → result[].id"). */
  operations: Record<string, { signature: string; types: string[]; ids?: Record<string, string> }>
  types: Record<string, string>
  /** Optional parameters every operation takes (Google's `alt`, `fields`, …): left out of signatures, stated once. */
  sharedParams?: string[]
}

/** One search document per operation. */
export interface SearchDoc {
  name: string
  method: string
  path: string
  summary: string
  description: string
  tags: string[]
  params: string[]
  /** Words from parameter descriptions, enum values, titles and property names of parameter and body schemas, and tag descriptions. */
  specWords?: string
  /** Words the operator's openapi/vocabulary/<spec name>.txt gives this operation: what its users call it. */
  vocabulary?: string
  deprecated: boolean
}
