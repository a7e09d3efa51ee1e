/**
 * Credentials go only where they were bound (core/kms/credential-binding.ts): the connection a
 * config file names, the one they were remembered with, the one a session first used. Another
 * endpoint (even another port on the same host), region or project is refused naming both values
 * and where the differing one came from; credentials from the environment go only to an endpoint
 * typed on the command line, the region's own KMS or the local simulator.
 */
import { describe, expect, it } from 'vitest';
import {
  bindingOf,
  requireBoundConnection,
  requireConfirmedEndpoint,
  type CredentialBinding,
} from '../../../src-main/core/kms/credential-binding';
import { phraseOf } from '../../../src-main/i18n/phrase';
import { translator } from '../../../src-main/i18n/translate';
import { refusal } from '../../helpers/refusal';

const PROJECT = 'a4a5d4098fb4474fa22cd05f897d6b99';
const OTHER_PROJECT = '0123456789abcdef0123456789abcdef';
const fromOption = () => phraseOf('credentials.from.option', { option: '--endpoint' });

describe('the binding of a connection', () => {
  it("is the region's own endpoint when none is given, else the given endpoint's origin", () => {
    expect(bindingOf({ region: 'cn-north-4', projectId: PROJECT })).toEqual({
      endpoint: 'https://kms.cn-north-4.myhuaweicloud.com',
      region: 'cn-north-4',
      projectId: PROJECT,
    });
    expect(bindingOf({ region: 'cn-north-4', projectId: PROJECT, endpoint: 'http://127.0.0.1:7070/' }).endpoint).toBe(
      'http://127.0.0.1:7070',
    );
    expect(() => bindingOf({ region: 'cn-north-4', projectId: PROJECT, endpoint: 'http://kms.example.com' })).toThrow(
      /Plain http is refused/,
    );
  });
});

describe('credentials bound to one connection', () => {
  const bound: CredentialBinding = bindingOf({ region: 'cn-north-4', projectId: PROJECT });

  it('are used for that same connection', () => {
    expect(() =>
      requireBoundConnection(
        { kind: 'session' },
        bound,
        bindingOf({ region: 'cn-north-4', projectId: PROJECT }),
        fromOption,
      ),
    ).not.toThrow();
  });

  it('are refused for another endpoint, naming both and where the other came from; nothing was sent', () => {
    const given = bindingOf({ region: 'cn-north-4', projectId: PROJECT, endpoint: 'https://kms.attacker.example' });
    const error = refusal(() =>
      requireBoundConnection({ kind: 'config', name: 'prod.json' }, bound, given, (field) =>
        phraseOf('credentials.from.config', { field, file: 'other.json' }),
      ),
    );
    expect(error.code).toBe('CREDENTIALS_BOUND_ELSEWHERE');
    expect(error.message).toBe(
      'The credentials in the config file prod.json are for the endpoint https://kms.cn-north-4.myhuaweicloud.com, ' +
        'but this connection would use them for the endpoint https://kms.attacker.example ' +
        '(from "endpoint" in the config file other.json). Nothing was sent.',
    );
    expect(error.nextStep).toBe(
      'If https://kms.attacker.example is right, enter the credentials for it in a config file of its own; ' +
        'otherwise correct "endpoint" in the config file other.json.',
    );
  });

  it('treat another port on the same host as another service', () => {
    const sim = bindingOf({ region: 'cn-north-4', projectId: PROJECT, endpoint: 'http://127.0.0.1:7070' });
    const otherPort = bindingOf({ region: 'cn-north-4', projectId: PROJECT, endpoint: 'http://127.0.0.1:7071' });
    const error = refusal(() => requireBoundConnection({ kind: 'session' }, sim, otherPort, fromOption));
    expect(error.values).toMatchObject({
      field: 'endpoint',
      bound: 'http://127.0.0.1:7070',
      given: 'http://127.0.0.1:7071',
    });
    expect(error.message).toMatch(
      /^The credentials entered in this session are for the endpoint http:\/\/127.0.0.1:7070,/,
    );
  });

  it('are refused for another project or region (endpoint compared first), in either language', () => {
    const project = refusal(() =>
      requireBoundConnection(
        { kind: 'remembered', name: 'default' },
        bound,
        { ...bound, projectId: OTHER_PROJECT },
        () => phraseOf('credentials.from.journal'),
      ),
    );
    expect(project.message).toBe(
      'The credentials remembered on this computer (profile default) are for the project ' +
        `${PROJECT}, but this connection would use them for the project ${OTHER_PROJECT} ` +
        '(from the ceremony journal). Nothing was sent.',
    );
    const region = refusal(() =>
      requireBoundConnection({ kind: 'session' }, bound, { ...bound, region: 'cn-east-3' }, () =>
        phraseOf('credentials.from.form'),
      ),
    );
    expect(region.values).toMatchObject({ field: 'region', bound: 'cn-north-4', given: 'cn-east-3' });
    const zh = translator('zh-CN').problem(region);
    expect(zh.message).toContain('cn-east-3');
    expect(zh.message).toContain('cn-north-4');
    expect(zh.message).toContain('凭证');
  });
});

describe('credentials from the environment', () => {
  const journal = phraseOf('credentials.from.journal');

  it('go to an endpoint typed on the command line, the region KMS or the simulator', () => {
    for (const [endpoint, fromCommandLine] of [
      ['https://kms-proxy.example.internal', true],
      ['https://kms.cn-north-4.myhuaweicloud.com', false],
      ['http://127.0.0.1:7070', false],
      ['http://kms.cn-east-3.localhost:7070', false],
    ] as const) {
      expect(
        () => requireConfirmedEndpoint({ endpoint, region: 'cn-north-4', fromCommandLine, from: journal }),
        endpoint,
      ).not.toThrow();
    }
  });

  it('are refused for an endpoint only a file names, or another region KMS, saying what to type', () => {
    const error = refusal(() =>
      requireConfirmedEndpoint({
        endpoint: 'https://kms-proxy.example.internal/',
        region: 'cn-north-4',
        fromCommandLine: false,
        from: journal,
      }),
    );
    expect(error.code).toBe('CREDENTIALS_ENDPOINT_UNCONFIRMED');
    expect(error.message).toBe(
      'The credentials from the environment would be sent to https://kms-proxy.example.internal, which comes from ' +
        'the ceremony journal, not from the command line, and is neither the KMS endpoint of the region ' +
        '(https://kms.cn-north-4.myhuaweicloud.com) nor the local simulator. Nothing was sent.',
    );
    expect(error.nextStep).toBe(
      'If https://kms-proxy.example.internal is the KMS you mean, give --endpoint https://kms-proxy.example.internal ' +
        'on the command line; otherwise check the ceremony journal.',
    );
    const otherRegion = refusal(() =>
      requireConfirmedEndpoint({
        endpoint: 'https://kms.cn-east-3.myhuaweicloud.com',
        region: 'cn-north-4',
        fromCommandLine: false,
        from: journal,
      }),
    );
    expect(otherRegion.values).toMatchObject({ regionEndpoint: 'https://kms.cn-north-4.myhuaweicloud.com' });
  });
});
