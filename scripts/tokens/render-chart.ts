// The benchmark as an SVG bar chart: one group per API, one bar per measure, on a log scale (cl100k tokens).
import { type BenchRow, tokenPercentile } from './bench-row.ts'

const SERIES = [
  { label: 'Flat tool list (all params)', color: '#b91c1c', value: (r: BenchRow) => r.flat.cl100k },
  { label: 'Flat tool list (required params)', color: '#f97316', value: (r: BenchRow) => r.flatRequired.cl100k },
  { label: '@cloudflare/codemode openApiMcpServer', color: '#6b7280', value: (r: BenchRow) => r.peer.cl100k },
  { label: 'This server: tools/list', color: '#2563eb', value: (r: BenchRow) => r.server.cl100k },
  { label: 'This server: tokens read per task (median)', color: '#16a34a', value: (r: BenchRow) => (r.tasks ? tokenPercentile(r.tasks, 50, 'cl100k') : undefined) },
]

const WIDTH = 1000
const LABEL_W = 210
const PLOT_W = 640
const BAR_H = 13
const GROUP_GAP = 18
const TOP = 70
const MIN_DECADE = 2
const MAX_DECADE = 7

/** Renders the rows as a standalone SVG document. */
export function renderChart(rows: BenchRow[]): string {
  const x = (v: number) => Math.round((LABEL_W + ((Math.log10(Math.max(v, 10 ** MIN_DECADE)) - MIN_DECADE) / (MAX_DECADE - MIN_DECADE)) * PLOT_W) * 10) / 10
  const groupH = SERIES.length * BAR_H + GROUP_GAP
  const height = TOP + rows.length * groupH + 30
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${LABEL_W}" y="18" font-size="14" font-weight="600">Tokens an agent reads (cl100k_base, log scale)</text>`,
  ]
  SERIES.forEach((s, i) => {
    const lx = LABEL_W + (i % 3) * 250
    const ly = 34 + Math.floor(i / 3) * 15
    out.push(`<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="${s.color}"/><text x="${lx + 14}" y="${ly}">${s.label}</text>`)
  })
  for (let d = MIN_DECADE; d <= MAX_DECADE; d++) {
    const gx = x(10 ** d)
    out.push(`<line x1="${gx}" y1="${TOP - 6}" x2="${gx}" y2="${height - 24}" stroke="#e5e7eb"/>`)
    out.push(`<text x="${gx}" y="${height - 10}" text-anchor="middle" fill="#374151">${(10 ** d).toLocaleString('en-US')}</text>`)
  }
  rows.forEach((row, g) => {
    const top = TOP + g * groupH
    out.push(`<text x="${LABEL_W - 8}" y="${top + (SERIES.length * BAR_H) / 2 + 4}" text-anchor="end" font-weight="600">${escapeXml(row.label)}</text>`)
    SERIES.forEach((s, i) => {
      const v = s.value(row)
      const y = top + i * BAR_H
      if (v === undefined) {
        out.push(`<text x="${LABEL_W + 4}" y="${y + BAR_H - 3}" fill="#9ca3af">no tasks</text>`)
        return
      }
      out.push(`<rect x="${LABEL_W}" y="${y + 1}" width="${Math.max(1, Math.round((x(v) - LABEL_W) * 10) / 10)}" height="${BAR_H - 2}" fill="${s.color}"/>`)
      out.push(`<text x="${x(v) + 4}" y="${y + BAR_H - 3}" fill="#111827">${v.toLocaleString('en-US')}</text>`)
    })
  })
  out.push('</svg>')
  return `${out.join('\n')}\n`
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
