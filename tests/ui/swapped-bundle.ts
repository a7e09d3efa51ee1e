/**
 * Test helper for the UI tests: someone holding a copy of the import-parameters bundle wraps
 * material they know on another machine (the real air-gapped workflow, its own journal), so the
 * online side meets a complete, valid bundle that is not the one the air-gapped receipt names.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AirGapCeremony } from '../../src-main/core/ceremony/airgap/workflow';
import { openJournal } from '../../src-main/core/journal';
import { confirmEveryWitness } from '../core/ceremony/witness-helpers';

const LOOPBACK_ONLY = {
  lo: [
    {
      address: '127.0.0.1',
      netmask: '255.0.0.0',
      family: 'IPv4' as const,
      mac: '00:00:00:00:00:00',
      internal: true,
      cidr: '127.0.0.1/8',
    },
  ],
};

/** Wraps fresh material for every key of the parameters bundle in `params` into the new folder `out`. */
export async function wrapAsAnAttacker(params: string, out: string): Promise<void> {
  const machine = await mkdtemp(path.join(os.tmpdir(), 'kf-attacker-'));
  const journal = await openJournal(path.join(machine, 'j.jsonl'), { create: true });
  try {
    const air = await AirGapCeremony.start({
      journal,
      title: 'Not the ceremony',
      operator: 'Mallory',
      witnesses: ['Trent'],
      app: { version: 'attacker', build: 'attacker' },
      interfaces: LOOPBACK_ONLY,
    });
    await air.checkNetwork();
    await air.readParametersBundle(params);
    await confirmEveryWitness(air, ['Trent'], params);
    await air.preflight({ wrappedBundle: out, receiptFolder: machine });
    await air.generateMaterial();
    await air.wrap();
    await air.writeWrappedBundle(out);
    await air.writeReceipt(machine);
  } finally {
    await journal.close();
    await rm(machine, { recursive: true, force: true });
  }
}
