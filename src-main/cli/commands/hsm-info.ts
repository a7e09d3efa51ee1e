/** `keyferry hsm info --module FILE [--json]`: the PKCS#11 module, its tokens and the mechanisms a ceremony needs. */
import path from 'node:path';
import { describeHsm, type TokenReport } from '../../core/hsm/hsm-info';
import { requireOption } from '../args';
import { cliTranslator } from '../cli-locale';
import { defineCommand } from '../command';

const NAME = 'hsm info';

function version(v: { major: number; minor: number }): string {
  return `${v.major}.${v.minor}`;
}

export const hsmInfoCommand = defineCommand({
  name: NAME,
  synopsis: ['--module FILE [--json]'],
  options: {
    module: { type: 'string', arg: 'FILE', help: 'cli.opt.hsm-info.module' },
    json: { type: 'boolean', help: 'cli.opt.hsm-info.json' },
  },
  async run({ values }, io) {
    const modulePath = path.resolve(io.cwd, requireOption(NAME, values.module, '--module'));
    const report = describeHsm(modulePath);
    if (values.json) {
      io.stdout(JSON.stringify(report, null, 2));
      return 0;
    }
    const { t } = cliTranslator(io);
    const m = report.module;
    io.stdout(t('hsm.info.module', { path: report.modulePath }));
    io.stdout(
      t('hsm.info.library', {
        manufacturer: m.manufacturerID,
        description: m.libraryDescription,
        version: version(m.libraryVersion),
        cryptoki: version(m.cryptokiVersion),
      }),
    );
    if (report.tokens.length === 0) {
      io.stdout(t('hsm.info.noToken'));
      return 1;
    }
    for (const token of report.tokens) printToken(token, t, io.stdout);
    return 0;
  },
});

function printToken(token: TokenReport, t: ReturnType<typeof cliTranslator>['t'], out: (line: string) => void): void {
  out('');
  out(t('hsm.info.slot', { slot: token.slotId, description: token.slotDescription }));
  if (!token.initialized) {
    out(t('hsm.info.uninitialized'));
    return;
  }
  out(t('hsm.info.label', { value: token.label }));
  out(t('hsm.info.manufacturer', { value: token.manufacturer }));
  out(t('hsm.info.model', { value: token.model }));
  out(t('hsm.info.serial', { value: token.serial }));
  out(t('hsm.info.firmware', { firmware: token.firmware, hardware: token.hardware }));
  out(t('hsm.info.pin', { state: token.pin }));
  out(t('hsm.info.mechanisms', { count: token.mechanismCount }));
  for (const mech of token.mechanisms) {
    const sized = mech.present && mech.maxKeySize !== null && mech.maxKeySize !== 0;
    const range = sized ? t('hsm.info.keySizes', { min: mech.minKeySize ?? 0, max: mech.maxKeySize ?? 0 }) : '';
    out(t('hsm.info.mechanism', { name: mech.name.padEnd(36), present: mech.present ? 'yes' : 'no', range }));
  }
}
