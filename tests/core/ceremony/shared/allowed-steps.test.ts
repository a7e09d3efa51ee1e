/**
 * One table per ceremony says which step may run from which state (core/ceremony/shared/allowed-steps.ts):
 * the workflows' step guards read it, main computes the IPC views' allowed and done steps from it,
 * and the renderer asks those views. Guard and table cannot drift: proven here three ways.
 */
import { promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AIR_GAP_STEP_FROM,
  ONLINE_STEP_FROM,
  RESTORE_STEP_FROM,
  airGapStepAvailability,
  onlineStepAvailability,
  restoreStepAvailability,
  STEP_CONDITIONS,
  type AirGapStepId,
  type StepFacts,
  type StepTable,
} from '../../../../src-main/core/ceremony/shared/allowed-steps';
import {
  AIR_GAP_STATES,
  ONLINE_STEPS,
  RESTORE_STATES,
} from '../../../../src-main/core/ceremony/shared/ceremony-states';
import { StepGuard } from '../../../../src-main/core/ceremony/shared/step-guard';
import type { AirGapCeremony } from '../../../../src-main/core/ceremony/airgap/workflow';
import { createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';
import { confirmEveryWitness } from '../witness-helpers';

const REPO = path.resolve(__dirname, '../../../..');
const CEREMONIES = [
  { name: 'online', order: ONLINE_STEPS, table: ONLINE_STEP_FROM, availability: onlineStepAvailability },
  { name: 'air-gapped', order: AIR_GAP_STATES, table: AIR_GAP_STEP_FROM, availability: airGapStepAvailability },
  { name: 'custody restore', order: RESTORE_STATES, table: RESTORE_STEP_FROM, availability: restoreStepAvailability },
] as const;

/** Every set of facts a table's conditions can make: none, and each condition alone. */
const FACT_SETS: StepFacts[] = [new Set(), ...STEP_CONDITIONS.map((c) => new Set([c]))];

function outcome(table: StepTable<string>, state: string, step: string, facts: StepFacts): 'runs' | 'refused' {
  const guard = new StepGuard<string>('online', state, table, () => facts);
  try {
    guard.require(step);
    return 'runs';
  } catch (error) {
    expect(error).toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });
    return 'refused';
  }
}

describe('allowed-steps table', () => {
  it.each(CEREMONIES)('$name: in every state, the guard admits exactly the steps the view calls allowed', (c) => {
    const table = c.table as StepTable<string>;
    const order: readonly string[] = c.order;
    for (const [state, facts] of order.flatMap((s) => FACT_SETS.map((f) => [s, f] as const))) {
      const view = (c.availability as (s: string, f: StepFacts) => { allowedSteps: string[]; doneSteps: string[] })(
        state,
        facts,
      );
      const runs = Object.keys(table).filter((step) => outcome(table, state, step, facts) === 'runs');
      expect(view.allowedSteps, `${state} ${[...facts].join()}`).toEqual(runs);
      // Done: the step's outcome state was reached; a step that changes no state is never done.
      const done = Object.entries(table)
        .filter(([, rule]) => rule.to !== null && order.indexOf(rule.to) <= order.indexOf(state))
        .map(([step]) => step);
      expect(view.doneSteps, state).toEqual(done);
    }
    // Every state named in the table is one of the ceremony's; every state but the last has a step.
    for (const rule of Object.values(table))
      for (const s of [...rule.from, ...Object.keys(rule.alsoFrom ?? {}), ...(rule.to ? [rule.to] : [])])
        expect(order).toContain(s);
    for (const state of order.slice(0, -1))
      expect(c.availability(state as never).allowedSteps.length, state).toBeGreaterThan(0);
  });

  it('a fact lets a step run from a state only where the table says so', () => {
    const at = (facts: StepFacts) => onlineStepAvailability('parameters-fetched', facts).allowedSteps;
    expect(at(new Set())).not.toContain('checkWrappedBundle');
    expect(at(new Set(['parametersBundleWrittenBefore']))).toContain('checkWrappedBundle');
    expect(
      onlineStepAvailability('keys-created', new Set(['parametersBundleWrittenBefore'])).allowedSteps,
    ).not.toContain('checkWrappedBundle');
  });

  it('the workflows name only table steps in their guards, list no states of their own, and use every step', async () => {
    const files = {
      online: ['src-main/core/ceremony/online/workflow.ts'],
      'air-gapped': ['src-main/core/ceremony/airgap/workflow.ts', 'src-main/core/ceremony/airgap/ceremony-base.ts'],
      'custody restore': [
        'src-main/core/ceremony/restore/workflow.ts',
        'src-main/core/ceremony/airgap/ceremony-base.ts',
      ],
    } as const;
    for (const c of CEREMONIES) {
      const source = (await Promise.all(files[c.name].map((f) => fs.readFile(path.join(REPO, f), 'utf8')))).join('\n');
      const calls = [...source.matchAll(/guard\.require\(([^)]*)\)/g)].map((m) => (m[1] as string).trim());
      expect(calls.length, c.name).toBeGreaterThan(0);
      for (const call of calls) expect(call, c.name).toMatch(/^'[A-Za-z]+'$/);
      const named = new Set(calls.map((call) => call.slice(1, -1)));
      expect([...named].sort(), c.name).toEqual(Object.keys(c.table).sort());
    }
  });
});

/** Each air-gapped step called on a real ceremony, with arguments a refusal never reaches. */
function callStep(air: AirGapCeremony, step: AirGapStepId, dir: string): Promise<unknown> {
  const folder = path.join(dir, 'never');
  const calls: Record<AirGapStepId, () => Promise<unknown>> = {
    checkNetwork: () => air.checkNetwork(),
    readParameters: () => air.readParametersBundle(folder),
    showArtefacts: async () => air.artefactsToConfirm(),
    confirmArtefact: () => air.confirmArtefact('Ben', 'AAAA'),
    preflight: () => air.preflight({ wrappedBundle: folder, receiptFolder: folder }),
    acknowledgeNoBackup: () => air.acknowledgeNoBackup('never'),
    useHsm: () => air.useHsm({ module: folder, token: 't', pin: 'p' } as never),
    generateMaterial: () => air.generateMaterial(),
    loadMaterial: () => air.loadMaterialFile('0d0466b0-e727-4d9c-b35d-f84bb474a37f', folder),
    splitCustody: () => air.splitCustody({ threshold: 2, custodians: [] } as never),
    wrap: () => air.wrap(),
    writeBundle: () => air.writeWrappedBundle(folder),
    writeReceipt: () => air.writeReceipt(folder),
  };
  return calls[step]();
}

describe('the air-gapped workflow follows the table', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture();
  });
  afterEach(async () => {
    await f.close();
  });

  it('in every state it reaches, each step the table does not allow is refused and changes nothing', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const air = await f.airgap(await f.journal('airgap.jsonl'), plan);
    const out = path.join(f.dir, 'wrapped');
    const receipts = await mkdtemp(path.join(f.dir, 'receipt-'));
    const visited: string[] = [];
    const probe = async () => {
      const state = air.state;
      visited.push(state);
      const { allowedSteps } = airGapStepAvailability(state);
      for (const step of Object.keys(AIR_GAP_STEP_FROM) as AirGapStepId[]) {
        if (allowedSteps.includes(step)) continue;
        await expect(callStep(air, step, f.dir), `${step} at ${state}`).rejects.toMatchObject({
          code: 'CEREMONY_STEP_OUT_OF_ORDER',
        });
        expect(air.state).toBe(state);
      }
    };
    await probe();
    await air.checkNetwork();
    await probe();
    await air.readParametersBundle(params);
    await probe();
    await air.preflight({ wrappedBundle: out, receiptFolder: receipts });
    await confirmEveryWitness(air, plan.witnesses, params);
    await probe();
    await air.generateMaterial();
    await probe();
    await air.wrap();
    await probe();
    await air.writeWrappedBundle(out);
    await probe();
    await air.writeReceipt(receipts);
    await probe();
    expect(visited).toEqual([...AIR_GAP_STATES]);
  });
});

describe('the renderer asks instead of comparing states', () => {
  it('no screen or store reads a ceremony state, compares one, or orders the states', () => {
    const renderer = path.join(REPO, 'src-renderer');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((e) => {
        const full = path.join(dir, e);
        return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(e) ? [full] : [];
      });
    const states = [...new Set<string>([...ONLINE_STEPS, ...AIR_GAP_STATES, ...RESTORE_STATES])].join('|');
    const patterns = [
      /hasReached|_STATES\b|ONLINE_STEPS/,
      /\.(online|airGap|restore)\??\.(state|step)\b/,
      new RegExp(`[!=]==\\s*'(${states})'|'(${states})'\\s*[!=]==`),
    ];
    const found: string[] = [];
    for (const file of files(renderer)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (patterns.some((p) => p.test(line))) found.push(`${path.relative(REPO, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
    // The contract no longer hands the renderer the state order to compare with.
    const contract = readFileSync(path.join(REPO, 'src-main/ipc/contract.ts'), 'utf8');
    expect(contract).not.toMatch(/hasReached|AIR_GAP_STATES|RESTORE_STATES|ONLINE_STEPS/);
  });
});
