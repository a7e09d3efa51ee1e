/** Every `keyferry` command, in the order `--help` lists them. Add new commands here. */
import type { CliCommand } from '../command';
import { custodyCommands } from './custody';
import { journalVerifyCommand } from './journal-verify';
import { wrapCommand } from './wrap';

export const commands: CliCommand[] = [journalVerifyCommand, wrapCommand, ...custodyCommands];
