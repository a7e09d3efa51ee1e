/**
 * The store's progress: a 100-key step sends hundreds of progress events, each of which re-rendered
 * the screen; they are applied once a frame, in the order sent, the last one shown and each key at
 * its last phase; a flush (an action starting or ending) applies them at once, and a frame after it
 * applies nothing again.
 */
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../src-main/ipc/contract';
import { progressApplied, progressFrames, type ProgressShown } from '../../../src-renderer/store/progress-frames';

const keyEvent = (keyId: string, keyPhase: ProgressEvent['keyPhase'], done: number): ProgressEvent => ({
  taskId: 'fetch-1',
  stage: 'fetch',
  keyId,
  keyPhase,
  done,
  total: 100,
  message: `${keyId} ${keyPhase}`,
});

const frame = () => new Promise((resolve) => setTimeout(resolve, 40));

/** A screen's state fed by the frames: how many times it was updated, and what it shows. */
function screen() {
  let shown: ProgressShown = { progress: null, keyPhases: {} };
  let updates = 0;
  const frames = progressFrames((events) => {
    updates += 1;
    shown = progressApplied(shown, events);
  });
  return { frames, shown: () => shown, updates: () => updates };
}

describe('progress applied once a frame', () => {
  it('applies the events of one frame in one update: the last shown, each key at its last phase', async () => {
    const s = screen();
    for (let i = 0; i < 100; i += 1) {
      s.frames.push(keyEvent(`k${i}`, 'started', i));
      s.frames.push(keyEvent(`k${i}`, i === 7 ? 'failed' : 'done', i + 1));
    }
    expect(s.updates()).toBe(0);
    await frame();
    expect(s.updates()).toBe(1);
    const { progress, keyPhases } = s.shown();
    expect(progress?.message).toBe('k99 done');
    expect(Object.keys(keyPhases)).toHaveLength(100);
    expect(keyPhases['k7']).toEqual({ stage: 'fetch', phase: 'failed' });
    expect(keyPhases['k42']).toEqual({ stage: 'fetch', phase: 'done' });
  });

  it('a flush applies what was received at once, and the frame after it applies nothing again', async () => {
    const s = screen();
    s.frames.push(keyEvent('a', 'started', 0));
    s.frames.push(keyEvent('a', 'done', 1));
    s.frames.flush();
    expect(s.updates()).toBe(1);
    expect(s.shown().keyPhases['a']?.phase).toBe('done');
    await frame();
    expect(s.updates()).toBe(1);
    s.frames.push(keyEvent('b', 'started', 1));
    await frame();
    expect(s.updates()).toBe(2);
    expect(s.shown().progress?.message).toBe('b started');
  });

  it('an event without a key changes the progress shown and no key’s phase', () => {
    const before: ProgressShown = { progress: null, keyPhases: { a: { stage: 'fetch', phase: 'done' } } };
    const after = progressApplied(before, [{ taskId: 't', stage: 'digest', message: 'hashing', done: 3, total: 9 }]);
    expect(after.progress?.message).toBe('hashing');
    expect(after.keyPhases).toEqual(before.keyPhases);
  });
});
