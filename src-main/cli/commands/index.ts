/**
 * Every `keyferry` command, in the order `--help` lists them. Add new commands here: one entry
 * with the command's name and a `load` that imports only that command's module; its one-line
 * summary is `cli.summary.<name, spaces as dashes>` in the catalogues (en + zh-CN), and a name
 * without one does not compile. Never import a command module statically here: `keyferry airgap
 * wrap` must not load the KMS client or node:http.
 */
import type { CliCommand, CliCommandEntry, SummarizedName } from '../command';
import { KeyferryError } from '../../core/errors';

/** The command called `name` from a module that exports several; a wrong name is a programming error. */
function pick(list: readonly CliCommand[], name: string): CliCommand {
  const found = list.find((c) => c.name === name);
  if (!found) throw new KeyferryError('CLI_COMMAND_MISSING', { name });
  return found;
}

/** A registry entry for the command `name` (whose summary the catalogues hold), loaded by `load`. */
function lazy<const N extends string>(name: N & SummarizedName<N>, load: () => Promise<CliCommand>): CliCommandEntry {
  return { name, load };
}

export const commands: readonly CliCommandEntry[] = [
  lazy('journal verify', async () => (await import('./journal-verify')).journalVerifyCommand),
  lazy(
    'journal set-aside-torn-line',
    async () => (await import('./journal-set-aside-torn-line')).journalSetAsideTornLineCommand,
  ),
  lazy('bundle verify', async () => (await import('./bundle-verify')).bundleVerifyCommand),
  lazy('wrap', async () => (await import('./wrap')).wrapCommand),
  lazy('custody split', async () => pick((await import('./custody')).custodyCommands, 'custody split')),
  lazy('custody restore', async () => pick((await import('./custody')).custodyCommands, 'custody restore')),
  lazy('kms-sim', async () => (await import('./kms-sim')).kmsSimCommand),
  lazy('kms-sim advance', async () => (await import('./kms-sim-advance')).kmsSimAdvanceCommand),
  lazy('rehearse', async () => (await import('./rehearse')).rehearseCommand),
  lazy('online create-key', async () => pick((await import('./online')).onlineCommands, 'online create-key')),
  lazy('online params', async () => pick((await import('./online')).onlineCommands, 'online params')),
  lazy('online import', async () => pick((await import('./online')).onlineCommands, 'online import')),
  lazy('online status', async () => pick((await import('./online')).onlineCommands, 'online status')),
  lazy('online delete-material', async () => pick((await import('./online')).onlineCommands, 'online delete-material')),
  lazy('hsm info', async () => (await import('./hsm-info')).hsmInfoCommand),
  lazy('airgap wrap', async () => (await import('./airgap')).airgapWrapCommand),
];
