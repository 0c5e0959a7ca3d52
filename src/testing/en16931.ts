/**
 * Validates a Factur-X invoice's CII XML the way the standard does: against the UN/CEFACT CII D16B
 * schema (xmllint, compiled to WebAssembly) and the EN 16931 business rules (the official Schematron
 * compiled to XSLT, run by saxon-js). The artifacts are in test-fixtures/en16931 (SOURCE.md says
 * where they come from).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { validateXML } from 'xmllint-wasm'

const fixtures = fileURLToPath(new URL('../../test-fixtures/en16931', import.meta.url))

/** Schema errors of `xml` against CII D16B (empty when valid). */
export async function ciiSchemaErrors(xml: string): Promise<string[]> {
  const dir = join(fixtures, 'cii-d16b')
  const files = readdirSync(dir).map((name) => ({
    fileName: name,
    contents: readFileSync(join(dir, name), 'utf8'),
  }))
  const main = files.find((f) => f.fileName === 'CrossIndustryInvoice_100pD16B.xsd')!
  const result = await validateXML({
    xml: { fileName: 'invoice.xml', contents: xml },
    schema: main,
    preload: files.filter((f) => f !== main),
  })
  return result.errors.map((e) => e.message)
}

let stylesheet: unknown = null

/** EN 16931 rules that fail on `xml` (the Schematron's fatal asserts), as "BR-xx: text". */
export async function en16931RuleFailures(xml: string): Promise<string[]> {
  // saxon-js ships no types: imported by a name TypeScript does not resolve.
  const saxon = 'saxon-js'
  // biome-ignore lint/suspicious/noExplicitAny: saxon-js ships no types
  const SaxonJS: any = ((await import(saxon)) as { default: unknown }).default
  stylesheet ??= JSON.parse(
    gunzipSync(readFileSync(join(fixtures, 'schematron', 'EN16931-CII-validation.sef.json.gz'))).toString(
      'utf8',
    ),
  )
  const out = await SaxonJS.transform(
    { stylesheetInternal: stylesheet, sourceText: xml, destination: 'serialized' },
    'async',
  )
  const report = String(out.principalResult)
  const failures: string[] = []
  const re = /<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g
  for (const m of report.matchAll(re)) {
    const attrs = m[1] ?? ''
    if (/flag="warning"/.test(attrs)) continue
    const id = /id="([^"]+)"/.exec(attrs)?.[1] ?? '?'
    const text = /<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(m[2] ?? '')?.[1]?.trim() ?? ''
    failures.push(`${id}: ${text}`)
  }
  return failures
}
