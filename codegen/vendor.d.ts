declare module 'swagger2openapi' {
  const swagger2openapi: {
    convertObj(doc: object, options: Record<string, unknown>): Promise<{ openapi: object }>
  }
  export default swagger2openapi
}
