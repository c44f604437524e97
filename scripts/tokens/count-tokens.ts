// Token counts with two offline tokenizers from js-tiktoken: cl100k_base (GPT-4, GPT-3.5) and o200k_base (GPT-4o
// and later). Everything the benchmark reports is counted by both.
import { Tiktoken } from 'js-tiktoken/lite'
import cl100k from 'js-tiktoken/ranks/cl100k_base'
import o200k from 'js-tiktoken/ranks/o200k_base'

export interface TokenCount {
  cl100k: number
  o200k: number
}

const encoders = { cl100k: new Tiktoken(cl100k), o200k: new Tiktoken(o200k) }

// js-tiktoken is pure JS; very long texts are counted in slices cut at newlines or commas, so each slice is
// tokenized on its own. A cut only ever sits between two JSON tokens, which costs at most a token per slice.
const SLICE_CHARS = 200_000

/** Counts the tokens of a text with both tokenizers. */
export function countTokens(text: string): TokenCount {
  let cl = 0
  let o2 = 0
  for (const slice of slices(text)) {
    cl += encoders.cl100k.encode(slice, [], []).length
    o2 += encoders.o200k.encode(slice, [], []).length
  }
  return { cl100k: cl, o200k: o2 }
}

/** Counts the tokens of a value serialized as compact JSON, the way a client receives it. */
export function countJsonTokens(value: unknown): TokenCount {
  return countTokens(JSON.stringify(value))
}

/** Adds token counts. */
export function addCounts(...counts: TokenCount[]): TokenCount {
  return counts.reduce((a, b) => ({ cl100k: a.cl100k + b.cl100k, o200k: a.o200k + b.o200k }), { cl100k: 0, o200k: 0 })
}

function* slices(text: string): Generator<string> {
  let start = 0
  while (text.length - start > SLICE_CHARS) {
    let cut = text.lastIndexOf(',', start + SLICE_CHARS)
    if (cut <= start) cut = start + SLICE_CHARS
    yield text.slice(start, cut)
    start = cut
  }
  yield text.slice(start)
}
