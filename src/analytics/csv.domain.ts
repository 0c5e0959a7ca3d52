/** One CSV table (RFC 4180, comma, CRLF) from flat rows; the header is the first row's keys. */
export function toCsv(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) return ''
  const keys = Object.keys(rows[0]!)
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v)
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
  }
  const lines = [keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k])).join(','))]
  return `${lines.join('\r\n')}\r\n`
}
