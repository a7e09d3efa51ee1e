/** `keyferry hsm info --module FILE [--json]`: the PKCS#11 module, its tokens and the mechanisms a ceremony needs. */
import path from 'node:path';
import { describeHsm, type TokenReport } from '../../core/hsm/hsm-info';
import { parseCommandArgs, requireOption } from '../args';
import type { CliCommand } from '../command';

const NAME = 'hsm info';

function keySizes(m: TokenReport['mechanisms'][number]): string {
  if (!m.present) return 'missing';
  if (m.minKeySize === null || m.maxKeySize === null || (m.minKeySize === 0 && m.maxKeySize === 0)) return 'yes';
  return `yes  (key sizes ${m.minKeySize}-${m.maxKeySize})`;
}

export const hsmInfoCommand: CliCommand = {
  name: NAME,
  summary: 'List the slots, tokens and ceremony mechanisms of an HSM through its PKCS#11 module',
  usage: [
    'Usage: keyferry hsm info --module FILE [--json]',
    '',
    "Loads the HSM vendor's PKCS#11 module and lists every slot with a token: label, manufacturer,",
    'model, serial number, firmware, the state of the user PIN, and whether the token has each',
    'mechanism a ceremony uses. Needs no PIN and changes nothing on the token. Whether a token can',
    'do a particular ceremony (hashes, exact RFC 5649 framing) is proven by the capability check',
    'that `airgap wrap --hsm-module` runs before anything is generated.',
    '',
    '  --module FILE   the PKCS#11 library (.so/.dll/.dylib), e.g. /usr/lib/softhsm/libsofthsm2.so',
    '  --json          print the report as JSON',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseCommandArgs(NAME, args, { module: { type: 'string' }, json: { type: 'boolean' } });
    const modulePath = path.resolve(io.cwd, requireOption(NAME, values.module, '--module'));
    const report = describeHsm(modulePath);
    if (values.json) {
      io.stdout(JSON.stringify(report, null, 2));
      return 0;
    }
    const m = report.module;
    io.stdout(`Module   ${report.modulePath}`);
    io.stdout(
      `         ${m.manufacturerID}, ${m.libraryDescription} ${m.libraryVersion.major}.${m.libraryVersion.minor} (PKCS#11 ${m.cryptokiVersion.major}.${m.cryptokiVersion.minor})`,
    );
    if (report.tokens.length === 0) {
      io.stdout('No slot holds a token. Connect the HSM or insert the token, then run this again.');
      return 1;
    }
    for (const t of report.tokens) {
      io.stdout('');
      io.stdout(`Slot ${t.slotId}  ${t.slotDescription}`);
      if (!t.initialized) {
        io.stdout("  token not initialized (initialize it with the vendor's tools before a ceremony)");
        continue;
      }
      io.stdout(`  label         ${t.label}`);
      io.stdout(`  manufacturer  ${t.manufacturer}`);
      io.stdout(`  model         ${t.model}`);
      io.stdout(`  serial        ${t.serial}`);
      io.stdout(`  firmware      ${t.firmware}  (hardware ${t.hardware})`);
      io.stdout(`  user PIN      ${t.pin}`);
      io.stdout(`  mechanisms    ${t.mechanismCount} in all; those a ceremony uses:`);
      for (const mech of t.mechanisms) io.stdout(`    ${mech.name.padEnd(36)} ${keySizes(mech)}`);
    }
    return 0;
  },
};
