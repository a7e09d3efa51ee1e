/** `keyferry online params`: fetch wrapping keys and import tokens, write the import-parameters bundle and print its digest. */
import path from 'node:path';

import { cliTranslator } from '../cli-locale';

import { requireOption } from '../args';
import type { CliIo } from '../command';
import { ONLINE_COMMON_OPTIONS, openOnlineSession } from '../online-session';

import { commandLine } from '../command-line';

import { CREDENTIALS_NOTE, parametersRound, roundName, withSession } from './online-steps';
import { defineCommand } from '../command';

/**
 * The import-parameters bundle digest, set apart so it can be read aloud: on the air-gapped
 * workstation every witness types it back (it binds every wrapping key and token in the bundle).
 */
function parametersDigestBlock(io: CliIo, grouped: string): string[] {
  const groups = grouped.split(' ');
  const rule = '='.repeat(72);
  return [
    rule,
    cliTranslator(io).t('params.digest.heading'),
    '',
    `    ${groups.slice(0, 8).join(' ')}`,
    `    ${groups.slice(8).join(' ')}`,
    rule,
  ];
}

export const paramsCommand = defineCommand({
  name: 'online params',
  summary: 'Fetch wrapping keys and import tokens; write the import-parameters bundle',
  synopsis: ['--journal FILE --out DIR [connection options]'],
  about: 'cli.about.online-params',
  options: { out: { type: 'string', arg: 'DIR', help: 'cli.opt.online-params.out' }, ...ONLINE_COMMON_OPTIONS },
  notes: [CREDENTIALS_NOTE],
  async run({ values }, io) {
    const out = path.resolve(io.cwd, requireOption('online params', values.out, '--out'));
    const session = await openOnlineSession(values, io);
    return withSession(session, async () => {
      const issued = await session.ceremony.fetchParameters();
      const written = await session.ceremony.writeParametersBundle(out);
      io.stdout(cliTranslator(io).t('params.fingerprints.heading'));
      for (const k of issued) {
        io.stdout(`  ${k.alias} (${k.spec}, key ${k.keyId}), token valid until ${k.tokenExpiresAt}`);
        io.stdout(`    ${k.wrappingKeyFingerprintGrouped}`);
      }
      for (const warning of written.warnings) io.stdout(`WARNING: ${warning}`);
      io.stdout(`Import-parameters bundle written and verified: ${written.dir}`);
      for (const line of parametersDigestBlock(io, written.manifestSha256Grouped)) io.stdout(line);
      io.stdout(
        `Next, within 24 hours, on the air-gapped workstation with this bundle: ${commandLine([
          'keyferry',
          'airgap',
          'wrap',
          '--bundle',
          written.dir,
          '--out',
          roundName(`wrapped-material-${session.ceremony.ceremonyId}`, parametersRound(session)),
          '--journal',
          `airgap-${session.ceremony.ceremonyId}.jsonl`,
          '--operator',
          session.ceremony.operator,
          ...session.ceremony.witnesses.flatMap((w) => ['--witness', w]),
        ])}`,
      );
      return 0;
    });
  },
});
