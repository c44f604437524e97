// Token counts without a tokenizer (the Worker has none): the characters divided by a characters-per-token ratio,
// rounded up. The ratio depends on the kind of text (JSON, signatures and paths), so each caller names its own.

/** Estimates the cl100k tokens of `text`, which runs at about `charsPerToken` characters per token. */
export function estimateTokens(text: string, charsPerToken: number): number {
  return Math.ceil(text.length / charsPerToken)
}
