import { Presets, SingleBar } from 'cli-progress'
import type { ProgressListener } from '../demo/demo-keys.ts'

export interface Progress {
  onProgress: ProgressListener
  stop(): void
}

const labels: Record<string, string> = { generate: 'generating' }

/**
 * Progress of a long step on stderr: a bar per stage in a terminal, one line per finished stage
 * otherwise (logs, CI), so stdout stays clean for the output that matters.
 */
export function progressOnStderr(): Progress {
  if (!process.stderr.isTTY) {
    return {
      onProgress: (step, done, total) => {
        if (done === total)
          process.stderr.write(`  ✓ ${labels[step] ?? step}: ${total.toLocaleString('en')}\n`)
      },
      stop: () => {},
    }
  }
  const bar = new SingleBar(
    {
      format: '  {step} |{bar}| {value}/{total}',
      stream: process.stderr,
      hideCursor: true,
      barsize: 30,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  )
  let current: string | undefined
  return {
    onProgress: (step, done, total) => {
      const label = (labels[step] ?? step).padEnd(16)
      if (step !== current) {
        if (current) bar.stop()
        current = step
        bar.start(total, done, { step: label })
        return
      }
      bar.update(done, { step: label })
    },
    stop: () => {
      if (current) bar.stop()
      current = undefined
    },
  }
}
