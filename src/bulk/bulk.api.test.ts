import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toEan13 } from '../catalog/index.ts'
import { outboxSize, recordedEvents } from '../events/events.fixture.ts'
import { runCli } from '../testing/cli.ts'
import { retailFixture } from '../testing/fixture.ts'
import { as, startTestApp, type TestContext, testDbKind, unique } from '../testing/harness.ts'

let t: TestContext
let f: Awaited<ReturnType<typeof retailFixture>>
let admin: ReturnType<typeof as>

beforeAll(async () => {
  t = await startTestApp()
  f = await retailFixture(t)
  admin = as(t.app, t.admin)
})
afterAll(() => t.close())

const types = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson' } as const

/** Sends a file to the import of `entity`; answers the report. */
async function importing(
  entity: string,
  file: string,
  opts: { dryRun?: boolean; type?: keyof typeof types } = {},
) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${entity}${opts.dryRun ? '?dry_run=true' : ''}`,
    payload: file,
    headers: { authorization: `Bearer ${t.admin}`, 'content-type': types[opts.type ?? 'csv'] },
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

async function exporting(entity: string, format: keyof typeof types = 'csv') {
  const res = await admin.get(`/api/v1/exports/${entity}?format=${format}`)
  expect(res.statusCode, res.body).toBe(200)
  expect(res.headers['content-type']).toContain(types[format])
  return res.body
}

let eans = 0
const ean = () => toEan13(`${Date.now() % 1e6}`.padStart(6, '0') + String(++eans).padStart(6, '0'))
/** The same EAN with its last digit wrong: a misread barcode. */
const misread = (code: string) => code.slice(0, 12) + ((Number(code[12]) + 1) % 10)

/** A product file of two sizes of a T-shirt, with French separators, and the codes it uses. */
function tshirtFile() {
  const p = unique('TS-')
  const [m, l, other] = [ean(), ean(), ean()]
  const lines = [
    'product_code;product_name;category;vat_rate;brand;sku;ean;variant_name;attributes',
    `${p};T-shirt lin;mode;20;Maison;${p}-M;${m};T-shirt lin M;taille=M|couleur=bleu`,
    `${p};T-shirt lin;mode;20;Maison;${p}-L;${l};T-shirt lin L;taille=L|couleur=bleu`,
    `${p};T-shirt lin;mode;20;Maison;${p}-XL;${misread(other)};;taille=XL`,
    `${p}-B;Bol;cuisine;19,6;;${p}-BOL;${other};;`,
    `${p}-C;Tasse;cuisine;20;;${p}-TASSE;${m};;`,
    `${p}-D;;cuisine;5,5;;${p}-D;${ean()};;`,
  ]
  return { p, file: `${lines.join('\r\n')}\r\n`, m }
}

describe('importing products', () => {
  it('applies the good rows and reports each bad one with its line, column and reason', async () => {
    const { p, file, m } = tshirtFile()
    const report = await importing('products', file)
    expect(report).toMatchObject({
      rows: 6,
      applied: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      refused_rows: 4,
    })
    expect(
      report.refused.map((r: { line: number; column: string; code: string }) => [r.line, r.column, r.code]),
    ).toEqual([
      [4, 'ean', 'invalid_value'],
      [5, 'vat_rate', 'invalid_value'],
      [6, 'ean', 'already_exists'],
      [7, 'product_name', 'missing_value'],
    ])
    expect(report.refused[0].reason).toContain('check digit')
    expect(report.refused[2].reason).toContain(`${p}-M`)
    const product = (await admin.get(`/api/v1/products/${p}`)).json()
    expect(product).toMatchObject({ name: 'T-shirt lin', category: 'mode', vat_rate: 20, brand: 'Maison' })
    const variants = product.variants.map((v: { sku: string; ean: string; attributes: unknown }) => [
      v.sku,
      v.ean,
      v.attributes,
    ])
    expect(variants.sort()).toEqual([
      [`${p}-L`, expect.any(String), { taille: 'L', couleur: 'bleu' }],
      [`${p}-M`, m, { taille: 'M', couleur: 'bleu' }],
    ])
    for (const code of [`${p}-B`, `${p}-C`, `${p}-D`]) {
      expect((await admin.get(`/api/v1/products/${code}`)).statusCode).toBe(404)
    }
  })

  it('a dry run applies nothing and reports what the import then does', async () => {
    const { p, file } = tshirtFile()
    const events = await outboxSize(t.database.db)
    const dry = await importing('products', file, { dryRun: true })
    expect((await admin.get(`/api/v1/products/${p}`)).statusCode).toBe(404)
    expect(await outboxSize(t.database.db)).toBe(events)
    const real = await importing('products', file)
    expect({ ...dry, dry_run: false }).toEqual(real)
    expect(dry.dry_run).toBe(true)
  })

  it('importing the same file twice changes nothing the second time', async () => {
    const { p, file } = tshirtFile()
    await importing('products', file)
    const before = (await admin.get(`/api/v1/products/${p}`)).json()
    const again = await importing('products', file)
    expect(again).toMatchObject({ applied: 0, unchanged: 2, refused_rows: 4 })
    expect((await admin.get(`/api/v1/products/${p}`)).json()).toEqual(before)
  })

  it('a changed row updates its variant and product, and a SKU never moves to another product', async () => {
    const { p, file } = tshirtFile()
    await importing('products', file)
    const change = [
      'product_code,product_name,category,vat_rate,sku,ean,attributes',
      `${p},T-shirt lin lavé,mode,20,${p}-M,${ean()},taille=M`,
      `${p}-OTHER,Autre,mode,20,${p}-L,${ean()},`,
    ].join('\n')
    const report = await importing('products', change)
    expect(report).toMatchObject({ applied: 1, updated: 1, refused_rows: 1 })
    expect(report.refused[0]).toMatchObject({
      line: 3,
      column: 'product_code',
      code: 'variant_of_other_product',
    })
    const product = (await admin.get(`/api/v1/products/${p}`)).json()
    expect(product.name).toBe('T-shirt lin lavé')
    expect(product.brand).toBe('Maison')
    expect(product.variants.find((v: { sku: string }) => v.sku === `${p}-M`).attributes).toEqual({
      taille: 'M',
    })
  })
})

describe('importing prices', () => {
  it('sets prices in euros per price list, records price.changed once, and refuses unknown lists and SKUs', async () => {
    const sku = await f.product({ priceCents: 1999 })
    const web = f.channels.web.price_list.code
    const store = f.channels.store.price_list.code
    const file = [
      'price_list;sku;price',
      `${web};${sku};12,90`,
      `${store};${sku};12.50`,
      `NO-SUCH-LIST;${sku};9,90`,
      `${web};NO-SUCH-SKU;9,90`,
      `${store};${sku};12,5€0`,
    ].join('\n')
    const report = await importing('prices', file)
    expect(report).toMatchObject({ rows: 5, applied: 2, updated: 2, refused_rows: 3 })
    expect(
      report.refused.map((r: { line: number; column: string; code: string }) => [r.line, r.column, r.code]),
    ).toEqual([
      [4, 'price_list', 'unknown_price_list'],
      [5, 'sku', 'unknown_sku'],
      [6, 'price', 'invalid_value'],
    ])
    const scanned = (await admin.get(`/api/v1/variants?sku=${sku}`)).json()
    expect(scanned.prices).toContainEqual({ price_list: web, amount_cents: 1290 })
    expect(scanned.prices).toContainEqual({ price_list: store, amount_cents: 1250 })
    const changed = async () =>
      (
        await recordedEvents(
          t.database.db,
          [f.channels.web.price_list.id, f.channels.store.price_list.id],
          ['price.changed'],
        )
      ).filter((e) => e.payload.sku === sku)
    const recorded = await changed()
    expect(
      recorded
        .slice(-2)
        .map((e) => [e.payload.old_cents, e.payload.new_cents])
        .sort(),
    ).toEqual([
      [1999, 1250],
      [1999, 1290],
    ])
    const count = (await changed()).length
    expect(await importing('prices', file)).toMatchObject({ applied: 0, unchanged: 2, refused_rows: 3 })
    expect((await changed()).length).toBe(count)
  })
})

describe('importing stock counts', () => {
  it('sets on hand to the count with a count movement and a stock.counted event, once', async () => {
    const sku = await f.product({ stock: { [f.store.id]: 5 } })
    const other = await f.product()
    const file = [
      'location,sku,quantity,reason',
      `${f.store.code},${sku},3,inventaire annuel`,
      `${f.warehouse.code},${other},12,`,
      `NOWHERE,${sku},1,`,
      `${f.store.code},${sku}-NOPE,1,`,
      `${f.store.code},${other},-2,`,
    ].join('\n')
    const report = await importing('stock', file)
    expect(report).toMatchObject({ rows: 5, applied: 2, refused_rows: 3 })
    expect(
      report.refused.map((r: { line: number; column: string; code: string }) => [r.line, r.column, r.code]),
    ).toEqual([
      [4, 'location', 'unknown_location'],
      [5, 'sku', 'unknown_sku'],
      [6, 'quantity', 'invalid_value'],
    ])
    const levels = (await admin.get(`/api/v1/inventory/${sku}`)).json()
    expect(JSON.stringify(levels)).toContain('"on_hand":3')
    const moves = (await admin.get(`/api/v1/inventory/${sku}/movements?location_id=${f.store.id}`)).json()
      .data
    expect(moves[0]).toMatchObject({ kind: 'count', on_hand_delta: -2, reason: 'inventaire annuel' })
    const counted = await recordedEvents(t.database.db, [f.store.id, f.warehouse.id], ['stock.counted'])
    const mine = counted.filter((e) =>
      e.payload.lines.some((l: { sku: string }) => l.sku === sku || l.sku === other),
    )
    expect(mine.map((e) => e.payload)).toEqual(
      [
        { location_id: f.store.id, lines: [{ sku, counted: 3, delta: -2 }] },
        { location_id: f.warehouse.id, lines: [{ sku: other, counted: 12, delta: 12 }] },
      ].sort((a, b) => a.location_id.localeCompare(b.location_id)),
    )
    expect(await importing('stock', file)).toMatchObject({ applied: 0, unchanged: 2, refused_rows: 3 })
    const after = await recordedEvents(t.database.db, [f.store.id, f.warehouse.id], ['stock.counted'])
    expect(after.length).toBe(counted.length)
  })
})

describe('importing customers', () => {
  it('creates customers by e-mail with their consents, normalised, with customer.created once', async () => {
    const p = unique().toLowerCase()
    const file = [
      'email;phone;first_name;last_name;city;consent_marketing_email;consent_marketing_sms',
      ` Marie.Dupont.${p}@Example.FR ;;Marie; Dupont ;Lyon;oui;non`,
      `pas-un-email-${p};;Jean;Martin;Nantes;;`,
      `;;Sans;Identifiant;Paris;;`,
      `luc.${p}@example.fr;06 12 34;Luc;Bernard;Lille;peut-être;`,
    ].join('\n')
    const report = await importing('customers', file)
    expect(report).toMatchObject({ rows: 4, applied: 1, created: 1, refused_rows: 3 })
    expect(
      report.refused.map((r: { line: number; column: string; code: string }) => [r.line, r.column, r.code]),
    ).toEqual([
      [3, 'email', 'invalid_value'],
      [4, 'email', 'missing_value'],
      [5, 'phone', 'invalid_value'],
      [5, 'consent_marketing_email', 'invalid_value'],
    ])
    const [marie] = (await admin.get(`/api/v1/customers?email=marie.dupont.${p}@example.fr`)).json().data
    expect(marie).toMatchObject({ email: `marie.dupont.${p}@example.fr`, last_name: 'Dupont', city: 'Lyon' })
    const consents = (await admin.get(`/api/v1/customers/${marie.id}/consents`)).json().data
    expect(
      consents.map((c: { purpose: string; medium: string; granted: boolean }) => [
        c.purpose,
        c.medium,
        c.granted,
      ]),
    ).toEqual([
      ['marketing', 'email', true],
      ['marketing', 'sms', false],
    ])
    expect(await importing('customers', file)).toMatchObject({ applied: 0, unchanged: 1, refused_rows: 3 })
    const created = await recordedEvents(t.database.db, marie.id, ['customer.created'])
    expect(created.map((e) => e.payload)).toEqual([{ customer_id: marie.id, channel_id: null }])
    const update = `email,phone,consent_marketing_sms\nMARIE.DUPONT.${p}@example.fr,06 12 34 56 78,oui\n`
    expect(await importing('customers', update)).toMatchObject({ applied: 1, updated: 1 })
    const updated = (await admin.get(`/api/v1/customers/${marie.id}`)).json()
    expect(updated).toMatchObject({ phone: '+33612345678', first_name: 'Marie', city: 'Lyon' })
  })
})

describe('files of many batches', () => {
  it('imports and exports more rows than one batch or one page holds', async () => {
    const p = unique('LOT-')
    const lines = ['product_code,product_name,category,vat_rate,sku,ean,attributes']
    for (let i = 0; i < 1201; i++) {
      lines.push(
        `${p}-${Math.floor(i / 3)},Assiette ${Math.floor(i / 3)},table,20,${p}-${i},${ean()},diamètre=${20 + (i % 3)} cm`,
      )
    }
    const report = await importing('products', lines.join('\n'))
    expect(report).toMatchObject({ rows: 1201, created: 1201, refused_rows: 0 })
    const exported = (await exporting('products', 'jsonl'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    const mine = exported.filter((r: { sku: string }) => r.sku.startsWith(`${p}-`))
    expect(mine).toHaveLength(1201)
    expect(mine.find((r: { sku: string }) => r.sku === `${p}-1200`)).toMatchObject({
      product_code: `${p}-400`,
      vat_rate: 20,
      attributes: { diamètre: '20 cm' },
    })
  })

  it('two imports of the same new customers at once create each customer once', async () => {
    const p = unique().toLowerCase()
    const file = [
      'email,first_name',
      ...Array.from({ length: 60 }, (_, i) => `client${i}.${p}@example.fr,Client ${i}`),
    ].join('\n')
    const [a, b] = await Promise.all([importing('customers', file), importing('customers', file)])
    expect(a.refused_rows + b.refused_rows).toBe(0)
    expect(a.created + b.created).toBe(60)
    expect(a.unchanged + b.unchanged).toBe(60)
    const found = (await admin.get(`/api/v1/customers?q=${p}&limit=100`)).json().data
    expect(found).toHaveLength(60)
    const created = await recordedEvents(
      t.database.db,
      found.map((c: { id: string }) => c.id),
      ['customer.created'],
    )
    expect(created).toHaveLength(60)
  })
})

describe('exporting', () => {
  for (const format of ['csv', 'jsonl'] as const) {
    it(`an export in ${format} imported back changes nothing`, async () => {
      await f.product({ stock: { [f.warehouse.id]: 7 } })
      await importing(
        'customers',
        `email,first_name,consent_loyalty_email\nexport.${unique().toLowerCase()}@example.fr,Zoé,oui\n`,
      )
      for (const entity of ['products', 'prices', 'stock', 'customers']) {
        const file = await exporting(entity, format)
        const events = await outboxSize(t.database.db)
        const report = await importing(entity, file, { type: format })
        expect(report.rows, entity).toBeGreaterThan(0)
        expect(report, entity).toMatchObject({ applied: 0, refused_rows: 0, unchanged: report.rows })
        expect(await outboxSize(t.database.db)).toBe(events)
      }
    })
  }

  it('writes prices in euros and the columns the import reads', async () => {
    const sku = await f.product({ priceCents: 1290 })
    const csv = await exporting('prices')
    expect(csv.split('\n')[0]).toBe('price_list,sku,price')
    expect(csv).toContain(`${f.channels.web.price_list.code},${sku},12.90`)
  })
})

describe('who may import', () => {
  it('refuses other keys than head office, other file types and a wrong header', async () => {
    const store = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/stock',
      payload: 'location,sku,quantity\n',
      headers: { authorization: `Bearer ${f.keys.store}`, 'content-type': 'text/csv' },
    })
    expect(store.statusCode).toBe(403)
    expect((await as(t.app, f.keys.store).get('/api/v1/exports/customers')).statusCode).toBe(403)
    const json = await admin.post('/api/v1/imports/stock', { location: 'x' })
    expect(json.statusCode).toBe(415)
    expect(json.json().error.code).toBe('unsupported_file_type')
    const header = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/stock',
      payload: 'location,sku,qty\nX,Y,1\n',
      headers: { authorization: `Bearer ${t.admin}`, 'content-type': 'text/csv' },
    })
    expect(header.statusCode).toBe(422)
    expect(header.json().error).toMatchObject({
      code: 'invalid_header',
      details: { problems: ['unknown column qty', 'missing column quantity'] },
    })
  })
})

/** The command line in a child process (the sources under test, not a build). */

// The command line opens the database itself: a PostgreSQL server shares it with the test's app.
describe.skipIf(testDbKind() === 'pglite')('the command line', () => {
  it('imports a file with a report on stdout, exiting 2 on refused rows, and exports it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-bulk-'))
    try {
      const sku = await f.product({ priceCents: 1999 })
      const list = f.channels.web.price_list.code
      const file = join(dir, 'tarif.csv')
      writeFileSync(file, `price_list;sku;price\n${list};${sku};24,90\n${list};NO-SUCH-SKU;1,00\n`)
      const db = ['--database-url', t.databaseUrl!]
      const run = await runCli(['import', 'prices', file, ...db])
      expect(run.code, run.stderr).toBe(2)
      expect(JSON.parse(run.stdout)).toMatchObject({
        applied: 1,
        refused_rows: 1,
        refused: [{ line: 3, column: 'sku', code: 'unknown_sku' }],
      })
      expect(run.stderr).toContain('line 3, sku: no variant has SKU NO-SUCH-SKU')
      const out = join(dir, 'prix.csv')
      const exported = await runCli(['export', 'prices', '--out', out, ...db])
      expect(exported.code, exported.stderr).toBe(0)
      expect(readFileSync(out, 'utf8')).toContain(`${list},${sku},24.90`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
