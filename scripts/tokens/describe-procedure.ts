// The benchmark's method, in words, for the results file: what each column counts and how the agent is simulated.
import { MAX_REF_DEPTH } from './build-flat-tools.ts'
import { MAX_SEARCH_PAGES } from './run-task.ts'

/** Markdown describing how every number in the results was produced. */
export function describeProcedure(notes: string[]): string {
  return [
    '- **Tokens.** Counted offline with js-tiktoken, `cl100k_base` and `o200k_base`, over the compact JSON a client',
    '  receives: the `tools/list` result `{ "tools": [...] }`, or the text of a tool answer.',
    "- **operations.** Every method under `paths`, walked by the project's own codegen (`collectOperations`).",
    '- **flat tool list.** What a naive OpenAPI-to-MCP server exposes: one tool per operation, named by its',
    '  `operationId` (or `METHOD_path`), described by its summary and description, with an `inputSchema` holding every',
    '  path, query, header and cookie parameter by name (with its description) and the request body under `body`.',
    `  Every local \`$ref\` is inlined. Cycle guard: a \`$ref\` already being expanded on the same branch stays a \`$ref\`.`,
    `  Bound: references nest at most ${MAX_REF_DEPTH} deep; a deeper one stays a \`$ref\`. On the four real specs the bound is`,
    '  never reached (their totals are the same with 8, 10 and 12), so only cycles are cut. With several APIs the tools',
    '  share one list, their names prefixed by the API.',
    '- **flat, required params only.** The same list keeping only required parameters, and the body only when it is',
    '  required, with only its required properties at every level.',
    '- **codemode `openApiMcpServer`.** `@cloudflare/codemode` 0.5.6, `openApiMcpServer({ spec, executor, request })`',
    '  for the same spec, listed by the MCP SDK client over an in-memory transport. Its list does not depend on the',
    "  spec. It serves one spec per server, so the multi-API row is three servers' lists added up.",
    '- **this server `tools/list`.** The specs through `codegen`, the real Worker under workerd (wrangler',
    '  `unstable_startWorker`), listed by the official MCP client over Streamable HTTP.',
    '- **per task.** Each line of `bench/tasks/<api>.jsonl` and `heldout-<api>.jsonl` (search was tuned on both) and',
    '  `blind-<api>.jsonl` (never tuned on) is played by a mechanical agent against the running server,',
    '  and every tool answer it reads is counted (its own calls are not):',
    "  1. `search` with the task's words as the query (no `api` argument, also on the multi-API server).",
    "  2. The first result line whose API is the task's and whose `METHOD /path` is in `accept` (path parameter names",
    `     ignored) is the pick. If none is on the page, it follows the \`page: N\` that the answer's last line offers, up to`,
    `     ${MAX_SEARCH_PAGES} pages in all. A task never found is a **miss**: it stays in the statistics with what it read.`,
    "  3. If the answer did not show the pick's signature whole (only the top results carry one, and one shortened to",
    "     fit the answer's budget ends in `…`), it searches the exact name, `api.operation`, as the answer says to.",
    '  4. `execute` with `async () => { const r = await api.operation(input); return r }`: the whole response, which is',
    '     the costly choice (the tool asks for only the needed fields). `input` holds every required parameter and, if',
    "     the body is required, its required fields: the schema's example, enum, const or default where it has one,",
    '     else a simple value of the right type and format (`allOf` merged, first `oneOf`/`anyOf` option).',
    '  5. "call accepted" counts executes that came back without an error: Prism found the operation, and the input',
    "     passed both this server's validation and Prism's. Median and p95 (nearest rank) are over all tasks.",
    '- **Upstream.** Prism (`@stoplight/prism-cli`) mocks each spec from its examples and validates every request.',
    "  A loopback proxy in front of it fills in API-key headers the spec's security asks for besides the one credential",
    "  the server sends (Cloudflare's spec lists only the `X-Auth-Email` + `X-Auth-Key` pair on many operations).",
    ...notes.map((note) => `- ${note}`),
  ].join('\n')
}
