/** Every `keyferry` command, in the order `--help` lists them. Add new commands here. */
import type { CliCommand } from '../command';
import { bundleVerifyCommand } from './bundle-verify';
import { airgapCommands } from './airgap';
import { custodyCommands } from './custody';
import { journalVerifyCommand } from './journal-verify';
import { kmsSimCommand } from './kms-sim';
import { onlineCommands } from './online';
import { rehearseCommand } from './rehearse';
import { wrapCommand } from './wrap';

export const commands: CliCommand[] = [journalVerifyCommand, bundleVerifyCommand, wrapCommand, ...custodyCommands, kmsSimCommand, rehearseCommand, ...onlineCommands, ...airgapCommands];
