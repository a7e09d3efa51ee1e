/** Test helper: every named witness of an air-gapped ceremony confirms what is to be confirmed. */
import { readBundleDigest } from '../../../src-main/core/bundle';
import { groupHex } from '../../../src-main/core/hex-groups';
import type { AirGapCeremony } from '../../../src-main/core/ceremony/airgap/workflow';
import type { AbandonReport } from '../../../src-main/core/ceremony/airgap/session-stop';
import { translator } from '../../../src-main/i18n/translate';

/**
 * The import-parameters bundle digest as the online workstation shows it (grouped, upper case),
 * read from the bundle folder `params` it wrote: what the witnesses hear read aloud.
 */
export async function parametersDigestOf(params: string): Promise<string> {
  return groupHex(await readBundleDigest(params));
}

/** Each witness in turn types the digest of the bundle in `params` (one value per witness, whatever the keys). */
export async function confirmEveryWitness(
  air: Pick<AirGapCeremony, 'confirmArtefact'>,
  witnesses: readonly string[],
  params: string,
): Promise<void> {
  const digest = await parametersDigestOf(params);
  for (const witness of witnesses) await air.confirmArtefact(witness, digest);
}

/** `digest` (grouped) with group `n` (1-based) changed: a witness's typing slip. */
export function slipInGroup(digest: string, n: number): string {
  const groups = digest.split(' ');
  const group = groups[n - 1] as string;
  groups[n - 1] = group === 'AAAA' ? 'BBBB' : 'AAAA';
  return groups.join(' ');
}

/** The CLI's line for a Ctrl-C stop with `report` (nothing withdrawn), in `locale`. */
export function stopLineOf(report: AbandonReport, locale: 'en' | 'zh-CN' = 'en', journal = 'airgap.jsonl'): string {
  return translator(locale).t('cli.stopped', {
    signal: 'SIGINT',
    step: 'none',
    statePhrase: report.state,
    stepPhrase: '',
    seq: 0,
    actor: '',
    wiped: report.wipedKeys,
    keys: report.wipedKeysServed ?? report.wipedKeys,
    materials: report.wipedKeysServed === undefined ? 0 : report.wipedKeys,
    underWay: report.underWay,
    withdrawn: 'none',
    handDelete: 'none',
    journal,
    outOption: '--out',
  });
}
