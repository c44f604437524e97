// An operation's description as a lookup shows it: HTML and Markdown markup removed (Stripe's specs are HTML, many
// others Markdown), entities decoded, whitespace collapsed, and cut at a sentence within a budget.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" }

export function cleanDescription(text: string, maxChars: number): string {
  const plain = text
    .replace(/<(?:\/p|\/h\d)\s*>/gi, '\n\n')
    .replace(/<(?:br|\/li)\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16))
      if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)))
      return ENTITIES[name.toLowerCase()] ?? whole
    })
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, '$1$2')
    .replace(/^#+\s*/gm, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    // A single line break inside a paragraph is wrapping; a blank line or a list item starts a new line.
    .replace(/([^\n])\n(?![\n\-*] |\d+\. )(?=[^\n])/g, '$1 ')
    .replace(/\n{2,}/g, '\n')
    .trim()
  if (plain.length <= maxChars) return plain
  const cut = plain.slice(0, maxChars)
  const sentence = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'))
  return `${sentence > maxChars / 3 ? cut.slice(0, sentence + 1) : cut.trimEnd()} …`
}
