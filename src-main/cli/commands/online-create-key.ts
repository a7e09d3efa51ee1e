/** `keyferry online create-key`: start the ceremony and create its external keys (a plan file, or one key by options). */
import path from 'node:path';
import { PLAN_FIELD_PATHS, planFieldShapeValues } from '../../core/ceremony/shared/plan-issues';
import {
  examplePlan,
  loadCeremonyPlan,
  parseMaterialExpiry,
  parseCeremonyPlan,
  type CeremonyPlan,
} from '../../core/ceremony/shared/ceremony-plan';

import { onlineStartOf } from '../../core/ceremony/online/open-journal';
import { ONLINE_EVENTS, leftAloneUnderDroppedAliasData } from '../../core/ceremony/online/events';
import type { JournalEntry } from '../../core/journal';
import { KeyferryError } from '../../core/errors';
import { isAsymmetric } from '../../core/crypto/key-spec';
import { checkCeremonyPeople } from '../../core/ceremony/shared/person-name';
import { ceremonyReceiptLanguage, cliTranslator } from '../cli-locale';
import { cliExpiry, printKeyTable } from '../cli-text';

import { missingOption } from '../args';

import { openOnlineSession } from '../online-session';

import { defineOnlineCommand, nextOnline, withSession } from './online-steps';
import { onMedia } from '../command-line';
import type { CliIo } from '../command';
import { optionTable } from '../options';

const CREATE_KEY_OPTIONS = optionTable({
  plan: { type: 'string', arg: 'FILE', help: 'cli.opt.create-key.plan' },
  'example-plan': { type: 'boolean', help: 'cli.opt.create-key.example-plan' },
  alias: { type: 'string', arg: 'A', help: 'cli.opt.create-key.alias' },
  spec: { type: 'string', arg: 'S', help: 'cli.opt.create-key.spec' },
  usage: { type: 'string', arg: 'USAGE', help: 'cli.opt.create-key.usage' },
  description: { type: 'string', arg: 'TEXT', help: 'cli.opt.create-key.description' },
  title: { type: 'string', arg: 'TEXT', help: 'cli.opt.online.title' },
  operator: { type: 'string', arg: 'NAME', help: 'cli.opt.operator' },
  witness: { type: 'string', multiple: true, arg: 'NAME', help: 'cli.opt.witness' },
  'wrapping-algorithm': { type: 'string', arg: 'ALG', help: 'cli.opt.wrapping-algorithm' },
  expires: { type: 'string', arg: 'WHEN', help: 'cli.opt.expires' },
});

/**
 * The options that make a plan without a plan file, besides --alias (which names its one key): a
 * plan file says each of them itself, so each is refused beside --plan. planFromOptions reads
 * nothing else (its values' type is this list), and a test checks that it reads every one.
 */
export const PLAN_MAKING_OPTIONS = [
  'spec',
  'usage',
  'description',
  'title',
  'operator',
  'witness',
  'wrapping-algorithm',
  'expires',
] as const satisfies readonly (keyof typeof CREATE_KEY_OPTIONS)[];

/** The values planFromOptions may read: those of PLAN_MAKING_OPTIONS and --alias. */
export type PlanMakingValues = {
  readonly [K in (typeof PLAN_MAKING_OPTIONS)[number] | 'alias']?: string | string[] | boolean;
};

/** The plan the options make (one key), checked by parseCeremonyPlan like a plan file. */
export function planFromOptions(values: PlanMakingValues, io: Pick<CliIo, 'env' | 'locale'>): unknown {
  const str = (k: keyof PlanMakingValues) => (typeof values[k] === 'string' ? values[k] : undefined);
  return {
    title: str('title') ?? cliTranslator(io).t('online.default-title', { alias: str('alias') ?? '' }),
    operator: str('operator'),
    witnesses: Array.isArray(values.witness) ? values.witness : [],
    ...(str('wrapping-algorithm') ? { wrappingAlgorithm: str('wrapping-algorithm') } : {}),
    ...(str('expires') ? { materialExpiry: str('expires') } : {}),
    keys: [
      {
        alias: str('alias'),
        spec: str('spec')?.toUpperCase(),
        ...(str('usage') ? { usage: str('usage') } : {}),
        ...(str('description') ? { description: str('description') } : {}),
      },
    ],
  };
}

/**
 * One warning per key this run saw under the alias of a create the plan now leaves out (sent, never
 * answered) and left alone, being of another spec or usage than that create asked for (journaled
 * key.left-alone-under-dropped-alias from entry `fromSeq` on).
 */
function leftAloneLines(io: CliIo, entries: readonly JournalEntry[], fromSeq: number): string[] {
  const { t } = cliTranslator(io);
  return entries.flatMap((e) => {
    if (e.seq < fromSeq || e.event !== ONLINE_EVENTS.leftAloneUnderDroppedAlias) return [];
    const seen = leftAloneUnderDroppedAliasData.safeParse(e.data).data;
    if (!seen) return [];
    return [
      t('online.create.left-alone-under-dropped-alias', {
        alias: seen.alias,
        region: seen.region ?? 'none',
        seq: seen.sentSeq,
        sentSpec: seen.sentSpec ?? 'none',
        sentUsage: seen.sentUsage ?? '',
        keyId: seen.keyId,
        spec: seen.spec,
        usage: seen.usage,
      }),
    ];
  });
}

export const createKeyCommand = defineOnlineCommand({
  name: 'online create-key',
  synopsis: [
    '--journal FILE (--plan FILE | --alias A --spec S --operator NAME --witness NAME ...) [connection options]',
  ],
  options: CREATE_KEY_OPTIONS,
  extra: (t) => [
    t('cli.plan-fields'),
    ...PLAN_FIELD_PATHS.map((field) => `  ${field.padEnd(28)}${t('plan.field-shape', planFieldShapeValues(field))}`),
  ],
  async run({ values }, io) {
    if (values['example-plan']) {
      for (const line of JSON.stringify(examplePlan(), null, 2).split('\n')) io.stdout(line);
      return 0;
    }
    if (values.plan && values.alias)
      throw new KeyferryError('CLI_OPTIONS_CONFLICT', { option: '--plan', other: '--alias', reason: 'either' });
    // With a plan, every option that would make one is the plan's to say: never dropped in silence.
    const besidePlan = values.plan ? PLAN_MAKING_OPTIONS.find((name) => values[name] !== undefined) : undefined;
    if (besidePlan)
      throw new KeyferryError('CLI_OPTIONS_CONFLICT', { option: '--plan', other: `--${besidePlan}`, reason: 'plan' });
    if (!values.plan && !values.alias) {
      // A key's other options given without --alias: the one option left out is named, as --spec is.
      if (PLAN_MAKING_OPTIONS.some((name) => values[name] !== undefined))
        throw missingOption({ reason: 'option', option: '--alias', command: 'online create-key' });
      throw missingOption({ reason: 'noKeys' });
    }
    // The option's own name in a refusal (the plan's field is materialExpiry).
    if (values.expires) parseMaterialExpiry(values.expires, new Date(), '--expires');
    // Without a plan the people are options: refused as every other command refuses --operator and
    // --witness (the option named, the person as typed), never as fields of a plan file nobody wrote.
    if (!values.plan) {
      // A --spec left out is missing, not "not one of the allowed values" of a value nobody typed.
      if (!values.spec) throw missingOption({ reason: 'option', option: '--spec', command: 'online create-key' });
      if (!values.operator)
        throw missingOption({ reason: 'option', option: '--operator', command: 'online create-key' });
      if (!values.witness?.length) throw missingOption({ reason: 'witness' });
      checkCeremonyPeople(values.operator, values.witness);
    }
    const plan: CeremonyPlan = values.plan
      ? await loadCeremonyPlan(path.resolve(io.cwd, values.plan))
      : parseCeremonyPlan(planFromOptions(values, io), new Date(), 'options');
    const session = await openOnlineSession(values, io, {
      ...onlineStartOf(plan),
      receiptLanguage: ceremonyReceiptLanguage(io),
    });
    return withSession(session, async () => {
      const before = session.journal.count + 1;
      // Each replica region connected is said as it happens, before the keys' lines (the session's progress).
      // Keys seen under a dropped alias and left alone are said from the journal, the step done or not.
      let created: Awaited<ReturnType<typeof session.ceremony.createKeys>>;
      try {
        // A plan file's title tells another ceremony's plan; options make up a title of their own.
        created = await session.ceremony.createKeys(plan.keys, values.plan ? { planTitle: plan.title } : {});
      } finally {
        for (const line of leftAloneLines(io, session.journal.entries, before)) io.stdout(line);
      }
      const { t } = cliTranslator(io);
      printKeyTable(
        io,
        session.ceremony.keys(),
        ['alias', 'spec', 'usage', 'materialExpires', 'keyId'],
        created,
        (k) => [k.alias, k.spec, k.usage, cliExpiry(io, k.materialExpiry), k.keyId],
      );
      // What this run did, from its own key.created entries: created, or found (made by a stopped attempt).
      const thisRun = session.journal.entries.filter((e) => e.seq >= before && e.event === 'key.created');
      const found = thisRun.filter((e) => e.data.foundInKms === true).length;
      const made = thisRun.length - found;
      // A replica is a KMS key of its own: the plan's keys are said with their replicas apart (a trial read 110 for a plan of 100).
      const replicas = session.ceremony.keys().filter((k) => k.replicaOf).length;
      io.stdout(
        t('online.created', { count: created.length, replicas, made, found, earlier: created.length - made - found }),
      );
      // The plan left its material expiry out: the keys without their own say the default, named as such.
      // Counted as the KMS holds them (a replica is a key of its own), as "Created N keys" counts.
      const defaulted = plan.materialExpiryDefaulted
        ? plan.keys
            .filter((k) => !isAsymmetric(k.spec) && k.materialExpiry === undefined)
            .reduce((n, k) => n + 1 + (k.replicas?.length ?? 0), 0)
        : 0;
      if (values.plan && defaulted > 0) io.stdout(t('online.plan-expiry-default', { count: defaulted }));
      const out = onMedia(`import-parameters-${session.ceremony.ceremonyId}`);
      const command = nextOnline('params', values, ['--out', out]);
      io.stdout(t('online.next.params', { command }));
      return 0;
    });
  },
});
