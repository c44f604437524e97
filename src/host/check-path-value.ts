// A path parameter fills exactly one segment of its template. A value that is empty, a dot segment, or holds a
// slash would move the request to another endpoint (`..` in `/zones/{id}/dns_records/{record}` deletes the zone),
// so it is refused here, before anything is sent, in every form a URL parser or an upstream may read it: percent-
// decoded (repeatedly), Unicode-normalized (NFKC turns "．．" into ".."), with `;params` cut and whitespace trimmed.

const MAX_DECODES = 4

/** Why `text` cannot be parameter `name`'s path segment, or undefined when it can. */
export function checkPathValue(name: string, text: string): string | undefined {
  for (const form of readings(text)) {
    if (/[/\\]/.test(form))
      return `${name} ${quote(text)} contains a slash${form === text ? '' : ' once decoded or normalized'}; a path parameter is one path segment, so pass the ${name} itself, not a path`
    const segment = form.split(';')[0]!.replace(/^[\s\p{Cc}]+|[\s\p{Cc}]+$/gu, '')
    if (segment === '') return `${name} must not be empty${text === '' ? '' : ` (${quote(text)} reads as empty)`}; it fills one path segment`
    if (segment === '.' || segment === '..')
      return `${name} ${quote(text)} reads as the dot segment "${segment}", which would send the request to another path; pass a real ${name}`
  }
  return undefined
}

/** The text, each percent-decoding of it while one applies, and the NFKC form of each. */
function readings(text: string): string[] {
  const forms = [text]
  let current = text
  for (let i = 0; i < MAX_DECODES && current.includes('%'); i++) {
    try {
      const next = decodeURIComponent(current)
      if (next === current) break
      forms.push(next)
      current = next
    } catch {
      break
    }
  }
  return [...new Set(forms.flatMap((f) => [f, f.normalize('NFKC')]))]
}

const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)
