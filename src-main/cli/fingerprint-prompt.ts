/**
 * The interactive form of witness confirmation: on a terminal, each witness types back each
 * wrapping-key fingerprint after comparing it aloud with the online workstation. An empty line
 * skips a witness; a wrong fingerprint is refused and asked again.
 */
import { createInterface } from 'node:readline/promises';
import type { AirGapCeremony } from '../core/ceremony/airgap/workflow';
import { isKeyferryError } from '../core/errors';
import type { CliIo } from './command';

const MAX_ATTEMPTS = 3;

/** Asks every witness for every fingerprint on stdin; stops at the first refused fingerprint after three tries. */
export async function confirmFingerprintsInteractively(
  air: Pick<AirGapCeremony, 'fingerprints' | 'confirmFingerprint'>,
  witnesses: readonly string[],
  io: CliIo,
): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Ctrl-C at the prompt is a stop by the officer: hand it to the process's stop handlers (interrupts.ts).
  rl.on('SIGINT', () => process.kill(process.pid, 'SIGINT'));
  try {
    for (const f of air.fingerprints()) {
      io.stdout(`Fingerprint for key(s) ${f.keyIds.join(', ')}: ${f.grouped}`);
      for (const witness of witnesses) {
        for (let attempt = 1; ; attempt++) {
          const typed = (
            await rl.question(
              `  ${witness}, compare it aloud with the online workstation and type it back (empty to skip): `,
            )
          ).trim();
          if (typed === '') break;
          try {
            await air.confirmFingerprint(witness, typed);
            io.stdout(`  confirmed by ${witness}`);
            break;
          } catch (error) {
            if (!isKeyferryError(error) || attempt >= MAX_ATTEMPTS) throw error;
            io.stdout(`  ${error.message} ${error.nextStep}`);
          }
        }
      }
    }
  } finally {
    rl.close();
  }
}
