import type { Register } from './registers'

/** A register as a list shows it: its code, and its name when it says more. */
export function chosenRegisterLabel(r: Register): string {
  return r.name === r.code ? r.code : `${r.code} — ${r.name}`
}
