import { invalidInput } from '../shared/errors.ts'
import { returnNumberOfLabel } from './return-label.domain.ts'

/** The return number of a scanned label; anything else is the caller's mistake in `label`. */
export function labelNumber(code: string): number {
  const n = returnNumberOfLabel(code.trim())
  if (n === null) throw invalidInput('label', 'is not a return label barcode (28 + the return number)')
  return n
}
