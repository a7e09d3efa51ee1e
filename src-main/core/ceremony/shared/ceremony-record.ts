/**
 * Who, where and with what a ceremony is held: the header of every journal and receipt.
 * Nothing here is secret.
 */
import os from 'node:os';
import type { ReceiptLanguage } from '../../receipt/language';
import type { PaperSize } from '../../receipt/paper-size';
import { describeCodeIdentity, type CodeIdentity } from '../../software/code-identity';
import type { NetworkCheckResult } from './network-check';
import type { CeremonySide } from '../../ceremony-sides';

interface WorkstationInfo {
  readonly hostname: string;
  /** e.g. "linux 6.1.0-18-amd64 x64 (Debian GNU/Linux 12)". */
  readonly os: string;
  /** Air-gapped side: the network state found by the check. */
  readonly network?: string;
  /** The same, as a catalogue message (printed on the receipt in its language). */
  readonly networkMessage?: NetworkCheckResult['message'];
}

export interface AppIdentity {
  readonly version: string;
  readonly build: string;
  /** The digest of the code that runs (asar header, or commit and sources); absent in tests that fake it. */
  readonly code?: CodeIdentity;
}

export interface CeremonyRecord {
  readonly id: string;
  readonly title: string;
  readonly operator: string;
  readonly witnesses: readonly string[];
  readonly side: CeremonySide;
  readonly workstation: WorkstationInfo;
  readonly app: AppIdentity;
  /** True for `keyferry rehearse` and the rehearsal mode: against the simulator, never real keys. */
  readonly rehearsal: boolean;
  /** The paper its receipts are printed on (chosen at setup in the desktop app). */
  readonly paperSize?: PaperSize;
  /** The language its receipts and custody slips are printed in (journaled as `receiptLanguage`). */
  readonly receiptLanguage?: ReceiptLanguage;
}

/** Describes this machine (hostname, OS); pass the network check on the air-gapped side. */
export function describeWorkstation(network?: NetworkCheckResult): WorkstationInfo {
  const version = typeof os.version === 'function' ? os.version() : '';
  return {
    hostname: os.hostname(),
    os: `${os.platform()} ${os.release()} ${os.arch()}${version ? ` (${version})` : ''}`,
    ...(network ? { network: network.summary, networkMessage: network.message } : {}),
  };
}

/** The software identity as journal data: version, build and (when known) the code digest. */
export function appIdentityData(app: AppIdentity): Record<string, string> {
  return {
    appVersion: app.version,
    appBuild: app.build,
    ...(app.code ? { appCode: describeCodeIdentity(app.code) } : {}),
  };
}

/** The ceremony record as journal data (plain JSON). */
export function ceremonyRecordData(record: CeremonyRecord): Record<string, string | boolean | string[]> {
  return {
    ceremonyId: record.id,
    title: record.title,
    operator: record.operator,
    witnesses: [...record.witnesses],
    side: record.side,
    hostname: record.workstation.hostname,
    os: record.workstation.os,
    ...(record.workstation.network ? { network: record.workstation.network } : {}),
    ...appIdentityData(record.app),
    rehearsal: record.rehearsal,
    ...(record.paperSize ? { paperSize: record.paperSize } : {}),
    ...(record.receiptLanguage ? { receiptLanguage: record.receiptLanguage } : {}),
  };
}
