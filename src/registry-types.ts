// The registry that codegen writes (generated/apis.ts): each API's artifacts as unparsed JSON text.

export interface ApiArtifacts {
  operations: string
  schemas: string
  typeIndex: string
  searchDocs: string
}
