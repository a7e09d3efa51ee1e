/**
 * English: the source catalogue, one file per surface under ./en/ (so people adding messages in
 * different areas do not collide). Texts are ICU MessageFormat: `{name}`,
 * `{count, plural, one {# key} other {# keys}}`, `{at, date, utc}`. Hex, ids, codes and file names
 * are values, never part of a text. Add every key to the matching file under ./zh-CN/ too (the
 * type check fails until you do).
 */
import { enPlan } from './en/plan';
import { enCustodySet } from './en/custody-set';
import { enCeremonySafety } from './en/ceremony-safety';
import { enAppSafety } from './en/app-safety';
import { enHsm } from './en/hsm';
import { enHsmApp } from './en/hsm-app';
import { enConfirmations } from './en/confirmations';
import { enOnlineCli } from './en/online-cli';
import { enCli } from './en/cli';
import { enReceipts } from './en/receipts';
import { enCustodyTyping } from './en/custody-typing';
import { enNetworkCheck } from './en/network-check';
import { enProblems } from './en/problems';
import { enProgress } from './en/progress';
import { enScreenShared } from './en/screen-shared';
import { enScreenActions } from './en/screen-actions';
import { enScreenStart } from './en/screen-start';
import { enScreenSetup } from './en/screen-setup';
import { enScreenOnline } from './en/screen-online';
import { enScreenAirgap } from './en/screen-airgap';
import { enScreenCustody } from './en/screen-custody';
import { enScreenRestore } from './en/screen-restore';
import { enScreenJournal } from './en/screen-journal';
import { enCliOptions } from './en/cli-options';
import { enCliHelp } from './en/cli-help';
import { enIntegrity } from './en/integrity';
import { enReplicas } from './en/replicas';
import { enKmsSim } from './en/kms-sim';
import { enKeyTable } from './en/key-table';
import { enKms } from './en/kms';
import { enCeremony } from './en/ceremony';
import { enCliProblems } from './en/cli-problems';
import { enInputs } from './en/inputs';
import { enBundle } from './en/bundle';
import { enCrypto } from './en/crypto';
import { enRehearsalClock } from './en/rehearsal-clock';
import { enCustody } from './en/custody';
import { enJournal } from './en/journal';
import { enMainProcess } from './en/main-process';
import { enProofs } from './en/proofs';
import { enDesktopShell } from './en/desktop-shell';
import { enWarnings } from './en/warnings';
import { enJournalEvents } from './en/journal-events';
import { enAirGappedMakers } from './en/air-gapped-makers';

export const en = {
  ...enScreenShared,
  ...enScreenActions,
  ...enScreenStart,
  ...enScreenSetup,
  ...enScreenOnline,
  ...enScreenAirgap,
  ...enScreenCustody,
  ...enScreenRestore,
  ...enScreenJournal,
  ...enProblems,
  ...enProgress,
  ...enCeremonySafety,
  ...enAppSafety,
  ...enHsm,
  ...enHsmApp,
  ...enConfirmations,
  ...enCliOptions,
  ...enCliHelp,
  ...enOnlineCli,
  ...enCli,
  ...enIntegrity,
  ...enReplicas,
  ...enKmsSim,
  ...enKeyTable,
  ...enKms,
  ...enCeremony,
  ...enCliProblems,
  ...enReceipts,
  ...enCustodyTyping,
  ...enNetworkCheck,
  ...enInputs,
  ...enCustodySet,
  ...enBundle,
  ...enCrypto,
  ...enRehearsalClock,
  ...enCustody,
  ...enJournal,
  ...enMainProcess,
  ...enProofs,
  ...enDesktopShell,
  ...enPlan,
  ...enWarnings,
  ...enJournalEvents,
  ...enAirGappedMakers,
} as const;
