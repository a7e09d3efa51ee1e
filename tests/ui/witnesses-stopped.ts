/**
 * The witnesses cannot confirm, as the browser tests of both sides on the air-gapped workstation
 * check it (the wrap's: witness-attempts-stop.test.ts; the custody restore's:
 * custody-restore.witness-stop.test.ts): a witness's three wrong digests typed on the screen,
 * the notice of the stop that follows, every step card closed, the stop journaled, and the notice's
 * button starting a new session.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Translator } from '../../src-main/i18n/translate';
import { journalEvents } from '../ipc/handlers/airgap-session';
import { WRONG_DIGESTS } from '../ipc/handlers/witnesses-stop-steps';
import { problemIn, succeeded } from './page-helpers';

/** Each side's screen: its sections' prefix, its witnesses' section and the select value of its notice. */
const STOPPING_SIDES = {
  'air-gapped': { prefix: 'air', section: 'air-fingerprints', side: 'airgap' },
  'custody-restore': { prefix: 'restore', section: 'restore-fingerprint', side: 'restore' },
} as const;

type StoppingSide = (typeof STOPPING_SIDES)[keyof typeof STOPPING_SIDES];

/** The checks below on `which` side's screen in `page`, in the language of `t`. */
export function witnessesStopOn(page: Page, t: Translator['t'], which: keyof typeof STOPPING_SIDES) {
  const side = STOPPING_SIDES[which];
  return {
    typeWrongDigests: (witness: string, journal: string) => typeWrongDigests(page, t, side, witness, journal),
    notice: (witness: string) => stopNotice(page, t, side, witness),
    expectEveryStepStopped: (cards: number, buttons: readonly string[]) =>
      expectEveryStepStopped(page, t, side, cards, buttons),
    expectJournaled: expectStopJournaled,
    startNewSession: (notice: Locator) => startNewSession(page, t, side, notice),
  };
}

/** `witness` types three wrong digests: the first two are refused as ever (the session goes on), the third stops it. */
async function typeWrongDigests(
  page: Page,
  t: Translator['t'],
  { section }: StoppingSide,
  witness: string,
  journal: string,
): Promise<void> {
  const witnesses = page.locator(`[data-section="${section}"]`);
  const card = witnesses.locator('.bundle-digest');
  const refused = async () => (await journalEvents(journal)).filter((e) => e.event === 'witness.refused').length;
  for (const [n, wrong] of WRONG_DIGESTS.entries()) {
    await card.getByLabel(t('bundle-confirm.typed-as', { witness })).fill(wrong);
    await card.getByRole('button', { name: t('fingerprint.confirm-as', { witness }) }).click();
    await expect.poll(refused).toBe(n + 1);
    if (n === 2) return;
    expect(await problemIn(page, section)).toContain(witness);
    expect(await witnesses.locator('.stopped-session').count()).toBe(0);
  }
}

/**
 * The witnesses' step says the session is stopped, why (`witness`'s problem, with the app's way on,
 * not quitting Keyferry), what the stop did (nothing wiped, no bundle) and that its steps are closed;
 * said once (not the refusal again beside it). The notice, and its text.
 */
async function stopNotice(
  page: Page,
  t: Translator['t'],
  { section, side }: StoppingSide,
  witness: string,
): Promise<{ notice: Locator; text: string }> {
  const notice = page.locator(`[data-section="${section}"] .stopped-session`);
  await notice.waitFor();
  const text = (await notice.textContent()) ?? '';
  expect(text).toContain(t('air.stopped.title'));
  const exhausted = { witness, attempts: 3, artefact: 'bundle', count: 1, keys: '', surface: 'app' };
  expect(text).toContain(t('problem.WITNESS_ATTEMPTS_EXHAUSTED', exhausted));
  expect(text).toContain(t('problem.WITNESS_ATTEMPTS_EXHAUSTED.next', exhausted));
  expect(text).toContain(t('left.wiped', { wiped: 0 }));
  expect(text).toContain(t('left.no-bundle'));
  expect(text).toContain(t('air.stopped.steps', { side, journaled: 'yes' }));
  expect(text).not.toMatch(/close Keyferry|关闭 Keyferry/);
  expect(await page.locator(`[data-activity="${section}"] .problem`).count()).toBe(0);
  return { notice, text };
}

/** Every step card of the side's screen says Stopped (`cards` of them at least), and each of `buttons` is disabled. */
async function expectEveryStepStopped(
  page: Page,
  t: Translator['t'],
  { prefix }: StoppingSide,
  cards: number,
  buttons: readonly string[],
): Promise<void> {
  const labels = await page.locator(`[data-section^="${prefix}-"] .step-state`).allTextContents();
  expect(labels.length).toBeGreaterThanOrEqual(cards);
  expect(new Set(labels)).toEqual(new Set([t('step.state.stopped')]));
  for (const name of buttons)
    expect(await page.getByRole('button', { name, exact: true }).isDisabled(), name).toBe(true);
}

/** `journal` holds `witness`'s three refusals, then one stop with their problem (as the command line journals it), and no material. */
async function expectStopJournaled(journal: string, witness: string): Promise<void> {
  const events = await journalEvents(journal);
  expect(events.filter((e) => e.event === 'witness.refused').map((e) => e.actor)).toEqual(Array(3).fill(witness));
  const abandoned = events.filter((e) => e.event === 'ceremony.abandoned');
  expect(abandoned).toHaveLength(1);
  expect(abandoned[0]?.data).toMatchObject({ code: 'WITNESS_ATTEMPTS_EXHAUSTED', wipedKeys: 0 });
  expect(events.some((e) => e.event.startsWith('material.') || e.event.startsWith('share.'))).toBe(false);
}

/** The notice's button starts a new session (the network check): the parameters step is open again, nothing says Stopped. */
async function startNewSession(page: Page, t: Translator['t'], stopping: StoppingSide, notice: Locator) {
  await notice.getByRole('button', { name: t('air.stopped.again'), exact: true }).click();
  await succeeded(page, `${stopping.prefix}-network`);
  await page.locator(`[data-section="${stopping.prefix}-parameters"] .state-current`).waitFor();
  expect(await notice.count()).toBe(0);
  expect(await page.locator(`[data-section^="${stopping.prefix}-"] .state-stopped`).count()).toBe(0);
}
