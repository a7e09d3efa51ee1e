/**
 * Test helper: after a wrapped CLI ceremony (wrapped-cli-ceremony.ts), its tokens lapse before the
 * import (the simulator's clock moved 25 hours), the online side checks the wrap and the KMS refuses
 * it, and the online side writes parameters again into `params-2`: parameters naming the wrap's
 * air-gapped journal (format version 6).
 */
import path from 'node:path';
import { expect } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { onlineAt, type SimulatorAccount } from '../../helpers/cli-sides';
import { CUSTODY_TWO_OF_TWO, wrappedCliCeremony } from './wrapped-cli-ceremony';

const HOURS_25 = 25 * 3_600_000;

export async function parametersAfterLapse(
  c: Awaited<ReturnType<typeof wrappedCliCeremony>>,
  sim: SimulatorAccount & { readonly clock: { advance(ms: number): void } },
) {
  const { args } = onlineAt(sim);
  sim.clock.advance(HOURS_25);
  const lapsed = await keyferry(c.importCommand, { cwd: c.online, env: c.env });
  expect(lapsed.code).toBe(1);
  const params = await keyferry(['online', 'params', '--out', 'params-2', ...args], { cwd: c.online, env: c.env });
  expect(params.code).toBe(0);
  return {
    /** The new parameters bundle folder. */
    dir: path.join(c.online, 'params-2'),
    /** What `online params` printed (the witness's value, the next command). */
    stdout: params.stdout,
    /** The `airgap wrap` it printed. */
    printed: nextCommand(onPrintedMedia(params.stdout)),
  };
}

/**
 * A one-key AES ceremony in the new folder `dir`, wrapped with custody 2 of 2 (Dana and Eli), its
 * tokens lapsed and parameters written again: its air-gapped journal, the new parameters folder and
 * the custodians' folders.
 */
export async function custodyWrapLapsed(
  dir: string,
  sim: Parameters<typeof parametersAfterLapse>[1],
): Promise<{ journal: string; params: string; custodians: string[] }> {
  const c = await wrappedCliCeremony(dir, sim, [{ alias: 'app/one', spec: 'AES_256' }], CUSTODY_TWO_OF_TWO);
  const journal = path.join(c.airgap, c.wrapCommand[c.wrapCommand.indexOf('--journal') + 1] as string);
  const params = await parametersAfterLapse(c, sim);
  return { journal, params: params.dir, custodians: ['dana', 'eli'].map((f) => path.join(c.airgap, f)) };
}
