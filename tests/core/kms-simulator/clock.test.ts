/**
 * The simulator's clock (clock.ts): its time is this computer's plus an offset kept in the state,
 * so tokens expire when the clock is moved past them, and a simulator resumed from its state file
 * keeps the time it was moved to: an expired import token stays expired after a restart.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatorClock } from '../../../src-main/core/kms-simulator/clock';
import { externalKeyWithParameters, startSimWithClient, wrapFor, type SimSetup } from '../kms/helpers/sim';

const HOUR = 3_600_000;
const opened: SimSetup[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});

describe('the clock', () => {
  it('adds its offset to the base time; set and advance move only the offset, kept in the holder', () => {
    let base = 1_000_000;
    const holder: { clockOffsetMs?: number } = {};
    const clock = createSimulatorClock(() => base, holder);
    clock.advance(25 * HOUR);
    expect(clock.now()).toBe(1_000_000 + 25 * HOUR);
    base += 5;
    expect(clock.now()).toBe(1_000_005 + 25 * HOUR);
    expect(holder.clockOffsetMs).toBe(25 * HOUR);
    clock.set(base);
    expect(clock.offset()).toBe(0);
    expect(holder).toEqual({});
    expect(createSimulatorClock(() => 0, { clockOffsetMs: 7 }).now()).toBe(7);
  });

  it('an import token expired by moving the clock stays expired after the simulator restarts', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keyferry-sim-clock-'));
    dirs.push(dir);
    const statePath = path.join(dir, 'state.json');
    const first = await startSimWithClient({ statePath });
    opened.push(first);
    const { keyId, parameters } = await externalKeyWithParameters(first.client, 'AES_256');
    const wrapped = await wrapFor(parameters, 'AES_256');
    first.sim.clock.advance(25 * HOUR);
    await first.close();
    opened.splice(0);

    const resumed = await startSimWithClient({ statePath });
    opened.push(resumed);
    expect(resumed.sim.clock.offset()).toBe(25 * HOUR);
    await expect(
      resumed.client.importKeyMaterial({
        keyId,
        importToken: parameters.importToken,
        encryptedKeyMaterial: wrapped.encryptedKeyMaterial,
      }),
    ).rejects.toMatchObject({ code: 'KMS.2601' });
  });
});
