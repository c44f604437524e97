// The constant-footprint comparison: two `tools/list` results are the same once each API name is replaced.
/** The tool list as pretty JSON with every whole-word occurrence of the API names replaced by `<api>`. */
export function withoutApiNames(toolList: unknown, apiNames: string[]): string {
  let text = JSON.stringify(toolList, null, 2)
  for (const name of [...apiNames].sort((a, b) => b.length - a.length)) {
    text = text.replace(new RegExp(`(?<![A-Za-z0-9_$])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`, 'g'), '<api>')
  }
  return text
}
