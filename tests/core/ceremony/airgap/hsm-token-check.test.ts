/**
 * The HSM token opened for a ceremony (a real SoftHSM token, parameters from the simulator): its
 * capability check is journaled with the token's identity and never the PIN; a restore given
 * another token than its journal names is refused before login (a wrong PIN is never even tried),
 * and the refusal is journaled with the module and the token asked for.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCheckedToken } from '../../../../src-main/core/ceremony/airgap/hsm-token-check';
import { readImportParametersBundle } from '../../../../src-main/core/ceremony/airgap/steps';
import { onlineDayOne } from '../ceremony-fixture';
import { hsmPlan, softHsmCeremonies, softHsmRequest } from '../hsm-ceremony';

const t = softHsmCeremonies('token-check', '40917263');

/** The import parameters of a one-key ceremony, and the air-gapped journal to check the token in. */
async function parametersAndJournal() {
  const plan = hsmPlan(t.f, ['AES_256']);
  const { params } = await onlineDayOne(t.f, plan);
  const { keys } = await readImportParametersBundle(params, new Date(), 'airgap');
  const journal = await t.f.journal('airgap.jsonl');
  return { keys, journal, context: { journal, operator: plan.operator } };
}

describe('the HSM token opened for a ceremony', () => {
  it('journals the capability check with the token’s identity, never the PIN', async () => {
    const { keys, journal, context } = await parametersAndJournal();
    const opened = await openCheckedToken(softHsmRequest(t.token), keys, context);
    try {
      expect(opened.reports.map((r) => r.algorithm)).toEqual(['RSAES_OAEP_SHA_1']);
      const checked = journal.entries.at(-1);
      expect(checked?.event).toBe('hsm.capability-checked');
      expect(checked?.data).toMatchObject({ hsm: { label: 'token-check', serial: opened.session.identity.serial } });
    } finally {
      opened.session.close();
      opened.module.close();
      await journal.close();
    }
    expect(await readFile(path.join(t.f.dir, 'airgap.jsonl'), 'utf8')).not.toContain(t.token.pin);
  }, 60_000);

  it('refuses a restore’s other token before login, journaled', async () => {
    const { keys, journal, context } = await parametersAndJournal();
    const request = softHsmRequest(t.token, { pin: '11111111' });
    const refusal = openCheckedToken(request, keys, context, 'SERIAL-IN-JOURNAL');
    await expect(refusal).rejects.toMatchObject({
      code: 'HSM_RESTORE_TOKEN_DIFFERS',
      values: { token: 'token-check', recorded: 'SERIAL-IN-JOURNAL' },
      message: expect.stringMatching(
        /^Token "token-check" has serial \S+, but the air-gapped journal recorded the material in the token with serial SERIAL-IN-JOURNAL\.$/,
      ),
    });
    expect(journal.entries.at(-1)).toMatchObject({
      event: 'hsm.refused',
      data: { code: 'HSM_RESTORE_TOKEN_DIFFERS', modulePath: request.modulePath, token: 'token-check' },
    });
    await journal.close();
  }, 60_000);
});
