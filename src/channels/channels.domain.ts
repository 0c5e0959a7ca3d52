/** How a sale leaves the brand: carried out of the store, delivered, picked up, or reserved and paid in store. */
export const fulfilmentModes = ['takeaway', 'delivery', 'pickup', 'reserve'] as const
export type FulfilmentMode = (typeof fulfilmentModes)[number]

export const channelKinds = ['store', 'web', 'mobile', 'call_centre', 'catalogue', 'partner'] as const
export type ChannelKind = (typeof channelKinds)[number]

/** Why these fulfilment modes do not suit a channel of this kind, or null when they do. */
export function invalidChannelModes(kind: ChannelKind, modes: readonly FulfilmentMode[]): string | null {
  if (modes.length === 0) return 'a channel sells with at least one fulfilment mode'
  const repeated = modes.find((m, i) => modes.indexOf(m) !== i)
  if (repeated) return `${repeated} is listed twice`
  // Take-away means the customer leaves the till with the goods: only a store channel has a till.
  if (kind !== 'store' && modes.includes('takeaway')) {
    return `takeaway is only offered by a store channel, not by a ${kind} channel`
  }
  return null
}
