import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsv, readOrders, toCsv } from './po-csv.domain.ts'
import { checkDelivery, orderStatus, purchaseNeed } from './purchasing.domain.ts'

describe('a delivery against its order', () => {
  const order = [
    { sku: 'A', quantity: 10, received: 0, damaged: 0 },
    { sku: 'B', quantity: 100, received: 60, damaged: 0 },
  ]
  it('says what is over, short and damaged', () => {
    const { lines, needsApproval } = checkDelivery(
      order,
      [
        { sku: 'A', received: 8, damaged: 1 },
        { sku: 'B', received: 44, damaged: 0 },
      ],
      5,
    )
    expect(lines).toEqual([
      { sku: 'A', ordered: 10, outstanding: 10, received: 8, damaged: 1, over: 0, short: 1 },
      { sku: 'B', ordered: 100, outstanding: 40, received: 44, damaged: 0, over: 4, short: 0 },
    ])
    expect(needsApproval).toBe(false)
  })

  it('over the tolerance, counting what came before, needs approval', () => {
    expect(checkDelivery(order, [{ sku: 'B', received: 46, damaged: 0 }], 5)).toMatchObject({
      needsApproval: true,
      overBy: ['B'],
    })
  })

  it('never needs approval within the order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(500), fc.nat(100), (quantity, came, tol) => {
        const { needsApproval } = checkDelivery(
          [{ sku: 'A', quantity, received: 0, damaged: 0 }],
          [{ sku: 'A', received: Math.min(came, quantity), damaged: 0 }],
          tol,
        )
        expect(needsApproval).toBe(false)
      }),
    )
  })

  it('an order is received once every line came in full', () => {
    expect(orderStatus([{ sku: 'A', quantity: 2, received: 0, damaged: 0 }])).toBe('open')
    expect(orderStatus([{ sku: 'A', quantity: 2, received: 1, damaged: 0 }])).toBe('partially_received')
    expect(orderStatus([{ sku: 'A', quantity: 2, received: 1, damaged: 1 }])).toBe('received')
  })
})

describe('what to buy', () => {
  it('covers the lead time and the cover, less the position, in packs', () => {
    expect(
      purchaseNeed({
        dailyDemand: 2,
        onHand: 10,
        reserved: 2,
        inTransit: 0,
        onOrder: 20,
        leadDays: 5,
        coverDays: 10,
        packSize: 12,
      }),
    ).toEqual({ target: 30, position: 28, quantity: 12 })
    expect(
      purchaseNeed({
        dailyDemand: 2,
        onHand: 40,
        reserved: 0,
        inTransit: 0,
        onOrder: 0,
        leadDays: 5,
        coverDays: 10,
        packSize: 12,
      }).quantity,
    ).toBe(0)
  })
})

describe('the purchase-order file', () => {
  it('reads quoted cells and writes what it reads', () => {
    const rows = [
      ['reference', 'note'],
      ['PO-1', 'a "quoted", cell\nwith a line'],
    ]
    expect(parseCsv(toCsv(rows))).toEqual(rows)
  })

  it('any cells survive a round trip', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const kept = rows.filter((r) => r.some((c) => c.trim() !== ''))
          expect(parseCsv(toCsv(kept))).toEqual(kept)
        },
      ),
    )
  })

  it('groups rows by reference and names the refused ones', () => {
    const { orders, refused } = readOrders(
      'reference,supplier,location,expected_on,sku,quantity\r\nP1,S,W,2030-01-01,A,3\r\nP1,S,W,2030-01-01,B,4\r\nP1,S,X,2030-01-01,C,1\r\n',
    )
    expect(orders).toEqual([
      {
        reference: 'P1',
        supplier: 'S',
        location: 'W',
        expectedOn: '2030-01-01',
        line: 2,
        lines: [
          { sku: 'A', quantity: 3, unitCostCents: 0, line: 2 },
          { sku: 'B', quantity: 4, unitCostCents: 0, line: 3 },
        ],
      },
    ])
    expect(refused).toEqual([
      { line: 4, column: 'reference', code: 'inconsistent', reason: expect.any(String) },
    ])
    expect(readOrders('sku,quantity\nA,1').refused.map((r) => r.column)).toEqual([
      'reference',
      'supplier',
      'location',
      'expected_on',
    ])
  })
})
