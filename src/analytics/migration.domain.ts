/**
 * Migration between channels: how a customer's spend moved from one channel to another between two
 * periods. Pure, in integer cents.
 *
 * For one customer with spend a[c] in the first period and b[c] in the second:
 * - kept in c: min(a[c], b[c]);
 * - decrease d[c] = max(0, a[c] − b[c]), increase u[c] = max(0, b[c] − a[c]), D = Σd, U = Σu;
 * - moved = min(D, U): the part of the decreases that reappears as increases elsewhere, split in
 *   proportion (from c to k: d[c] × u[k] / max(D, U));
 * - new spend in k = u[k] − moved into k (the customer spent more overall);
 * - lost spend from c = d[c] − moved out of c (the customer spent less overall).
 * Cells are rounded to whole cents so that every identity holds exactly:
 * a[c] = kept[c] + Σk flow[c][k] + lost[c] and b[k] = kept[k] + Σc flow[c][k] + new[k].
 */

export type Spend = Record<string, number>

export interface FlowMatrix {
  channels: string[]
  /** flows[from][to], cents moved from one channel to another (the diagonal is 0). */
  flows: number[][]
  kept: number[]
  /** Extra spend of these same customers in the second period, by channel. */
  added: number[]
  /** Spend these customers no longer made anywhere, by channel of the first period. */
  lost: number[]
  before: number[]
  after: number[]
  customers: number
}

export function emptyMatrix(channels: string[]): FlowMatrix {
  const zeros = () => channels.map(() => 0)
  return {
    channels,
    flows: channels.map(() => zeros()),
    kept: zeros(),
    added: zeros(),
    lost: zeros(),
    before: zeros(),
    after: zeros(),
    customers: 0,
  }
}

/** Splits `total` in whole units in proportion to `weights` (largest remainder, ties to the first). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0)
  if (sum === 0 || total === 0) return weights.map(() => 0)
  const exact = weights.map((w) => (total * w) / sum)
  const out = exact.map(Math.floor)
  let rest = total - out.reduce((s, x) => s + x, 0)
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((p, q) => q[0] - p[0] || p[1] - q[1])
  for (const [, i] of order) {
    if (rest <= 0) break
    out[i]!++
    rest--
  }
  return out
}

/** Adds one customer's two periods to the matrix (both periods must be non-empty to be "identified in both"). */
export function addCustomer(m: FlowMatrix, before: Spend, after: Spend): void {
  const n = m.channels.length
  const a = m.channels.map((c) => before[c] ?? 0)
  const b = m.channels.map((c) => after[c] ?? 0)
  const d = a.map((x, i) => Math.max(0, x - b[i]!))
  const u = b.map((x, i) => Math.max(0, x - a[i]!))
  const D = d.reduce((s, x) => s + x, 0)
  const U = u.reduce((s, x) => s + x, 0)
  const moved = Math.min(D, U)
  const out = apportion(moved, d)
  const into = apportion(moved, u)
  const cells = moveCells(out, into, moved)
  m.customers++
  for (let i = 0; i < n; i++) {
    m.before[i]! += a[i]!
    m.after[i]! += b[i]!
    m.kept[i]! += Math.min(a[i]!, b[i]!)
    m.lost[i]! += d[i]! - out[i]!
    m.added[i]! += u[i]! - into[i]!
    for (let k = 0; k < n; k++) m.flows[i]![k]! += cells[i]![k]!
  }
}

/**
 * Integer cells with row sums `rows` and column sums `cols` (both adding up to `total`), close to the
 * proportional rows[i] × cols[k] / total: floors first, then the few cents left by the north-west corner.
 * A channel only decreases or only increases, so the diagonal is always 0.
 */
function moveCells(rows: number[], cols: number[], total: number): number[][] {
  const cells = rows.map((r) => cols.map((c) => (total === 0 ? 0 : Math.floor((r * c) / total))))
  const rowLeft = rows.map((r, i) => r - cells[i]!.reduce((s, x) => s + x, 0))
  const colLeft = cols.map((c, k) => c - cells.reduce((s, row) => s + row[k]!, 0))
  let i = 0
  let k = 0
  while (i < rows.length && k < cols.length) {
    if (rowLeft[i] === 0) {
      i++
      continue
    }
    if (colLeft[k] === 0) {
      k++
      continue
    }
    const x = Math.min(rowLeft[i]!, colLeft[k]!)
    cells[i]![k]! += x
    rowLeft[i]! -= x
    colLeft[k]! -= x
  }
  return cells
}

/** The flow matrix of customers identified in both periods. */
export function flowMatrix(
  channels: string[],
  customers: Iterable<{ before: Spend; after: Spend }>,
): FlowMatrix {
  const m = emptyMatrix(channels)
  for (const c of customers) addCustomer(m, c.before, c.after)
  return m
}
