import { describe, expect, it } from 'vitest';
import type { Storyboard, StoryboardShot, Transcript, TranscriptLine } from '../../domain/documents.js';
import { linesByShot, namesOf, onScreen, withSpeaker } from './dialogue.js';

function shot(index: number, start: number, end: number, lines: number[] = []): StoryboardShot {
  return {
    index,
    start,
    end,
    start_frame: 0,
    end_frame: 0,
    transition_in: { kind: index === 1 ? 'start' : 'cut', start, end: start },
    keyframe: `keyframes/1/${String(index).padStart(4, '0')}.jpg`,
    keyframe_time: start,
    shot_size: null,
    camera_movement: null,
    characters: [],
    lines,
    onscreen_text: [],
    description: null,
    scene: null,
  };
}

const board = (shots: StoryboardShot[]): Storyboard => ({
  schema: 'reelscript.storyboard/1',
  episode: '1',
  duration: 10,
  fps: 25,
  width: 320,
  height: 180,
  shots,
  scenes: [],
});

const line = (id: number, start: number, speaker: string | null = null): TranscriptLine => ({
  id,
  start,
  end: start + 1,
  text: `line ${id}`,
  language: 'en',
  speaker,
  source: 'asr',
  confidence: 1,
});

const transcript = (lines: TranscriptLine[]): Transcript => ({
  schema: 'reelscript.transcript/1',
  episode: '1',
  language: 'en',
  lines,
});

describe('linesByShot', () => {
  it('keeps the shots own references and places unreferenced lines by start time', () => {
    const sb = board([shot(1, 0, 4, [2]), shot(2, 4, 8), shot(3, 8, 10, [2])]);
    const got = linesByShot(
      sb,
      transcript([line(1, 5), line(2, 3.5), line(3, -1), line(4, 12), line(5, 0.5)]),
    );
    expect(got.get(1)?.map((l) => l.id)).toEqual([3, 5, 2]);
    expect(got.get(2)?.map((l) => l.id)).toEqual([1]);
    // Line 2 crosses the cut and is referenced by both shots; line 4 starts after the last shot.
    expect(got.get(3)?.map((l) => l.id)).toEqual([2, 4]);
  });

  it('gives every shot an empty list without a transcript', () => {
    expect([...linesByShot(board([shot(1, 0, 4)]), null).entries()]).toEqual([[1, []]]);
  });
});

describe('names', () => {
  const names = namesOf({
    schema: 'reelscript.namelist/1',
    characters: [
      {
        id: 'C1',
        name: '林婉',
        episodes: ['1'],
        first_appearance: null,
        screen_time: 1,
        shots: 1,
        lines: 1,
        image: null,
      },
      {
        id: 'C2',
        name: '  ',
        episodes: ['1'],
        first_appearance: null,
        screen_time: 1,
        shots: 1,
        lines: 1,
        image: null,
      },
    ],
  });

  it('prints speakers with the language separator and falls back to ids', () => {
    expect(withSpeaker(names, line(1, 0, 'C1'), 'zh')).toBe('林婉：line 1');
    expect(withSpeaker(names, line(1, 0, 'C9'), 'en')).toBe('C9: line 1');
    expect(withSpeaker(names, line(1, 0, 'C2'), 'en')).toBe('C2: line 1');
    expect(withSpeaker(names, line(1, 0, null), 'en')).toBe('line 1');
  });

  it('lists each character on screen once', () => {
    const box: [number, number, number, number] = [0, 0, 1, 1];
    expect(
      onScreen(
        names,
        [{ id: 'C1' }, { id: 'C3' }, { id: 'C1' }].map((c) => ({ ...c, box })),
      ),
    ).toEqual(['林婉', 'C3']);
  });
});
