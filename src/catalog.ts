// The APIs this server serves: the bundled registry that codegen writes, read through a lazily parsed catalog.
// Everything in the Worker that needs an API's artifacts goes through here.
import { APIS } from '@generated/apis'
import { createCatalog } from './create-catalog.ts'

export type { Api, Catalog } from './create-catalog.ts'

export const catalog = createCatalog(APIS)
export const apiNames = catalog.apiNames
export const getApi = catalog.getApi
export const getSchemas = catalog.getSchemas
export const getTypeIndex = catalog.getTypeIndex
export const getSearchDocs = catalog.getSearchDocs
