/**
 * Test helper: after the witness confirmed the digest (airgap-session.ts), HSM material (AES,
 * with an expiry) generated and wrapped in the token through the channels, imported, lapsed in the
 * simulator (its clock moved past the expiry) and fresh parameters written to `media`: where a
 * custody restore from the token starts.
 */
import type { RecordedIpc } from '../../ui/ipc-recorder';
import { value, wrapCheckImport } from './airgap-session';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function hsmMaterialLapsed(
  ipc: RecordedIpc,
  media: string,
  hsm: { modulePath: string; token: string; pin: string },
): Promise<{ keyCheckValue: string | null; fresh: { dir: string; manifestSha256Grouped: string } }> {
  const sim = ipc.simulator();
  const expiresAt = new Date((sim?.clock.now() ?? Date.now()) + 3 * DAY_MS);
  expiresAt.setUTCHours(0, 0, 0, 0);
  await value(ipc, 'airgap.preflight', {
    folder: media,
    expiry: { kind: 'at', at: expiresAt.toISOString() },
    materialFromHsm: true,
  });
  const capability = await value<{ accepted: boolean }>(ipc, 'airgap.use-hsm', hsm);
  if (!capability.accepted) throw new Error('the token refused this ceremony');
  const generated = await value<{ keys: { keyCheckValue: string | null }[] }>(ipc, 'airgap.generate');
  await wrapCheckImport(ipc, {});
  sim?.clock.advance(5 * DAY_MS);
  await value(ipc, 'online.status');
  await value(ipc, 'online.fetch-parameters');
  const fresh = await value<{ dir: string; manifestSha256Grouped: string }>(ipc, 'online.write-parameters', {
    folder: media,
  });
  return { keyCheckValue: generated.keys[0]?.keyCheckValue ?? null, fresh };
}
