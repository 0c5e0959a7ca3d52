import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchCampaigns } from '../../src/campaigns/index.ts'
import { closeSmtpTransports, sendDueMessages, smtpTransport } from '../../src/notifications/index.ts'
import { startMailbox } from '../../src/notifications/smtp-mailbox.fixture.ts'
import { apiAs, screenshot, signIn, startWorkspace, unlabelledControls, type Workspace } from './harness.ts'

// The demo retailer's head office key (README, "Demo API keys").
const ADMIN = 'pk_demo_admin'

let w: Workspace
let context: BrowserContext
let page: Page
let admin: ReturnType<typeof apiAs>
let mailbox: Awaited<ReturnType<typeof startMailbox>>
let signedIn = false

/** Signs head office in once, from whichever test comes first (expect.poll runs inside tests only). */
async function headOffice(): Promise<Page> {
  if (!signedIn) await signIn(page, w.url, ADMIN)
  signedIn = true
  return page
}

beforeAll(async () => {
  ;[w, mailbox] = await Promise.all([startWorkspace(), startMailbox()])
  admin = apiAs(w.url, ADMIN)
  context = await w.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR' })
  page = await context.newPage()
  page.setDefaultTimeout(15_000)
  // The send button asks for confirmation.
  page.on('dialog', (d) => void d.accept())
}, 180_000)

afterAll(async () => {
  await context?.close()
  await closeSmtpTransports()
  await mailbox?.close()
  await w?.close()
})

describe('head office talks to customers from the workspace', () => {
  it('previews a message template in French and in English, with a store’s details', async () => {
    await headOffice()
    await page.getByRole('link', { name: 'Messages' }).click()
    await page.getByLabel('Modèle').selectOption('pickup_ready')
    const subject = page.getByTestId('preview-subject')
    await expect.poll(() => subject.textContent()).toMatch(/vous attend en magasin/)
    await expect.poll(() => page.getByTestId('preview-text').textContent()).toContain('482913')
    await page.getByLabel('Langue du message').selectOption('en')
    await expect.poll(() => subject.textContent()).toMatch(/is ready to collect/)
    expect(await unlabelledControls(page)).toEqual([])
    await screenshot(page, 'template-preview')
  })

  it('draws a segment, counts it, e-mails it a campaign and follows each recipient’s state', async () => {
    const run = Date.now().toString(36)
    const customer = async (first: string, country: string) => {
      const res = await admin.post('/customers', {
        first_name: first,
        last_name: `Campagne ${run}`,
        email: `${first.toLowerCase()}.${run}@example.test`,
        country,
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      // The demo records no marketing consent: these three are the segment.
      const consent = await admin.post(`/customers/${res.body.id}/consents`, {
        consents: [{ purpose: 'marketing', medium: 'email', granted: true }],
      })
      expect(consent.status).toBe(200)
      return { id: res.body.id as string, email: res.body.email as string }
    }
    await headOffice()
    const [lea, tom, zoe] = [
      await customer('Lea', 'FR'),
      await customer('Tom', 'GB'),
      await customer('Zoe', 'FR'),
    ]

    await page.getByRole('link', { name: 'Campagnes' }).click()
    const segmentName = `Consentants ${run}`
    await page.getByRole('textbox', { name: 'Nom' }).first().fill(segmentName)
    await page.getByLabel('Consentement marketing par e-mail').selectOption('yes')
    await page.getByRole('button', { name: 'Compter' }).click()
    await expect
      .poll(() => page.getByTestId('segment-count').textContent())
      .toBe('3 clients, dont 3 joignables par e-mail')
    await page.getByRole('button', { name: 'Enregistrer le segment' }).click()
    await page.getByTestId('segments').getByText(segmentName).waitFor()

    const campaignName = `Soldes ${run}`
    const form = page.getByRole('region', { name: 'Nouvelle campagne' })
    await form.getByRole('textbox', { name: 'Nom' }).fill(campaignName)
    await form.getByLabel('Segment').selectOption({ label: segmentName })
    await form.getByLabel('Objet (français)').fill('Les soldes, {{first_name}}')
    await form.getByLabel('Texte (français)').fill('Bonjour {{first_name}},\n\nLes soldes commencent.')
    await form.getByLabel('Objet (anglais)').fill('The sale, {{first_name}}')
    await form.getByLabel('Texte (anglais)').fill('Hello {{first_name}},\n\nThe sale starts.')
    await form.getByRole('button', { name: 'Créer la campagne' }).click()
    const row = page.locator(`tr[data-campaign="${campaignName}"]`)
    await expect.poll(() => row.getByTestId('campaign-status').textContent()).toBe('Brouillon')
    await row.getByRole('button', { name: 'Envoyer' }).click()
    await expect.poll(() => row.getByTestId('campaign-status').textContent()).toBe('En cours d’envoi')

    // Zoe withdraws her consent before her turn; then the dispatch and the sender pass, as their jobs would.
    await admin.post(`/customers/${zoe.id}/consents`, {
      consents: [{ purpose: 'marketing', medium: 'email', granted: false }],
    })
    await dispatchCampaigns(w.database.db)
    await sendDueMessages(w.database.db, { email: smtpTransport(mailbox.url), from: 'boutique@example.test' })

    await page.getByRole('button', { name: 'Actualiser' }).click()
    await expect.poll(() => row.locator('[data-state="sent"]').textContent()).toBe('2')
    await expect.poll(() => row.locator('[data-state="skipped"]').textContent()).toBe('1')
    await row.getByRole('button', { name: campaignName }).click()
    const recipients = page.getByTestId('recipients')
    await expect
      .poll(() => recipients.locator(`tr[data-customer="${zoe.id}"]`).textContent())
      .toContain('pas de consentement')
    await expect
      .poll(() => recipients.locator(`tr[data-customer="${lea.id}"]`).textContent())
      .toContain('Envoyé')
    expect(await recipients.locator(`tr[data-customer="${lea.id}"]`).textContent()).toContain(
      `Lea Campagne ${run}`,
    )
    expect(await unlabelledControls(page)).toEqual([])
    await screenshot(page, 'campaign-recipients')

    const to = (email: string) => mailbox.received.filter((m) => m.envelopeTo.includes(email))
    expect(to(lea.email).map((m) => m.subject)).toEqual(['Les soldes, Lea'])
    expect(to(tom.email).map((m) => m.subject)).toEqual(['The sale, Tom'])
    expect(to(zoe.email)).toEqual([])
    expect(to(lea.email)[0]!.headers.get('list-unsubscribe')).toMatch(/notifications\/unsubscribe\?token=/)
  })
})
