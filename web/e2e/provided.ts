// What the browser tests' global set-up hands to the test files (`provide` there, `inject` here).
declare module 'vitest' {
  export interface ProvidedContext {
    /** The workspace built once for the run, served by every browser test file's server. */
    webBuild: string
    /** The demo snapshot made at install, unpacked once for the run (absent when it does not fit). */
    demoDataDir?: string
  }
}

export {}
