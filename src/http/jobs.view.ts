import type { JobStatus } from '../jobs/runner.ts'

/** A job's passes as the API shows them. */
export const jobView = (j: JobStatus) => ({
  id: j.id,
  interval_s: j.intervalS,
  running: j.running,
  runs: j.runs,
  failures: j.failures,
  skipped: j.skipped,
  last_duration_ms: j.lastDurationMs,
  last_success_at: j.lastSuccessAt?.toISOString() ?? null,
  last_failure_at: j.lastFailureAt?.toISOString() ?? null,
})
