/**
 * One source for each ceremony's states: the IPC enums and the step tables take them from
 * src-main/core/ceremony/shared/ceremony-states.ts (the renderer asks allowed-steps, see its test).
 */
import { describe, expect, it } from 'vitest';
import {
  AIR_GAP_STATES,
  hasReached,
  ONLINE_STEPS,
  RESTORE_STATES,
  UNFINISHED_AIR_GAP_STATES,
  UNFINISHED_RESTORE_STATES,
} from '../../../../src-main/core/ceremony/shared/ceremony-states';
import { airGapStateSchema, onlineStepSchema } from '../../../../src-main/ipc/schemas/common';
import { restoreStateSchema } from '../../../../src-main/ipc/schemas/restore';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

describe('ceremony states have one source', () => {
  it('the IPC enums list exactly the core states, in order', () => {
    expect(onlineStepSchema.options).toEqual([...ONLINE_STEPS]);
    expect(airGapStateSchema.options).toEqual([...AIR_GAP_STATES]);
    expect(restoreStateSchema.options).toEqual([...RESTORE_STATES]);
  });

  it('no renderer file lists the states itself', () => {
    const renderer = path.resolve(__dirname, '../../../../src-renderer');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((e) => {
        const full = path.join(dir, e);
        return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(e) ? [full] : [];
      });
    const names = new Set<string>([...ONLINE_STEPS, ...AIR_GAP_STATES, ...RESTORE_STATES]);
    names.delete('new');
    names.delete('finished');
    const lists: string[] = [];
    for (const file of files(renderer)) {
      for (const [literal] of readFileSync(file, 'utf8').matchAll(/\[[^\[\]]*\]/g)) {
        const found = [...literal.matchAll(/'([a-z-]+)'/g)].filter((m) => names.has(m[1] ?? ''));
        if (found.length >= 3) lists.push(`${path.relative(renderer, file)}: ${literal.slice(0, 60)}`);
      }
    }
    expect(lists).toEqual([]);
  });

  it('orders states: hasReached is true from the target on', () => {
    expect(hasReached(ONLINE_STEPS, 'imported', 'material-checked')).toBe(true);
    expect(hasReached(ONLINE_STEPS, 'keys-created', 'material-checked')).toBe(false);
    expect(hasReached(RESTORE_STATES, 'restored', 'restored')).toBe(true);
  });

  it('a ceremony is unfinished from the moment it holds material or presented shares until its receipt is written', () => {
    expect(UNFINISHED_AIR_GAP_STATES).toEqual(['material-ready', 'wrapped', 'bundle-written']);
    // The witnesses confirm before any share is presented: leaving then loses nothing.
    expect(UNFINISHED_RESTORE_STATES).toEqual(['shares-presented', 'restored', 'wrapped', 'bundle-written']);
  });

  it('every list starts at new and ends at finished, without repeats', () => {
    for (const list of [ONLINE_STEPS, AIR_GAP_STATES, RESTORE_STATES] as readonly (readonly string[])[]) {
      expect(list[0]).toBe('new');
      expect(list[list.length - 1]).toBe('finished');
      expect(new Set(list).size).toBe(list.length);
    }
    expect(hasReached(ONLINE_STEPS, undefined, 'new')).toBe(false);
  });
});
