/** KMS credentials (AK/SK, IAM token) as a log line, JSON or a debugger shows them: never their secrets. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KmsClient } from '../../../src-main/core/kms/client';
import { AkSkCredentials, IamTokenCredentials } from '../../../src-main/core/kms/credentials';

describe('credentials never show their secrets', () => {
  it('redacts the SK, security token and IAM token in String, JSON and inspect', () => {
    const sk = 'SecretKeyValue0123456789abcdefghijKLMNOP';
    const st = 'SecurityTokenValue-ABC';
    const token = 'IamTokenValue-XYZ';
    const aksk = new AkSkCredentials({ accessKeyId: 'ACCESSKEY', secretKey: sk, securityToken: st });
    const iam = new IamTokenCredentials(token);
    const client = new KmsClient({
      region: 'cn-north-4',
      projectId: 'a4a5d4098fb4474fa22cd05f897d6b99',
      credentials: aksk,
    });
    for (const shown of [
      String(aksk),
      JSON.stringify(aksk),
      inspect(aksk),
      `${aksk}`,
      String(iam),
      JSON.stringify(iam),
      inspect(iam),
      String(client),
      JSON.stringify(client),
      inspect(client),
      JSON.stringify({ client, aksk }),
    ]) {
      expect(shown).not.toContain(sk);
      expect(shown).not.toContain(st);
      expect(shown).not.toContain(token);
    }
    expect(JSON.stringify(aksk)).toContain('ACCESSKEY');
    client.close();
  });

  it('refuses empty or padded credentials with a plain message that does not echo them', () => {
    expect(() => new AkSkCredentials({ accessKeyId: 'AK', secretKey: ' secret-with-space' })).toThrow(
      /secret access key \(SK\) is missing or contains spaces/,
    );
    try {
      new AkSkCredentials({ accessKeyId: 'AK', secretKey: 'abc def' });
    } catch (error) {
      expect(JSON.stringify(error) + String(error)).not.toContain('abc def');
    }
  });
});
