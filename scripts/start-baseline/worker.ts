// The baseline for bench:start: the smallest Worker wrangler can serve, started the same way as the real one.
export default {
  fetch: () => new Response('ok'),
}
