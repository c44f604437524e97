// Specs in the corpus whose operations Prism cannot mock, with the reason Prism gave. Codegen, typechecking and
// search still run on them; only the execute-against-Prism step is skipped. Keep this list short and explained.
export const PRISM_SKIPS: Record<string, string> = {
  // Prism 5.16 answers every operation with 500 "Cannot serialise complex objects as text": the responses are XML
  // or text with object schemas, which it cannot render.
  'corpus/aws__s3.yaml': 'Prism: 500 Internal Server Error: Cannot serialise complex objects as text',
  'corpus/xkcd__api.yaml': 'Prism: 500 Internal Server Error: Cannot serialise complex objects as text',
  // Prism prints nothing and never finishes loading Stripe's densely cross-referenced schemas (over 10 minutes
  // here). test/e2e/multi-api.test.ts executes Stripe operations against a shallower copy instead.
  'stripe.yaml': 'Prism: did not finish loading the spec within 600000 ms (no output)',
}
