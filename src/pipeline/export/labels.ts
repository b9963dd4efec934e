/**
 * Every human-readable word the exports print, in the two languages we write: Chinese for a task
 * whose language is `zh*`, English otherwise. Kept in one table so a sheet, a screenplay and a
 * subtitle file never disagree on what a shot size is called.
 */
import type { CameraMovement, ShotSize, TransitionKind } from '../../domain/documents.js';

export type Lang = 'zh' | 'en';

/** Chinese for any zh variant (zh, zh-CN, zh-Hant…), English for everything else. */
export function langOf(language: string): Lang {
  return language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export const STORYBOARD_COLUMNS = [
  'episode',
  'shot',
  'scene',
  'timecode',
  'duration',
  'keyframe',
  'shot_size',
  'camera_movement',
  'description',
  'characters',
  'dialogue',
  'onscreen_text',
] as const;
export type StoryboardColumn = (typeof STORYBOARD_COLUMNS)[number];

/** The headers of the 分镜表 teams fill by hand (DESIGN §4), plus the picture column. */
const HEADERS: Record<Lang, Record<StoryboardColumn, string>> = {
  zh: {
    episode: '集数',
    shot: '镜号',
    scene: '场次',
    timecode: '时间码',
    duration: '时长',
    keyframe: '画面',
    shot_size: '景别',
    camera_movement: '运镜',
    description: '画面内容',
    characters: '人物',
    dialogue: '台词',
    onscreen_text: '字幕',
  },
  en: {
    episode: 'Episode',
    shot: 'Shot',
    scene: 'Scene',
    timecode: 'Timecode',
    duration: 'Duration',
    keyframe: 'Keyframe',
    shot_size: 'Shot size',
    camera_movement: 'Camera movement',
    description: 'Visual description',
    characters: 'Characters',
    dialogue: 'Dialogue',
    onscreen_text: 'On-screen text',
  },
};

export function header(lang: Lang, column: StoryboardColumn): string {
  return HEADERS[lang][column];
}

/** Chinese 景别 follow the usual 远/全/中/近/特写 scale. */
const SHOT_SIZES: Record<Lang, Record<ShotSize, string>> = {
  zh: {
    extreme_close_up: '大特写',
    close_up: '特写',
    medium_close_up: '近景',
    medium: '中景',
    full: '全景',
    wide: '远景',
  },
  en: {
    extreme_close_up: 'Extreme close-up',
    close_up: 'Close-up',
    medium_close_up: 'Medium close-up',
    medium: 'Medium',
    full: 'Full',
    wide: 'Wide',
  },
};

const MOVEMENTS: Record<Lang, Record<CameraMovement, string>> = {
  zh: {
    static: '固定',
    pan_left: '左摇',
    pan_right: '右摇',
    tilt_up: '上摇',
    tilt_down: '下摇',
    zoom_in: '推',
    zoom_out: '拉',
    handheld: '手持',
  },
  en: {
    static: 'Static',
    pan_left: 'Pan left',
    pan_right: 'Pan right',
    tilt_up: 'Tilt up',
    tilt_down: 'Tilt down',
    zoom_in: 'Zoom in',
    zoom_out: 'Zoom out',
    handheld: 'Handheld',
  },
};

export function shotSizeLabel(lang: Lang, size: ShotSize | null): string {
  return size ? SHOT_SIZES[lang][size] : '';
}

export function movementLabel(lang: Lang, movement: CameraMovement | null): string {
  return movement ? MOVEMENTS[lang][movement] : '';
}

/** Fountain transitions: English ones end in "TO:" so any parser spots them unforced. */
const TRANSITIONS: Record<Lang, Record<Exclude<TransitionKind, 'start'>, string>> = {
  zh: { cut: '切至：', fade: '淡出淡入：', dissolve: '叠化：' },
  en: { cut: 'CUT TO:', fade: 'FADE TO:', dissolve: 'DISSOLVE TO:' },
};

export function transitionLabel(lang: Lang, kind: Exclude<TransitionKind, 'start'>): string {
  return TRANSITIONS[lang][kind];
}

/** Small words shared by the writers. */
export const WORDS = {
  zh: {
    fadeIn: '淡入：',
    unknownSpeaker: '未知',
    onScreenText: '画面字幕：',
    listSep: '、',
    speakerSep: '：',
    // Upstream episode keys may be names ("EP01") rather than numbers: those are shown as they are.
    episode: (e: string) => (/^\d+$/.test(e) ? `第${e}集` : e),
    scene: (n: number) => `场景${n}`,
    location: (l: string) => `地点${l}`,
    screenplay: '剧本',
    storyboardSheet: '分镜表',
    charactersSheet: '人物',
    summarySheet: '汇总',
  },
  en: {
    fadeIn: 'FADE IN:',
    unknownSpeaker: 'UNKNOWN',
    onScreenText: 'ON SCREEN: ',
    listSep: ', ',
    speakerSep: ': ',
    episode: (e: string) => (/^\d+$/.test(e) ? `Episode ${e}` : e),
    scene: (n: number) => `SCENE ${n}`,
    location: (l: string) => `LOCATION ${l}`,
    screenplay: 'Screenplay',
    storyboardSheet: 'Storyboard',
    charactersSheet: 'Characters',
    summarySheet: 'Summary',
  },
} as const;
