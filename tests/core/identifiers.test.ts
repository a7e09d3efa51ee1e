import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCeremonyId } from '../../src-main/core/ceremony/shared/ceremony-id';
import {
  CEREMONY_ID_PATTERN,
  KEY_ID_PATTERN,
  PROJECT_ID_PATTERN,
  REGION_PATTERN,
} from '../../src-main/core/identifiers';
import { connectRequestSchema } from '../../src-main/ipc/schemas/online';
import { keyIdSchema as ipcKeyIdSchema } from '../../src-main/ipc/schemas/common';
import { importParametersKeySchema } from '../../src-main/core/bundle/import-parameters-manifest';
import { custodyShareFieldsSchema } from '../../src-main/core/custody/custody-share';
import { checkProjectId, endpointForRegion } from '../../src-main/core/kms/endpoint';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe('identifiers: one definition each', () => {
  it('accepts what Huawei and Keyferry issue', () => {
    expect(KEY_ID_PATTERN.test('0d0466b0-e727-4d9c-b35d-f84bb474a37f')).toBe(true);
    expect(PROJECT_ID_PATTERN.test('a4a5d4098fb4474fa22cd05f897d6b99')).toBe(true);
    for (const region of ['cn-north-4', 'ap-southeast-1', 'eu-west-101', 'my-kualalumpur-1', 'sim-local-1'])
      expect(REGION_PATTERN.test(region)).toBe(true);
    expect(CEREMONY_ID_PATTERN.test(newCeremonyId(new Date('2026-11-30T12:00:00Z')))).toBe(true);
  });

  it('refuses ids that would be refused later, or would misbehave in a file name, a URL or a receipt', () => {
    for (const id of ['KF:stream', '../etc', '.hidden', 'a b', 'x'.repeat(65), '', 'KF-1\n'])
      expect(CEREMONY_ID_PATTERN.test(id), id).toBe(false);
    for (const id of ['k1', '0D0466B0-E727-4D9C-B35D-F84BB474A37F', '../etc', '0d0466b0e7274d9cb35df84bb474a37f'])
      expect(KEY_ID_PATTERN.test(id), id).toBe(false);
    for (const id of ['p1', 'my_project', 'cn-north-4', 'A4A5D4098FB4474FA22CD05F897D6B99'])
      expect(PROJECT_ID_PATTERN.test(id), id).toBe(false);
    for (const region of ['cn_north_4', 'CN-NORTH-4', 'cn-north-4.evil.example', 'x'])
      expect(REGION_PATTERN.test(region)).toBe(false);
  });

  it('connect, the bundle manifest, custody, the KMS endpoint and IPC agree on every project id and region', () => {
    const samples = ['a4a5d4098fb4474fa22cd05f897d6b99', 'my_project_1', 'p1', 'A4A5D4098FB4474FA22CD05F897D6B99'];
    for (const projectId of samples) {
      const viaConnect = connectRequestSchema.safeParse({ region: 'cn-north-4', projectId }).success;
      const viaBundle = importParametersKeySchema.shape.projectId.safeParse(projectId).success;
      let viaClient = true;
      try {
        checkProjectId(projectId);
      } catch {
        viaClient = false;
      }
      expect({ projectId, viaConnect, viaBundle }).toEqual({ projectId, viaConnect: viaClient, viaBundle: viaClient });
    }
    for (const region of ['cn-north-4', 'cn_north_4', 'eu-west-101', 'x']) {
      const viaConnect = connectRequestSchema.safeParse({
        region,
        projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
      }).success;
      const viaBundle = importParametersKeySchema.shape.region.safeParse(region).success;
      let viaClient = true;
      try {
        endpointForRegion(region);
      } catch {
        viaClient = false;
      }
      expect({ region, viaConnect, viaBundle }).toEqual({ region, viaConnect: viaClient, viaBundle: viaClient });
    }
    for (const keyId of ['0d0466b0-e727-4d9c-b35d-f84bb474a37f', 'k1', 'key_1']) {
      expect(ipcKeyIdSchema.safeParse(keyId).success).toBe(KEY_ID_PATTERN.test(keyId));
      expect(custodyShareFieldsSchema.safeParse({ keyId }).error?.issues.some((i) => i.path[0] === 'keyId')).toBe(
        !KEY_ID_PATTERN.test(keyId),
      );
    }
  });

  it('no other source file defines its own pattern for these identifiers', () => {
    const own = path.join(ROOT, 'src-main/core/identifiers.ts');
    const adHoc =
      /(CEREMONY_ID|KEY_ID|PROJECT_ID|REGION|KEY_ALIAS)(_PATTERN)?\s*=\s*\/|(ceremonyId|keyId|projectId|region|keyAlias|alias)\s*:\s*z\s*\.string\(\)\s*\.regex\(/;
    const offenders = [...sourceFiles(path.join(ROOT, 'src-main')), ...sourceFiles(path.join(ROOT, 'src-renderer'))]
      .filter((file) => file !== own)
      .filter((file) => adHoc.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
