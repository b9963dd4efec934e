/** The dashboard's pure helpers (web/src/lib), run by vitest in Node. */
import { describe, expect, it } from 'vitest';
import {
  assignEpisodes,
  episodeKeyProblems,
  estimateCost,
  inferEpisode,
} from '../../web/src/lib/episodes.js';
import { plainError, timecode } from '../../web/src/lib/format.js';
import { parseRoute, routePath } from '../../web/src/lib/route.js';
import { SseParser } from '../../web/src/lib/sse.js';

describe('episode numbers from file names', () => {
  it.each([
    ['Moonlit_Vow_EP01.mp4', 1],
    ['drama s02e15 final.mkv', 15],
    ['霸道总裁 第12集.mp4', 12],
    ['Episode 7.mov', 7],
    ['ep-003_1080p.mp4', 3],
    ['2024_show_5.mp4', 5],
    ['trailer.mp4', null],
  ])('%s → %s', (name, n) => expect(inferEpisode(name)).toBe(n));

  it('keeps unique numbers and gives clashing or missing ones the next free number', () => {
    expect(assignEpisodes(['b_EP02.mp4', 'a_EP02.mp4', 'intro.mp4', 'c_EP01.mp4'])).toEqual([
      '2',
      '3',
      '4',
      '1',
    ]);
    expect(assignEpisodes(['x_EP01.mp4', 'y.mp4'], ['1', '2'])).toEqual(['3', '4']);
  });

  it('flags keys the API refuses', () => {
    expect(episodeKeyProblems(['1', '2'])).toEqual([]);
    expect(episodeKeyProblems(['0', 'a', '1', '1'])).toEqual([
      '"0" is not an episode number (1–999999)',
      '"a" is not an episode number (1–999999)',
      'episode 1 is used twice',
    ]);
  });
});

describe('cost estimate', () => {
  it('charges $1 per started minute of each episode, at least one', () => {
    expect(estimateCost([3, 60, 60.5, 299])).toBe(1 + 1 + 2 + 5);
    expect(estimateCost([])).toBe(0);
  });
});

describe('SSE parser', () => {
  it('reassembles events split across chunks and skips comments', () => {
    const p = new SseParser();
    expect(p.feed(': keep-alive\n\nevent: status\ndata: {"a"')).toEqual([]);
    expect(p.feed(':1}\n\nevent: end\r\ndata: {}\r\n\r\n')).toEqual([
      { event: 'status', data: '{"a":1}' },
      { event: 'end', data: '{}' },
    ]);
    expect(p.feed('data: x\ndata: y\n\n')).toEqual([{ event: 'message', data: 'x\ny' }]);
  });
});

describe('routes and formatting', () => {
  it('round-trips every route', () => {
    for (const path of [
      '/',
      '/new',
      '/tasks/ros-sd-1',
      '/tasks/ros-sd-1/storyboard/3',
      '/tasks/ros-sd-1/characters',
    ])
      expect(routePath(parseRoute(path))).toBe(path);
    expect(parseRoute('/tasks/t/storyboard')).toEqual({ name: 'storyboard', id: 't', episode: null });
    expect(parseRoute('/nope/x').name).toBe('missing');
  });

  it('writes timecodes and plain errors', () => {
    expect(timecode(83.44)).toBe('1:23.4');
    expect(timecode(3725)).toBe('1:02:05.0');
    expect(plainError('DURATION_EXCEEDED', 'Video must be shorter than 5 minutes.')).toBe(
      'This video is too long: episodes must be shorter than 5 minutes. (Video must be shorter than 5 minutes.)',
    );
    expect(plainError(null, 'odd')).toBe('odd');
  });
});
