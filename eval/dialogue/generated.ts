/** Generated hard-sub clips for eval:dialogue: known text and frames by construction. */
import type { SubtitledVideoOptions } from '../../test/fixtures/subtitled-video.js';

type Spec = Omit<SubtitledVideoOptions, 'path'>;

export const GENERATED: Record<string, Spec> = {
  'gen/vertical-zh-bilingual-720x1280': {
    width: 720,
    height: 1280,
    fps: 25,
    segments: [4, 3.6, 4.4],
    logo: '短剧频道',
    cues: [
      { start: 0.4, end: 2.4, lines: ['你怎么现在才回来'] },
      { start: 2.6, end: 4.8, lines: ['我在公司加班', 'I was working late.'] },
      { start: 5.0, end: 7.2, lines: ['你以为我会相信吗'], fadeIn: 0.28 },
      { start: 7.4, end: 9.6, lines: ['今天的会议改到下午三点钟', '大家不要迟到'], color: 'yellow' },
      { start: 9.8, end: 11.8, lines: ['对不起', 'I am sorry.'] },
    ],
  },
  'gen/landscape-en-1280x720': {
    width: 1280,
    height: 720,
    fps: 30,
    segments: [3, 4],
    cues: [
      { start: 0.5, end: 2.0, lines: ['Where have you been all night?'] },
      { start: 2.2, end: 4.2, lines: ['I will never forgive you for this.'], color: 'yellow' },
      { start: 4.4, end: 6.6, lines: ['Then leave.', 'Nobody is stopping you.'] },
    ],
  },
  // English only, words measured with spaces: a second font and sentences not used in tuning.
  'gen/landscape-en-dejavu-1280x720': {
    width: 1280,
    height: 720,
    fps: 25,
    segments: [4, 4],
    font: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
    cues: [
      { start: 0.4, end: 2.0, lines: ['You promised me this would be the last time.'] },
      { start: 2.2, end: 3.8, lines: ['If he finds out, we are both finished.'], color: 'yellow' },
      { start: 4.0, end: 5.8, lines: ['Give me the keys.', 'I am driving tonight.'] },
      { start: 6.0, end: 7.6, lines: ['It was all a lie from the start'] },
    ],
  },
  'gen/vertical-en-720x1280': {
    width: 720,
    height: 1280,
    fps: 25,
    segments: [3.5, 3.5],
    cues: [
      { start: 0.4, end: 2.2, lines: ['Why did you marry him?'] },
      { start: 2.4, end: 4.4, lines: ['Because he asked me first.'], fadeIn: 0.24 },
      { start: 4.6, end: 6.6, lines: ['I will get it back,', 'one way or another.'] },
    ],
  },
  // Added after the letter isolation (clean.ts) as held-out clips; their first run found the
  // specks, lit blocks and skipped glyph that the stroke-thickness rule and the merge now handle.
  'gen/vertical-zh-serif-1080x1920': {
    width: 1080,
    height: 1920,
    fps: 30,
    segments: [3.2, 3, 3.8],
    font: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc',
    logo: '独家首播',
    cues: [
      { start: 0.3, end: 2.3, lines: ['这份合同你必须今天签字'] },
      { start: 2.5, end: 4.6, lines: ['凭什么？', 'Why should I?'], color: 'cyan' },
      { start: 4.8, end: 7.0, lines: ['因为你父亲欠我们公司三百万', '这是他亲手写的借条'] },
      { start: 7.2, end: 9.6, lines: ['我不相信他会做这种事'], fadeIn: 0.3, color: 'pink' },
    ],
  },
  'gen/landscape-en-oblique-1280x720': {
    width: 1280,
    height: 720,
    fps: 24,
    segments: [3, 2.5, 3.5],
    font: '/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf',
    cues: [
      { start: 0.25, end: 2.0, lines: ["They're not coming back, are they?"] },
      { start: 2.25, end: 4.5, lines: ["Tomorrow we'll know the truth."], color: 'yellow' },
      { start: 4.75, end: 6.5, lines: ["What's wrong with you?", 'Talk to me!'] },
      { start: 6.75, end: 8.75, lines: ['Twenty years, and not a word.'] },
    ],
  },
};

/**
 * Subtitles drawn over real footage from the eval media (internal use only; nothing of it is
 * committed). Written after the clips above and not used for tuning: the first run is reported.
 */
export function overFootage(media: string): Record<string, Spec> {
  const shots = `${media}/shots/pyscenedetect`;
  const hamilton = `${media}/faces/hamilton/short_hamilton_clip.mp4`;
  return {
    'footage/vertical-zh-nature-1080x1920': {
      width: 1080,
      height: 1920,
      fps: 30,
      segments: [4, 4],
      footage: [
        { file: `${shots}/testvideo.mp4`, at: 1 },
        { file: `${shots}/testvideo.mp4`, at: 14 },
      ],
      cues: [
        { start: 0.3, end: 2.4, lines: ['山里的雾散了，我们该出发了'] },
        { start: 2.6, end: 5.0, lines: ['你确定他会在那里等我们？', 'Are you sure he will wait?'] },
        { start: 5.2, end: 7.7, lines: ['他答应过我的，从来没有失约'], fadeIn: 0.3 },
      ],
    },
    'footage/landscape-zh-action-1280x720': {
      width: 1280,
      height: 720,
      fps: 24,
      segments: [3.5, 5],
      footage: [
        { file: `${shots}/goldeneye-vfr-drop3.mp4`, at: 0.5 },
        { file: `${shots}/goldeneye-vfr-drop3.mp4`, at: 4.2 },
      ],
      cues: [
        { start: 0.25, end: 2.0, lines: ['快走，他们追上来了'] },
        { start: 2.25, end: 4.5, lines: ['钥匙在你身上吗？', 'Do you have the key?'], color: 'yellow' },
        { start: 4.75, end: 6.5, lines: ['别回头，一直往前跑'] },
        { start: 6.75, end: 8.25, lines: ['我们在码头见面'] },
      ],
    },
    'footage/vertical-zh-karaoke-720x1280': {
      width: 720,
      height: 1280,
      fps: 25,
      segments: [4, 4],
      footage: [
        { file: hamilton, at: 1 },
        { file: `${shots}/testvideo.mp4`, at: 8 },
      ],
      cues: [
        { start: 0.4, end: 2.8, lines: ['我一直在等你回来'], sweep: 'yellow' },
        { start: 3.0, end: 5.4, lines: ['可是你从来没有回头'], sweep: '0x3399ff' },
        { start: 5.6, end: 7.6, lines: ['今晚我们把话说清楚'], sweep: 'red' },
      ],
    },
    'footage/vertical-en-stage-720x1280': {
      width: 720,
      height: 1280,
      fps: 25,
      segments: [4.4, 4],
      font: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      footage: [
        { file: hamilton, at: 0.5 },
        { file: hamilton, at: 5.2 },
      ],
      cues: [
        { start: 0.4, end: 2.2, lines: ['Nobody told me you were back.'] },
        { start: 2.4, end: 4.6, lines: ["I didn't want anyone to know."] },
        { start: 4.8, end: 6.4, lines: ['Not even your own sister?'], color: 'yellow' },
        { start: 6.6, end: 8.2, lines: ['Especially not her.'] },
      ],
    },
    // Written with the letter-fill measurement (blue and green fill were invisible to the masks).
    'footage/vertical-zh-coloured-720x1280': colouredOver(
      shots,
      hamilton,
      '0x3399ff',
      '0x33cc33',
      '0x3399ff',
    ),
    // Written with the scan for letters of a pure colour (red letters are as dark as their
    // picture in luma: invisible to the masks before).
    'footage/vertical-zh-red-720x1280': colouredOver(shots, hamilton, 'red', 'red', 'red'),
  };
}

/** Four lines over two real shots, the third white and the others in the colours given. */
function colouredOver(shots: string, hamilton: string, first: string, second: string, fourth: string): Spec {
  return {
    width: 720,
    height: 1280,
    fps: 25,
    segments: [4, 4.4],
    footage: [
      { file: `${shots}/goldeneye-vfr-drop3.mp4`, at: 2 },
      { file: hamilton, at: 2.5 },
    ],
    cues: [
      { start: 0.4, end: 2.4, lines: ['你到底想要什么'], color: first },
      { start: 2.6, end: 4.8, lines: ['我只想知道真相', 'I just want the truth.'], color: second },
      { start: 5.0, end: 6.6, lines: ['真相会毁了你'] },
      { start: 6.8, end: 8.2, lines: ['那我也要知道'], color: fourth },
    ],
  };
}
