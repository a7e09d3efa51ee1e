/**
 * Test helper for the UI tests: someone holding a copy of the import-parameters bundle wraps
 * material they know on another machine (the real air-gapped workflow, its own journal), so the
 * online side meets a complete, valid bundle that is not the one the air-gapped receipt names.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ceremonyFactsOf } from '../../src-main/core/bundle/ceremony-facts';
import { AirGapCeremony } from '../../src-main/core/ceremony/airgap/workflow';
import { openJournal } from '../../src-main/core/journal';
import { airGapSteps } from '../helpers/ceremony-sides';
import { OFFLINE } from '../helpers/workstation';

/**
 * Wraps fresh material for every key of the parameters bundle in `params` into the new folder `out`.
 * Keyferry refuses other people and another title than the bundle names, so the attacker claims the ceremony's.
 */
export async function wrapAsAnAttacker(params: string, out: string): Promise<void> {
  const machine = await mkdtemp(path.join(os.tmpdir(), 'kf-attacker-'));
  const journal = await openJournal(path.join(machine, 'j.jsonl'), { create: true });
  try {
    const facts = await ceremonyFactsOf(params);
    const people = facts?.people ?? { operator: 'Mallory', witnesses: ['Trent'] };
    const air = await AirGapCeremony.start({
      journal,
      title: facts?.title ?? 'Not the ceremony',
      operator: people.operator,
      witnesses: people.witnesses,
      app: { version: 'attacker', build: 'attacker' },
      interfaces: OFFLINE,
    });
    // A copy of the parameters on the attacker's own machine, wrapped there and then put on the
    // medium: beside the real wrap, parameters naming no journal are held to that wrap's journal.
    const copy = path.join(machine, 'params');
    await cp(params, copy, { recursive: true });
    const own = path.join(machine, 'wrapped');
    await airGapSteps(air, { params: copy, out: own, receipts: machine, witnesses: people.witnesses });
    await cp(own, out, { recursive: true });
  } finally {
    await journal.close();
    await rm(machine, { recursive: true, force: true });
  }
}
