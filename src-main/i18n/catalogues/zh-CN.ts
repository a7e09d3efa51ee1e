/**
 * 简体中文, one file per surface under ./zh-CN/, each with exactly the keys of its English twin.
 * Follow docs/i18n-glossary.md for every term (密钥材料, 包装密钥, 导入令牌 …). Keep every
 * placeholder exactly as in English; hex, ids, codes and file names are values.
 */
import { zhCNPlan } from './zh-CN/plan';
import { zhCNWarnings } from './zh-CN/warnings';
import { zhCNJournalEvents } from './zh-CN/journal-events';
import { zhCNAirGappedMakers } from './zh-CN/air-gapped-makers';
import type { Catalogue } from '../catalogue';
import { zhCNCustodySet } from './zh-CN/custody-set';
import { zhCNCeremonySafety } from './zh-CN/ceremony-safety';
import { zhCNAppSafety } from './zh-CN/app-safety';
import { zhCNHsm } from './zh-CN/hsm';
import { zhCNHsmApp } from './zh-CN/hsm-app';
import { zhCNConfirmations } from './zh-CN/confirmations';
import { zhCNOnlineCli } from './zh-CN/online-cli';
import { zhCNCli } from './zh-CN/cli';
import { zhCNReceipts } from './zh-CN/receipts';
import { zhCNCustodyTyping } from './zh-CN/custody-typing';
import { zhCNNetworkCheck } from './zh-CN/network-check';
import { zhCNProblems } from './zh-CN/problems';
import { zhCNProgress } from './zh-CN/progress';
import { zhCNScreenShared } from './zh-CN/screen-shared';
import { zhCNScreenActions } from './zh-CN/screen-actions';
import { zhCNScreenStart } from './zh-CN/screen-start';
import { zhCNScreenSetup } from './zh-CN/screen-setup';
import { zhCNScreenOnline } from './zh-CN/screen-online';
import { zhCNScreenAirgap } from './zh-CN/screen-airgap';
import { zhCNScreenCustody } from './zh-CN/screen-custody';
import { zhCNScreenRestore } from './zh-CN/screen-restore';
import { zhCNScreenJournal } from './zh-CN/screen-journal';
import { zhCNCliOptions } from './zh-CN/cli-options';
import { zhCNCliHelp } from './zh-CN/cli-help';
import { zhCNIntegrity } from './zh-CN/integrity';
import { zhCNReplicas } from './zh-CN/replicas';
import { zhCNKmsSim } from './zh-CN/kms-sim';
import { zhCNKeyTable } from './zh-CN/key-table';
import { zhCNKms } from './zh-CN/kms';
import { zhCNCeremony } from './zh-CN/ceremony';
import { zhCNCliProblems } from './zh-CN/cli-problems';
import { zhCNInputs } from './zh-CN/inputs';
import { zhCNBundle } from './zh-CN/bundle';
import { zhCNCrypto } from './zh-CN/crypto';
import { zhCNRehearsalClock } from './zh-CN/rehearsal-clock';
import { zhCNCustody } from './zh-CN/custody';
import { zhCNJournal } from './zh-CN/journal';
import { zhCNMainProcess } from './zh-CN/main-process';
import { zhCNProofs } from './zh-CN/proofs';
import { zhCNDesktopShell } from './zh-CN/desktop-shell';

export const zhCN: Catalogue = {
  ...zhCNScreenShared,
  ...zhCNScreenActions,
  ...zhCNScreenStart,
  ...zhCNScreenSetup,
  ...zhCNScreenOnline,
  ...zhCNScreenAirgap,
  ...zhCNScreenCustody,
  ...zhCNScreenRestore,
  ...zhCNScreenJournal,
  ...zhCNProblems,
  ...zhCNProgress,
  ...zhCNCeremonySafety,
  ...zhCNAppSafety,
  ...zhCNHsm,
  ...zhCNHsmApp,
  ...zhCNConfirmations,
  ...zhCNCliOptions,
  ...zhCNCliHelp,
  ...zhCNOnlineCli,
  ...zhCNCli,
  ...zhCNIntegrity,
  ...zhCNReplicas,
  ...zhCNKmsSim,
  ...zhCNKeyTable,
  ...zhCNKms,
  ...zhCNCeremony,
  ...zhCNCliProblems,
  ...zhCNReceipts,
  ...zhCNCustodyTyping,
  ...zhCNNetworkCheck,
  ...zhCNInputs,
  ...zhCNCustodySet,
  ...zhCNBundle,
  ...zhCNCrypto,
  ...zhCNRehearsalClock,
  ...zhCNCustody,
  ...zhCNJournal,
  ...zhCNMainProcess,
  ...zhCNProofs,
  ...zhCNDesktopShell,
  ...zhCNPlan,
  ...zhCNWarnings,
  ...zhCNJournalEvents,
  ...zhCNAirGappedMakers,
};
