/**
 * Every `keyferry` command, in the order `--help` lists them. Add new commands here: one entry
 * with the command's name, its one-line summary (the same text as the module's `summary`; a test
 * compares them) and a `load` that imports only that command's module. Never import a command
 * module statically here: `keyferry airgap wrap` must not load the KMS client or node:http.
 */
import type { CliCommand, CliCommandEntry } from '../command';
import { KeyferryError } from '../../core/errors';

/** The command called `name` from a module that exports several; a wrong name is a programming error. */
function pick(list: readonly CliCommand[], name: string): CliCommand {
  const found = list.find((c) => c.name === name);
  if (!found) throw new KeyferryError('CLI_COMMAND_MISSING', { name });
  return found;
}

export const commands: readonly CliCommandEntry[] = [
  {
    name: 'journal verify',
    summary: 'Verify a ceremony journal (hash chain, and the head hash printed on a receipt)',
    load: async () => (await import('./journal-verify')).journalVerifyCommand,
  },
  {
    name: 'bundle verify',
    summary: 'Verify a transfer bundle (import parameters or wrapped material) and print its digest',
    load: async () => (await import('./bundle-verify')).bundleVerifyCommand,
  },
  {
    name: 'wrap',
    summary: 'Wrap generated or existing key material under a KMS wrapping key (air-gapped side)',
    load: async () => (await import('./wrap')).wrapCommand,
  },
  {
    name: 'custody split',
    summary: 'Split key material into M-of-N custody shares (a custody set) with printable slips and backup',
    load: async () => pick((await import('./custody')).custodyCommands, 'custody split'),
  },
  {
    name: 'custody restore',
    summary: 'Rebuild key material from M custody shares; with --bundle, the restore ceremony for a re-import',
    load: async () => pick((await import('./custody')).custodyCommands, 'custody restore'),
  },
  {
    name: 'kms-sim',
    summary: 'Run the built-in KMS simulator on loopback (rehearsals, no cloud account)',
    load: async () => (await import('./kms-sim')).kmsSimCommand,
  },
  {
    name: 'kms-sim advance',
    summary: "Move a running simulator's clock forward (expiry rehearsals)",
    load: async () => (await import('./kms-sim-advance')).kmsSimAdvanceCommand,
  },
  {
    name: 'rehearse',
    summary: 'Rehearse a whole ceremony against the built-in KMS simulator (no cloud account)',
    load: async () => (await import('./rehearse')).rehearseCommand,
  },
  {
    name: 'online create-key',
    summary: 'Start a ceremony and create its external keys in the KMS',
    load: async () => pick((await import('./online')).onlineCommands, 'online create-key'),
  },
  {
    name: 'online params',
    summary: 'Fetch wrapping keys and import tokens; write the import-parameters bundle',
    load: async () => pick((await import('./online')).onlineCommands, 'online params'),
  },
  {
    name: 'online import',
    summary: 'Check the wrapped-material bundle, import it, verify every key, write the receipt',
    load: async () => pick((await import('./online')).onlineCommands, 'online import'),
  },
  {
    name: 'online status',
    summary: 'Show every key of the ceremony and re-verify the imported ones',
    load: async () => pick((await import('./online')).onlineCommands, 'online status'),
  },
  {
    name: 'online delete-material',
    summary: 'Delete the imported material of an AES key (it returns to Pending import)',
    load: async () => pick((await import('./online')).onlineCommands, 'online delete-material'),
  },
  {
    name: 'hsm info',
    summary: 'List the slots, tokens and ceremony mechanisms of an HSM through its PKCS#11 module',
    load: async () => (await import('./hsm-info')).hsmInfoCommand,
  },
  {
    name: 'airgap wrap',
    summary:
      'Air-gapped side: witnesses confirm the bundle digest, produce and wrap material, write bundle and receipt',
    load: async () => (await import('./airgap')).airgapWrapCommand,
  },
];
