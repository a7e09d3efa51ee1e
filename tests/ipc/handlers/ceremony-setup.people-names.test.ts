/**
 * The operator's and witnesses' names at `ceremony.setup`, through the real router and handlers: a
 * name with a pasted invisible character (U+200B) was refused by the request's schema as "field
 * operator is not in the expected form", naming neither the field's person nor the character. They
 * are now taken as typed (bounded in length) and checked by the rule `keyferry airgap wrap` applies
 * to --operator and --witness (checkCeremonyPeople), which names the person and the character; a
 * name typed with spaces around it is set up trimmed, as before.
 */
import { describe, expect, it } from 'vitest';
import { call, value } from './airgap-session';
import { rehearsalPerTest } from './setup-rehearsal';

/** A rehearsal chosen, with a folder of its own; nothing set up yet. */
const open = rehearsalPerTest('keyferry-setup-people-');
const rehearsal = async () => (await open()).ipc;

describe('the people’s names at setup', () => {
  it('names the person and the invisible character pasted into a name, as the command line does', async () => {
    const ipc = await rehearsal();
    const operator = await call(ipc, 'ceremony.setup', { title: 'T', operator: 'Ana\u200b', witnesses: ['Ben'] });
    expect(operator).toMatchObject({ ok: false, problem: { code: 'CEREMONY_PEOPLE_INVALID' } });
    if (operator.ok) throw new Error('the setup passed');
    expect(operator.problem.message).toContain(
      'the operator ("Ana\\u200b"): a name cannot contain control or invisible characters',
    );
    const witness = await call(ipc, 'ceremony.setup', {
      title: 'T',
      operator: 'Ana',
      witnesses: ['Ben', '\u200bCara'],
    });
    if (witness.ok) throw new Error('the setup passed');
    expect(witness.problem.message).toContain('witness 2 ("\\u200bCara")');
    // Too long for any name is still refused at the request, by its bound.
    expect(
      await call(ipc, 'ceremony.setup', { title: 'T', operator: 'A'.repeat(401), witnesses: ['Ben'] }),
    ).toMatchObject({ ok: false, problem: { code: 'IPC_BAD_REQUEST' } });
    // Typed again without it (spaces around are set aside, as before): set up, trimmed.
    const setup = await value<{ operator: string; witnesses: string[] }>(ipc, 'ceremony.setup', {
      title: 'T',
      operator: ' Ana ',
      witnesses: ['Ben', 'Cara '],
    });
    expect(setup).toMatchObject({ operator: 'Ana', witnesses: ['Ben', 'Cara'] });
  });

  it('still refuses the operator named again as a witness, whatever the case and spaces', async () => {
    const ipc = await rehearsal();
    expect(await call(ipc, 'ceremony.setup', { title: 'T', operator: 'Ana', witnesses: [' ana'] })).toMatchObject({
      ok: false,
      problem: { code: 'CEREMONY_PEOPLE_INVALID', values: { reason: 'same' } },
    });
  });
});
