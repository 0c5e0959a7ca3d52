const L = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
]
const R = L.map((code) => [...code].map((b) => (b === '1' ? '0' : '1')).join(''))
const G = R.map((code) => [...code].reverse().join(''))
const PARITY = [
  'LLLLLL',
  'LLGLGG',
  'LLGGLG',
  'LLGGGL',
  'LGLLGG',
  'LGGLLG',
  'LGGGLL',
  'LGLGLG',
  'LGLGGL',
  'LGGLGL',
]

/** The 95 modules of an EAN-13 (1 = bar). */
export function ean13Modules(ean: string): string {
  const d = [...ean].map(Number)
  const parity = PARITY[d[0]!]!
  const left = d
    .slice(1, 7)
    .map((n, i) => (parity[i] === 'L' ? L[n] : G[n]))
    .join('')
  const right = d
    .slice(7)
    .map((n) => R[n])
    .join('')
  return `101${left}01010${right}101`
}

/** The receipt's barcode, scanned at any till to find the purchase (returns, exchanges). */
export function Barcode({ ean }: { ean: string }) {
  if (!/^\d{13}$/.test(ean)) return null
  const modules = ean13Modules(ean)
  return (
    <figure className="barcode">
      <svg viewBox={`0 0 ${modules.length + 18} 60`} role="img" aria-label={`EAN-13 ${ean}`}>
        <rect width="100%" height="100%" fill="#fff" />
        {[...modules].map((m, i) =>
          // biome-ignore lint/suspicious/noArrayIndexKey: a module is its position
          m === '1' ? <rect key={i} x={i + 9} y={4} width={1} height={52} fill="#000" /> : null,
        )}
      </svg>
      <figcaption>{ean}</figcaption>
    </figure>
  )
}
