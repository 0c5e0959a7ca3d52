/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code run in the page by page.evaluate() is typed against the DOM.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, chromium, type Download, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { type App, buildApp } from '../../src/app/app.ts'
import { seedDemoInChild } from '../../src/app/demo-loader.ts'
import { type Database, openDatabase } from '../../src/db/database.ts'
import { migrate } from '../../src/db/migrate.ts'
import { loadDemoSnapshot } from '../../src/demo/snapshot.ts'
import { eventsJobs } from '../../src/events/index.ts'
import { startJobs } from '../../src/jobs/runner.ts'
import { browserFound, chromiumPath, inCi, missingBrowser } from './browser.ts'
import './provided.ts'

const webDir = fileURLToPath(new URL('..', import.meta.url))
export const screenshotDir = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url))

export interface Workspace {
  /** Where the server listens, e.g. http://127.0.0.1:40123 */
  url: string
  app: App
  database: Database
  browser: Browser
  /** Stops the server (the browser keeps its pages): the network as a till sees it is gone. */
  stopServer(): Promise<void>
  /** Starts it again on the same address and database. */
  startServer(): Promise<void>
  close(): Promise<void>
}

// One Chromium per test worker, shared by the browser test files it runs one after another (each file
// opens its own contexts and closes them): a launch costs a second or two of the two CPUs per file.
let workerBrowser: Promise<Browser> | undefined
async function sharedBrowser(): Promise<Browser> {
  const current = workerBrowser ? await workerBrowser.catch(() => undefined) : undefined
  if (current?.isConnected()) return current
  workerBrowser = chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: (process.env.E2E_ARGS ?? '').split(' ').filter(Boolean),
  })
  return workerBrowser
}

/**
 * A real server with the demo retailer, serving the workspace built from the current sources, and a
 * headless Chromium (Debian's, never a downloaded one) to drive it, shared with the worker's other files.
 */
export async function startWorkspace(): Promise<Workspace> {
  // Only reached without a browser in CI (elsewhere the config leaves these tests out): say why at once.
  if (!browserFound()) throw new Error(`${missingBrowser}. The browser tests are required in CI (CI=true).`)
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-'))
  const dataDir = join(dir, 'data')
  // Build the app and load the demo side by side. The demo comes as a first start gets it: from the
  // snapshot made at install when it fits this schema (a second or two), else generated in a child
  // process (about half a minute).
  const demo = async () => {
    // The run's global set-up unpacked the snapshot once: a copy of it is what a first start unpacks.
    const unpacked = inject('demoDataDir')
    if (unpacked) return cpSync(unpacked, dataDir, { recursive: true })
    if ('summary' in (await loadDemoSnapshot(dataDir))) return
    // The loader creates the data directory and migrates it before it loads the demo.
    await seedDemoInChild({ dataDir })
  }
  // The run's global set-up built the workspace once; a file run on its own without it builds its own.
  const built = inject('webBuild')
  const webRoot = built ?? join(dir, 'web')
  await Promise.all([
    built
      ? undefined
      : import('vite').then(({ build }) =>
          build({ root: webDir, logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } }),
        ),
    demo(),
  ])
  const database = await openDatabase({ dataDir })
  await migrate(database)
  const app = await buildApp({ database, webRoot })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const port = (app.server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  const browser = await sharedBrowser()
  mkdirSync(screenshotDir, { recursive: true })
  let running = true
  const workspace: Workspace = {
    url,
    app,
    database,
    browser,
    stopServer: async () => {
      running = false
      await workspace.app.close()
    },
    startServer: async () => {
      workspace.app = await buildApp({ database, webRoot })
      await workspace.app.listen({ host: '127.0.0.1', port })
      running = true
    },
    close: async () => {
      // The browser stays for the worker's next file; this file's pages go.
      await Promise.all(browser.contexts().map((c) => c.close()))
      if (running) await workspace.app.close()
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return workspace
}

/**
 * The relay as `passerelle worker` runs it: the events of committed facts published, then handed to
 * webhook subscriptions and sent (NATS and pruning left out: the test reaches no NATS server).
 */
export function runEventRelay(database: Database) {
  const quiet = { debug() {}, info() {}, warn() {}, error() {} }
  const relay = eventsJobs.filter((j) => j.id === 'events.sequence' || j.id === 'events.deliver-webhooks')
  return startJobs(database, relay, { defaultIntervalS: 1, log: quiet })
}

/** One POST a webhook receiver got: the event, and whether its signature checked out. */
export interface Delivery {
  event: { id: string; type: string; aggregate: { type: string; id: string } }
  signed: boolean
}

/**
 * A receiving system on 127.0.0.1 that answers 200 "ok" and verifies each Passerelle-Signature as
 * docs/webhooks.md tells integrators to: HMAC-SHA256 of "<t>.<body>" under the secret, t recent.
 */
export async function startWebhookReceiver() {
  const received: Delivery[] = []
  let secret = ''
  const verified = (header: string, body: string) => {
    const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]))
    const t = Number(parts.get('t'))
    const v1 = Buffer.from(parts.get('v1') ?? '')
    const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'))
    const recent = Math.abs(Date.now() / 1000 - t) < 300
    return recent && v1.length === expected.length && timingSafeEqual(v1, expected)
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const signed = verified(String(req.headers['passerelle-signature'] ?? ''), body)
      received.push({ event: JSON.parse(body), signed })
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/passerelle`,
    received,
    /** The secret the workspace showed: signatures are checked with it from now on. */
    trust(s: string) {
      secret = s
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The public API as a key sees it, for a test's own setup and its checks. */
export function apiAs(url: string, key: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    // biome-ignore lint/suspicious/noExplicitAny: test data read from JSON
    return { status: res.status, body: (await res.json()) as any }
  }
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
  }
}

/**
 * Makes a register of the demo store (Paris Bastille sells through registers, `CAISSE-1` and
 * `CAISSE-2`) the till register of every page of `context` (when given), as a cashier chooses it on
 * a till; with `open`, opens its session with a counted float first, as the Register screen does. Its id.
 */
export async function tillRegister(
  url: string,
  context: BrowserContext | null,
  code: 'CAISSE-1' | 'CAISSE-2',
  open: boolean,
): Promise<string> {
  const admin = apiAs(url, 'pk_demo_admin')
  const store = (await admin.get('/locations/STO-PARIS-BASTILLE')).body.id as string
  const registers = (await admin.get(`/fiscal/stores/${store}/registers`)).body as Array<{
    id: string
    code: string
  }>
  const register = registers.find((r) => r.code === code)
  expect(register, `register ${code} of the demo store`).toBeDefined()
  if (open) {
    const opened = await apiAs(url, 'pk_demo_store').post(`/fiscal/registers/${register!.id}/open`, {
      float_cents: 15_000,
    })
    expect(opened.status, JSON.stringify(opened.body)).toBe(201)
  }
  await context?.addInitScript(([key, id]) => localStorage.setItem(key, id), [
    `passerelle.fiscal-register.${store}`,
    register!.id,
  ] as const)
  return register!.id
}

/** Signs in by keyboard, as staff do: the key field has the focus, Enter submits. */
export async function signIn(page: Page, url: string, key: string) {
  await page.goto(url)
  await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('')
  await page.keyboard.type(key)
  await page.keyboard.press('Enter')
  await page.getByRole('navigation').waitFor()
}

/** Every form control has an accessible name (a label, aria-label or aria-labelledby). */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const text = (el: Element | null) => el?.textContent?.trim() ?? ''
    const controls = document.querySelectorAll<HTMLElement>(
      'input:not([type=hidden]), select, textarea, button',
    )
    return [...controls]
      .filter((el) => {
        const byAria = el.getAttribute('aria-label')?.trim()
        const byIds = (el.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .map((id) => text(document.getElementById(id)))
          .join('')
        const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map(text).join('') : ''
        const own = el.tagName === 'BUTTON' ? text(el) : ''
        return !(byAria || byIds || labels || own)
      })
      .map((el) => el.outerHTML.slice(0, 120))
  })
}

/** The accessible name of the focused element (label, aria-label or text). */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return ''
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? ''
    return (
      (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim() || (el.textContent ?? '').trim()
    )
  })
}

/** Presses Tab (only the keyboard) until the control named `name` has the focus. */
export async function tabTo(page: Page, name: string | RegExp, max = 60) {
  for (let i = 0; i < max; i++) {
    const current = await focusedName(page)
    if (typeof name === 'string' ? current === name : name.test(current)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached "${name}" (last: "${await focusedName(page)}")`)
}

/**
 * A document the page opens in a new tab from a blob URL (a PDF fetched with the staff key): the tab
 * shows it where the browser has a PDF viewer (Chromium), or saves it as a download where it has none
 * (the headless shell; the download is the opener's when the tab was opened with `noopener`). Either
 * way the blob URL opened once the click has happened, and the tab, for the caller to close.
 */
export async function openedBlob(
  context: BrowserContext,
  click: () => Promise<unknown>,
): Promise<{ url: string; tab: Page }> {
  let saved = ''
  const onDownload = (d: Download) => {
    saved = d.url()
  }
  const watch = (p: Page) => p.on('download', onDownload)
  for (const p of context.pages()) watch(p)
  context.on('page', watch)
  try {
    const [tab] = await Promise.all([context.waitForEvent('page'), click()])
    let url = ''
    await expect
      .poll(() => {
        url = /^blob:/.test(tab.url()) ? tab.url() : saved
        return url
      })
      .toMatch(/^blob:/)
    return { url, tab }
  } finally {
    context.off('page', watch)
    for (const p of context.pages()) p.off('download', onDownload)
  }
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** axe-core's serious and critical violations on the page as it is now. */
export async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath })
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe-core's global, injected above
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] })
    return (
      result.violations as Array<{
        id: string
        impact: string
        nodes: Array<{ target: string[] }>
      }>
    )
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}

/**
 * Screenshots are for people to look at: taken by a developer's run, not by CI (where nobody looks and
 * each full page costs the browser's CPU); PASSERELLE_SCREENSHOTS=1 or =0 says otherwise.
 */
export const screenshotsTaken = (process.env.PASSERELLE_SCREENSHOTS ?? (inCi() ? '0' : '1')) === '1'

/** A full-page screenshot under artifacts/screenshots. */
export async function screenshot(page: Page, name: string) {
  if (!screenshotsTaken) return
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true })
}
