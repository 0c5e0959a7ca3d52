/** The coherence report as a CSV file, one line per SKU, written as the findings come. */
import type { findingDto } from './report.service.ts'

const csvCell = (v: unknown) => {
  const s = String(v ?? '')
  return /[",\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

export async function* coherenceReportCsv(findings: AsyncIterable<ReturnType<typeof findingDto>>) {
  yield 'sku,product_code,category,violations,feasible,suggested_prices,total_change_cents,observed_store_prices\n'
  for await (const f of findings) {
    const s = f.suggestion
    yield `${[
      f.sku,
      f.product_code,
      f.category,
      f.violations.map((v) => v.description).join(' | '),
      s.feasible,
      s.feasible ? s.prices.map((p) => `${p.price_list}:${p.from_cents}->${p.to_cents}`).join(' ') : s.reason,
      s.feasible ? s.total_change_cents : '',
      f.observed_store_prices.map((o) => `${o.store}:${o.price_cents}`).join(' '),
    ]
      .map(csvCell)
      .join(',')}\n`
  }
}
