import { Fountain } from 'fountain-js';
import { describe, expect, it } from 'vitest';
import type { Storyboard, StoryboardShot, Transcript } from '../../domain/documents.js';
import { episodeFountain, escapeInline } from './fountain.js';

function shot(index: number, over: Partial<StoryboardShot> = {}): StoryboardShot {
  return {
    index,
    start: index - 1,
    end: index,
    start_frame: 0,
    end_frame: 0,
    transition_in: { kind: index === 1 ? 'start' : 'cut', start: index - 1, end: index - 1 },
    keyframe: `keyframes/1/${String(index).padStart(4, '0')}.jpg`,
    keyframe_time: index - 0.5,
    shot_size: 'medium',
    camera_movement: null,
    characters: [{ id: 'C1', box: [0, 0, 1, 1] }],
    lines: [index],
    onscreen_text: [],
    description: null,
    scene: 1,
    ...over,
  };
}

const tricky = 'Use *stars*, _under_ and /* not a boneyard */ with a \\ too';
const doc = (
  shots: StoryboardShot[],
  texts: string[],
  heading: string | null,
): { storyboard: Storyboard; transcript: Transcript } => ({
  storyboard: {
    schema: 'reelscript.storyboard/1',
    episode: '1',
    duration: shots.length,
    fps: 25,
    width: 320,
    height: 180,
    shots,
    scenes: [
      {
        index: 1,
        first_shot: 1,
        last_shot: shots.length,
        start: 0,
        end: shots.length,
        location: 'L1',
        characters: ['C1'],
        heading: heading,
      },
    ],
  },
  transcript: {
    schema: 'reelscript.transcript/1',
    episode: '1',
    language: 'en',
    lines: texts.map((text, i) => ({
      id: i + 1,
      start: i,
      end: i + 0.9,
      text,
      language: 'en',
      speaker: 'C1',
      source: 'asr',
      confidence: 1,
    })),
  },
});

const parse = (text: string) => new Fountain().parse(text, true).tokens;
const unescape = (s: string | undefined): string => (s ?? '').replace(/\\([\\*_])/g, '$1');

describe('episodeFountain', () => {
  const names = new Map([['C1', 'Mary (older)']]);

  it('forces every element so English action lines and mixed-case cues parse as written', () => {
    const shots = [
      shot(1, { description: 'JOHN ENTERS\nthe room quietly' }),
      shot(2, {
        description: 'INT. HOUSE - looks around',
        transition_in: { kind: 'dissolve', start: 0.9, end: 1.1 },
      }),
    ];
    const tokens = parse(
      episodeFountain({ episode: '1', ...doc(shots, ['Hello there.', 'Bye.'], null) }, names, 'en', 'Pilot'),
    );
    expect(tokens.map((t) => t.type)).toEqual([
      'title',
      'credit',
      'source',
      'scene_heading',
      'action',
      'dialogue_begin',
      'character',
      'dialogue',
      'dialogue_end',
      'transition',
      'action',
      'dialogue_begin',
      'character',
      'dialogue',
      'dialogue_end',
    ]);
    expect(tokens[0]?.text).toBe('Pilot Episode 1');
    expect(tokens[3]).toMatchObject({ text: 'SCENE 1 - LOCATION L1 - Mary (older)', scene_number: '1' });
    expect(tokens[4]?.text).toBe('JOHN ENTERS\nthe room quietly');
    expect(tokens[6]?.text).toBe('Mary （older）');
    expect(tokens[9]?.text).toBe('DISSOLVE TO:');
  });

  it('keeps emphasis markers and boneyard-like text in dialogue and headings', () => {
    const tokens = parse(
      episodeFountain({ episode: '1', ...doc([shot(1)], [tricky], `.${tricky}`) }, names, 'en', ''),
    );
    expect(unescape(tokens.find((t) => t.type === 'dialogue')?.text)).toBe(tricky);
    expect(unescape(tokens.find((t) => t.type === 'scene_heading')?.text)).toBe(tricky);
    expect(escapeInline('a*b_c\\')).toBe('a\\*b\\_c\\\\');
  });

  it('merges consecutive lines of one speaker under one cue', () => {
    const tokens = parse(
      episodeFountain(
        { episode: '1', ...doc([shot(1, { lines: [1, 2] })], ['One.', 'Two.'], 'A ROOM') },
        names,
        'en',
        'T',
      ),
    );
    expect(tokens.filter((t) => t.type === 'character')).toHaveLength(1);
    expect(tokens.find((t) => t.type === 'dialogue')?.text).toBe('One.\nTwo.');
  });

  it('writes on-screen text when it appears, not again in every shot it stays on', () => {
    const shots = [
      shot(1, { onscreen_text: ['LOGO'], lines: [] }),
      shot(2, { onscreen_text: ['LOGO', 'THREE DAYS LATER'], lines: [] }),
      shot(3, { onscreen_text: ['LOGO'], lines: [] }),
      shot(4, { onscreen_text: [], lines: [] }),
      shot(5, { onscreen_text: ['LOGO'], lines: [] }),
    ];
    const actions = parse(episodeFountain({ episode: '1', ...doc(shots, [], 'A ROOM') }, names, 'en', 'T'))
      .filter((t) => t.type === 'action')
      .map((t) => t.text ?? '');
    expect(actions.map((a) => a.split('\n').filter((l) => l.startsWith('ON SCREEN')))).toEqual([
      ['ON SCREEN: LOGO'],
      ['ON SCREEN: THREE DAYS LATER'],
      [],
      [],
      ['ON SCREEN: LOGO'],
    ]);
  });
});
