// The two tool descriptions: the model's whole manual. Constant in the size of the API, apart from its name.

export function searchDescription(apis: string[]): string {
  const a = apis[0] ?? 'api'
  return [
    `Find operations and types of ${apis.join(', ')}. Free text ("list users", "delete a webhook") returns ranked operations with TypeScript signatures.`,
    `An exact operation name ("${a}.someOperation"), "METHOD /path", or a type name returns that item in full with the types it uses.`,
  ].join(' ')
}

export function executeDescription(apis: string[]): string {
  const a = apis[0] ?? 'api'
  return [
    `Run TypeScript against ${apis.map((n) => `\`${n}\``).join(', ')} in an isolated sandbox. Write an async arrow function; return what you need.`,
    `Each operation is \`await ${a}.<operationName>(input)\`: one object with path, query and header parameters by name and the request body under \`body\`. It resolves to the parsed response body and throws on a non-2xx status. \`${a}.request({ method, path, query, headers, body })\` sends a raw call through the same checks; its headers are the operation's header parameters (the host sets auth, Host and Content-Type).`,
    'Find operation names and signatures with search first. There is no fetch or other network access. The answer is JSON: the return value and console output, cut to a token budget, so return only the fields you need.',
    `\`for await (const x of ${a}.paginate('<operationName>', input, { maxItems }))\` walks every page of a list. \`dryRun: true\` checks every call and lists the requests without sending them.`,
    '`await session.set(key, value)` keeps JSON for later executes in this session (`session.get(key)`, `.keys()`, `.delete(key)`); a cut answer names the key holding its whole result.',
    `Example: async () => { const r = await ${a}.someOperation({ per_page: 5 }); return r }`,
  ].join('\n')
}
