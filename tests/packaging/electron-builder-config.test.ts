/**
 * electron-builder.yml checked against electron-builder's own JSON schema
 * (node_modules/app-builder-lib/scheme.json) with ajv, parsed by the very js-yaml that
 * electron-builder loads the file with (resolved from app-builder-lib, so no extra dependency).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const yaml = fromBuilder('js-yaml') as { load: (text: string) => unknown };
const schema = fromBuilder('./scheme.json') as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

type Config = Record<string, unknown> & {
  electronFuses?: Record<string, unknown>;
  linux?: { target?: unknown };
  win?: { target?: unknown };
  mac?: { target?: unknown };
  files?: unknown;
};

function loadConfig(): Config {
  return yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;
}

function errorsOf(config: unknown): string[] {
  return validate(config)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
}

describe('electron-builder.yml', () => {
  it('matches electron-builder’s schema', () => {
    expect(errorsOf(loadConfig())).toEqual([]);
  });

  it('the schema check fails on an unknown key, at the top or inside a section', () => {
    expect(errorsOf({ ...loadConfig(), asarr: true }).join('\n')).toMatch(/additionalProperty.*asarr/);
    const config = loadConfig();
    expect(errorsOf({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } }).join('\n')).toMatch(
      /runAsNod/,
    );
    expect(errorsOf({ ...config, asar: 'yes please' })).not.toEqual([]);
  });

  it('names the app and packs only the build output (and the pkcs11js addon, unpacked) into an asar', () => {
    const config = loadConfig();
    expect(config).toMatchObject({ appId: 'io.keyferry.app', productName: 'Keyferry', asar: true, npmRebuild: false });
    expect(config.files).toEqual([
      'out/**',
      'package.json',
      '!**/*.map',
      '!**/node_modules/pkcs11js/{src,includes,binding.gyp,README.md,index.d.ts}',
      '!**/node_modules/pkcs11js/build/{Makefile,config.gypi,binding.Makefile,*.mk,Release/obj.target,Release/.deps}',
    ]);
    expect(config.asarUnpack).toEqual(['**/*.node']);
  });

  it('sets the security fuses, the inspect fuse off too (e2e drives the unpackaged build)', () => {
    expect(loadConfig().electronFuses).toEqual({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('builds AppImage and deb, NSIS, and dmg', () => {
    const config = loadConfig();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });
});
