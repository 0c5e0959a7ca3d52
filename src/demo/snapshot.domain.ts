import type { DemoSummary } from './demo-keys.ts'
/** What a demo snapshot says about itself (the first entry of its archive). */
export interface SnapshotDescription {
  format: number
  /** Hash of the migrations the database was made with. */
  schema: string
  /** Version of the embedded database engine (its data directory format). */
  engine: string
  seed: number
  /** When the demo was generated: its 24 months of history end then. */
  madeAt: string
  /** The demo's counts, as a seed reports them (its keys are fixed and known, not stored). */
  summary: Omit<DemoSummary, 'seed' | 'keys' | 'madeAt'>
}

export const SNAPSHOT_FORMAT = 1

/**
 * The demo's history is generated up to the moment it is made (orders of the last hours waiting to be
 * collected, this month's statements open, the last weeks in every chart). Shifting every date of a
 * snapshot forward would break what is tied to the calendar (Saturdays and Christmas peaks, monthly
 * franchise statements, the spring campaign), so a snapshot is used only while recent; older, the
 * demo is generated afresh (about half a minute).
 */
export const SNAPSHOT_MAX_AGE_DAYS = 3

const DAY_MS = 86_400_000

/** Why a snapshot cannot be loaded into a new database now, or undefined when it can. */
export function whyNotUsable(
  d: SnapshotDescription,
  current: { schema: string; engine: string },
  now: Date,
): string | undefined {
  if (d.format !== SNAPSHOT_FORMAT) return 'it was made by another version of Passerelle'
  if (d.schema !== current.schema) return 'it was made for another version of the database schema'
  if (d.engine !== current.engine)
    return `it was made by another version of the embedded database (${d.engine}, now ${current.engine})`
  const age = now.getTime() - Date.parse(d.madeAt)
  if (!Number.isFinite(age) || age < -DAY_MS) return 'its date is not valid'
  if (age > SNAPSHOT_MAX_AGE_DAYS * DAY_MS)
    return (
      `it was made ${Math.floor(age / DAY_MS)} days ago and the demo's history must end today ` +
      '(`npm run demo:snapshot` makes a new one)'
    )
  return undefined
}
