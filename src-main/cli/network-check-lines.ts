/**
 * The air-gapped network check (core/ceremony/shared/network-check.ts) on the command line: the
 * line every command prints for its result, and the check itself for the custody commands that
 * handle plaintext material without a ceremony (split from --material, restore without --bundle),
 * run before they read any share or material. Those keep no journal, so an override says so.
 */
import { checkAirGap, type NetworkCheckResult } from '../core/ceremony/shared/network-check';
import { cliTranslator } from './cli-locale';
import type { CliIo } from './command';

/** The result as one line: the override's WARNING, or "Network check: …". */
export function networkCheckLine(io: CliIo, result: NetworkCheckResult): string {
  const translator = cliTranslator(io);
  const line = translator.message(result.message);
  return result.overridden ? line : translator.t('network.checked', { summary: line });
}

/**
 * Refuses a live network (AIRGAP_NETWORK_LIVE) unless `allowNetwork`, and prints the outcome; an
 * override is printed as a WARNING with a line saying that no journal records it. True when the
 * network was live and allowed (what is written next is written on a networked machine).
 */
export function checkNetworkBeforeMaterial(io: CliIo, allowNetwork: boolean | undefined): boolean {
  const result = checkAirGap({ allowNetwork });
  io.stdout(networkCheckLine(io, result));
  if (result.overridden) io.stdout(cliTranslator(io).t('network.override-unjournaled'));
  return result.overridden;
}
