/**
 * How many random cases a property or solver comparison tries. `npm test` runs every case;
 * `npm run test:unit`, the quick loop, sets PASSERELLE_PROPERTY_SCALE=0.25 and still tries enough
 * cases to catch a broken rule, in a quarter of the time.
 */
export function propertyRuns(full: number): number {
  const scale = Number(process.env.PASSERELLE_PROPERTY_SCALE ?? '1')
  if (!Number.isFinite(scale) || scale <= 0 || scale >= 1) return full
  return Math.max(10, Math.round(full * scale))
}
