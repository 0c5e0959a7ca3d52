// What the run's global set-up hands to the test files (`provide` there, `inject` here), typed once
// for both, including projects that compile the harness without the set-up.
declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated PostgreSQL database that test databases are cloned from. */
    postgresTemplate: string
  }
}

export {}
