import { describe, expect, it } from 'vitest'
import { shipmentsOf, type TaskStepRow, trackingOf } from './account.domain.ts'

const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 9, minute))
const step = (over: Partial<TaskStepRow>): TaskStepRow => ({
  task_id: 'tsk_1',
  kind: 'ship',
  location_id: 'loc_wh',
  to_status: 'picking',
  at: at(1),
  data: null,
  ...over,
})

describe('what the customer reads of an order', () => {
  it('tells the order’s steps and its preparation in time order, staff-only history left out', () => {
    const tracking = trackingOf(
      [
        { type: 'placed', at: at(0) },
        { type: 'customer_attached', at: at(0) },
        { type: 'fulfilled', at: at(5) },
      ],
      [
        step({ to_status: 'picking', at: at(2) }),
        step({ to_status: 'packed', at: at(3) }),
        step({ to_status: 'shipped', at: at(5), data: { carrier: 'Colissimo', tracking_number: '6A1' } }),
      ],
    )
    expect(tracking.stage).toBe('shipped')
    expect(tracking.timeline).toEqual([
      expect.objectContaining({ step: 'placed', location_id: null }),
      expect.objectContaining({ step: 'preparing', location_id: 'loc_wh' }),
      expect.objectContaining({ step: 'packed' }),
      expect.objectContaining({ step: 'shipped', carrier: 'Colissimo', tracking_number: '6A1' }),
    ])
  })

  it('steps written in one transaction come in the order they happen', () => {
    const tracking = trackingOf(
      [
        { type: 'completed', at: at(9) },
        { type: 'placed', at: at(0) },
      ],
      [step({ kind: 'collect', to_status: 'collected', at: at(9) })],
    )
    expect(tracking.timeline.map((e) => e.step)).toEqual(['placed', 'collected', 'completed'])
  })

  it('a transfer to the pickup store is said as on its way; its other steps are the brand’s', () => {
    const tracking = trackingOf(
      [],
      [
        step({ kind: 'transfer', to_status: 'picking' }),
        step({ kind: 'transfer', to_status: 'shipped', at: at(4) }),
      ],
    )
    expect(tracking.timeline.map((e) => e.step)).toEqual(['on_the_way_to_store'])
  })

  it('nothing happened yet: no stage', () => {
    expect(trackingOf([], [])).toEqual({ stage: null, timeline: [] })
  })

  it('a parcel shows its carrier once shipped and its delivery once delivered', () => {
    const steps = [
      step({ to_status: 'shipped', at: at(5), data: { carrier: 'DPD', tracking_number: null } }),
      step({ to_status: 'delivered', at: at(50) }),
    ]
    expect(
      shipmentsOf(
        [
          { id: 'tsk_1', kind: 'ship', location_id: 'loc_wh', status: 'delivered' },
          { id: 'tsk_2', kind: 'collect', location_id: 'loc_st', status: 'allocated' },
        ],
        steps,
      ),
    ).toEqual([
      {
        from_location_id: 'loc_wh',
        status: 'delivered',
        shipped_at: at(5).toISOString(),
        delivered_at: at(50).toISOString(),
        carrier: 'DPD',
        tracking_number: null,
      },
    ])
  })
})
