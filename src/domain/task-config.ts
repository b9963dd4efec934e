/** The task config of the upstream API, with our defaults applied (DESIGN §3). */
export interface CastMember {
  name: string;
  /** Asset ids (API) or file paths (CLI) of reference photos. */
  images: string[];
}

export interface TaskConfig {
  language: string;
  use_face_recognition: boolean;
  use_subtitle: boolean;
  require_json: boolean;
  require_xlsx: boolean;
  require_merge_xlsx: boolean;
  concurrency: number;
  characters: CastMember[];
}

export const DEFAULT_TASK_CONFIG: TaskConfig = {
  language: 'zh-CN',
  use_face_recognition: true,
  use_subtitle: true,
  require_json: true,
  require_xlsx: false,
  require_merge_xlsx: false,
  concurrency: 100,
  characters: [],
};

export const ACTIVE_MODES = ['short_drama'] as const;
export const COMING_SOON_MODES = ['korean_drama', 'prompt_script'] as const;

const LANGUAGES = new Set([
  'zh',
  'en',
  'ja',
  'ko',
  'es',
  'fr',
  'de',
  'pt',
  'ru',
  'th',
  'vi',
  'id',
  'it',
  'ar',
  'hi',
  'ms',
  'tr',
]);

/** BCP 47-ish codes whose primary language we know: zh, zh-CN, zh-Hant-TW, en-US, … */
export function isSupportedLanguage(code: string): boolean {
  const m = /^([a-z]{2})(-[A-Za-z0-9]{2,8})*$/.exec(code);
  return m !== null && LANGUAGES.has(m[1]!);
}

export function isChinese(language: string): boolean {
  return language.toLowerCase().startsWith('zh');
}

/** Episode keys are positive integers written as strings ("1", "2", …). */
export function isEpisodeKey(key: string): boolean {
  return /^[1-9][0-9]{0,5}$/.test(key);
}

export function compareEpisodeKeys(a: string, b: string): number {
  return Number(a) - Number(b);
}
