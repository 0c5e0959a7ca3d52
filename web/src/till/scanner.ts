import { useEffect, useRef } from 'react'

/**
 * A scanner types a character every 1 to 20 ms (more on a loaded till: the browser may hold keys while
 * it draws); a person, even a fast typist, one every 100 ms or more on average. A barcode is thirteen
 * digits then Enter whose keys come on average at most MEAN_GAP_MS apart, none more than MAX_GAP_MS.
 */
export const MEAN_GAP_MS = 80
export const MAX_GAP_MS = 250

const EAN13_LENGTH = 13

interface Stroke<T> {
  key: string
  at: number
  before: T
}

/**
 * Reads keystrokes one by one and says when an Enter ends a scanner burst. Each key carries what the
 * page looked like before it (`before`): the burst's first key's is handed back, to undo the burst.
 */
export class BurstReader<T = undefined> {
  private strokes: Stroke<T>[] = []

  /** The barcode and what was before its first key when `key` is the Enter ending a burst, else null. */
  key(key: string, at: number, before: T): { code: string; before: T } | null {
    const last = this.strokes.at(-1)
    if (last && at - last.at > MAX_GAP_MS) this.strokes = []
    if (key !== 'Enter') {
      if (key.length === 1) this.strokes = [...this.strokes.slice(-(EAN13_LENGTH + 4)), { key, at, before }]
      else this.strokes = []
      return null
    }
    const burst = this.strokes.slice(-EAN13_LENGTH)
    this.strokes = []
    if (burst.length < EAN13_LENGTH || !burst.every((s) => /\d/.test(s.key))) return null
    const first = burst[0]!
    if ((at - first.at) / EAN13_LENGTH > MEAN_GAP_MS) return null
    return { code: burst.map((s) => s.key).join(''), before: first.before }
  }
}

type Editable = HTMLInputElement | HTMLTextAreaElement

const editable = (el: Element | null): el is Editable =>
  el instanceof HTMLTextAreaElement ||
  (el instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(el.type))

/** Sets a field's value as typing would, so that React's onChange sees it. */
export function setFieldValue(el: Editable, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set
  setter?.call(el, value)
  el.dispatchEvent(new Event('input', { bubbles: true }))
}

/**
 * Catches a scanner burst wherever the focus is on the page (a quantity, a discount, the customer
 * search, the payment, a button): the field it was typed into gets its value back, the Enter does not
 * submit that field's form, and `onScan` gets the code. Fields marked `data-scan-field` handle scans
 * themselves (the scan field). Typing by hand is left alone: it is never that fast.
 */
export function useScannerBursts(
  onScan: (code: string, at: number, typedInto: Editable | null, typedValue: string) => void,
) {
  const handler = useRef(onScan)
  handler.current = onScan
  useEffect(() => {
    const reader = new BurstReader<{ el: Editable; value: string } | null>()
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return
      const target = document.activeElement
      const scan = reader.key(
        e.key,
        e.timeStamp,
        editable(target) ? { el: target, value: target.value } : null,
      )
      if (!scan) return
      if (target instanceof HTMLElement && target.closest('[data-scan-field]')) return
      e.preventDefault()
      e.stopPropagation()
      let typed = ''
      const { before } = scan
      if (before && before.el === target) {
        typed = before.el.value
        setFieldValue(before.el, before.value)
      }
      handler.current(scan.code, performance.now(), editable(target) ? target : null, typed)
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])
}
