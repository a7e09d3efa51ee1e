/**
 * How the online commands reach the KMS: credentials from environment variables
 * (KEYFERRY_AK + KEYFERRY_SK [+ KEYFERRY_SECURITY_TOKEN], or KEYFERRY_IAM_TOKEN) or from a
 * config file (JSON, refused when group- or world-readable on POSIX), never from the command
 * line. Region, project and endpoint come from options, else the config file.
 */
import { missingOption } from './args';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KeyferryError } from '../core/errors';
import { phraseOf, type Phrase } from '../i18n/phrase';
import { refusedFields } from '../i18n/refused-fields';
import type { CredentialSource } from '../core/ceremony/online/workflow';
import { checkIdentifier } from '../core/identifier-check';
import { projectIdSchema, regionSchema } from '../core/identifiers';
import {
  bindingOf,
  requireBoundConnection,
  requireConfirmedEndpoint,
  type CredentialBinding,
} from '../core/kms/credential-binding';
import { AkSkCredentials, IamTokenCredentials, type KmsCredentials } from '../core/kms/credentials';

const MAX_CONFIG_BYTES = 64 * 1024;
const MAX_CA_BYTES = 1024 * 1024;

const kmsConfigSchema = z.strictObject({
  region: regionSchema.optional(),
  projectId: projectIdSchema.optional(),
  endpoint: z.string().min(1).max(2048).optional(),
  caFile: z.string().min(1).max(4096).optional(),
  ak: z.string().min(1).max(256).optional(),
  sk: z.string().min(1).max(256).optional(),
  securityToken: z.string().min(1).max(16384).optional(),
  iamToken: z.string().min(1).max(65536).optional(),
});
type KmsConfig = z.infer<typeof kmsConfigSchema>;

interface KmsConnection {
  readonly credentials: KmsCredentials;
  readonly region: string;
  readonly projectId: string;
  readonly endpoint?: string;
  /** Where region, project and endpoint came from: an option, a config file's field or the journal. */
  readonly sources: { readonly region: Phrase; readonly projectId: Phrase; readonly endpoint: Phrase };
  readonly extraCaPem?: string;
  /** Where the credentials came from, for the journal ("environment" or the config path). */
  readonly credentialSource: string;
  /** What the credentials are bound to, journaled with the connection (never the secret). */
  readonly binding: CredentialBindingRecord;
}

/** The journaled binding: where the credentials came from and the connection they may be used for. */
interface CredentialBindingRecord extends CredentialBinding {
  readonly source: CredentialSource;
}

function configProblem(
  file: string,
  why: 'unreadable' | 'notSmallFile' | 'notJson' | 'field',
  refused: { fieldCount: number; fieldsList: string } = { fieldCount: 0, fieldsList: '[]' },
): KeyferryError {
  return new KeyferryError('CONFIG_INVALID', { file, why, ...refused });
}

/** Reads and checks a config file; refuses one that others can read (it may hold an SK). */
async function readKmsConfig(file: string, platform: NodeJS.Platform = process.platform): Promise<KmsConfig> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw configProblem(file, 'unreadable');
  }
  if (!stat.isFile() || stat.size > MAX_CONFIG_BYTES) throw configProblem(file, 'notSmallFile');
  if (platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new KeyferryError('CONFIG_TOO_OPEN', { file, mode: (stat.mode & 0o777).toString(8) });
  }
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    throw configProblem(file, 'notJson');
  }
  const parsed = kmsConfigSchema.safeParse(json);
  if (!parsed.success) throw configProblem(file, 'field', refusedFields(parsed.error.issues, path.basename(file)));
  return parsed.data;
}

function credentialsFrom(
  source: { ak?: string; sk?: string; securityToken?: string; iamToken?: string },
  where: string,
): KmsCredentials | undefined {
  const hasAkSk = source.ak !== undefined || source.sk !== undefined;
  if (hasAkSk && source.iamToken !== undefined) {
    throw new KeyferryError('CREDENTIALS_AMBIGUOUS', { where });
  }
  if (source.iamToken !== undefined) return new IamTokenCredentials(source.iamToken);
  if (!hasAkSk) return undefined;
  if (source.ak === undefined || source.sk === undefined) {
    throw new KeyferryError('CREDENTIALS_INCOMPLETE', { where });
  }
  return new AkSkCredentials({
    accessKeyId: source.ak,
    secretKey: source.sk,
    ...(source.securityToken ? { securityToken: source.securityToken } : {}),
  });
}

/** Resolves the KMS connection from options, environment and (optionally) a config file. */
export async function resolveKmsConnection(input: {
  env: NodeJS.ProcessEnv;
  cwd: string;
  configFile?: string;
  region?: string;
  projectId?: string;
  endpoint?: string;
  caFile?: string;
  /** The ceremony journal's connection: used for what neither an option nor the config file gives. */
  recorded?: { readonly region: string; readonly projectId: string; readonly endpoint: string };
}): Promise<KmsConnection> {
  const configPath = input.configFile ? path.resolve(input.cwd, input.configFile) : undefined;
  const config: KmsConfig = configPath ? await readKmsConfig(configPath) : {};
  const fromEnv = credentialsFrom(
    {
      ak: input.env.KEYFERRY_AK,
      sk: input.env.KEYFERRY_SK,
      securityToken: input.env.KEYFERRY_SECURITY_TOKEN,
      iamToken: input.env.KEYFERRY_IAM_TOKEN,
    },
    'environment',
  );
  const credentials = fromEnv ?? (configPath ? credentialsFrom(config, configPath) : undefined);
  if (!credentials) {
    throw new KeyferryError('CREDENTIALS_MISSING', { where: 'cli' });
  }
  const configName = configPath ? path.basename(configPath) : '';
  const sourceOf = (option: string, key: 'region' | 'projectId' | 'endpoint'): Phrase =>
    input[key] !== undefined
      ? phraseOf('credentials.from.option', { option })
      : config[key] !== undefined
        ? phraseOf('credentials.from.config', { field: key, file: configName })
        : input.recorded
          ? phraseOf('credentials.from.journal')
          : phraseOf('credentials.from.option', { option });
  const sources = {
    region: sourceOf('--region', 'region'),
    projectId: sourceOf('--project-id', 'projectId'),
    endpoint: sourceOf('--endpoint', 'endpoint'),
  };
  const region = input.region ?? config.region ?? input.recorded?.region;
  const projectId = input.projectId ?? config.projectId ?? input.recorded?.projectId;
  if (!region) throw missingOption({ reason: 'region' });
  if (!projectId) throw missingOption({ reason: 'projectId' });
  const endpoint = input.endpoint ?? config.endpoint ?? input.recorded?.endpoint;
  const caFile = input.caFile ? path.resolve(input.cwd, input.caFile) : config.caFile;
  let extraCaPem: string | undefined;
  if (caFile) {
    const stat = await fs.stat(caFile).catch(() => undefined);
    if (!stat?.isFile() || stat.size > MAX_CA_BYTES) throw new KeyferryError('CA_FILE_UNREADABLE', { file: caFile });
    extraCaPem = await fs.readFile(caFile, 'utf8');
    if (!extraCaPem.includes('-----BEGIN CERTIFICATE-----'))
      throw new KeyferryError('CA_FILE_NOT_PEM', { file: caFile, where: 'cli' });
  }
  const checked = {
    region: checkIdentifier('region', region, sources.region),
    projectId: checkIdentifier('projectId', projectId, sources.projectId),
    ...(endpoint ? { endpoint } : {}),
  };
  const binding = fromEnv
    ? environmentBinding(checked, input.endpoint !== undefined, sources.endpoint)
    : configBinding(config, configName, checked, sources);
  return {
    credentials,
    ...checked,
    sources,
    ...(extraCaPem ? { extraCaPem } : {}),
    credentialSource: fromEnv ? 'environment' : (configPath as string),
    binding,
  };
}

type Connection = { readonly region: string; readonly projectId: string; readonly endpoint?: string };

/**
 * Credentials in a config file are bound to the region, project and endpoint that file names (the
 * region's own endpoint when it names none): an option or a journal naming another is refused.
 */
function configBinding(
  config: KmsConfig,
  file: string,
  given: Connection,
  sources: KmsConnection['sources'],
): CredentialBindingRecord {
  if (config.region === undefined) throw new KeyferryError('CONFIG_CREDENTIALS_UNBOUND', { file, missing: 'region' });
  if (config.projectId === undefined)
    throw new KeyferryError('CONFIG_CREDENTIALS_UNBOUND', { file, missing: 'projectId' });
  const bound = bindingOf({
    region: config.region,
    projectId: config.projectId,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
  });
  requireBoundConnection({ kind: 'config', name: file }, bound, bindingOf(given), (field) => sources[field]);
  return { source: phraseOf('credentials.source.config-file', { file }), ...bound };
}

/** Environment credentials go to an endpoint from the command line, the region's own, or the simulator. */
function environmentBinding(given: Connection, fromCommandLine: boolean, from: Phrase): CredentialBindingRecord {
  const binding = bindingOf(given);
  requireConfirmedEndpoint({ endpoint: binding.endpoint, region: given.region, fromCommandLine, from });
  return { source: phraseOf('credentials.source.environment'), ...binding };
}
