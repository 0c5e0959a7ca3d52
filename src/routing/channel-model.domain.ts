import { type CostModel, defaultCostModel } from './cost-model.domain.ts'

type Overrides = Record<string, unknown> | null | undefined

/** The cost model of a channel: the defaults with the channel's own settings on top. */
export function costModelFor(overrides: Overrides): CostModel {
  if (!overrides) return defaultCostModel
  const o = overrides as Partial<CostModel>
  return {
    ...defaultCostModel,
    ...o,
    prepParcelCents: { ...defaultCostModel.prepParcelCents, ...(o.prepParcelCents ?? {}) },
    prepUnitCents: { ...defaultCostModel.prepUnitCents, ...(o.prepUnitCents ?? {}) },
  }
}
