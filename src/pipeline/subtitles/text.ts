/** Pure text helpers: normalisation for comparison, edit distance, language tags. */

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;
const KANA = /[\u3040-\u30ff]/;
const HANGUL = /[\uac00-\ud7af]/;
const LATIN = /[A-Za-z\u00c0-\u024f]/g;

/** Letters and digits only, lower case: how two readings of one subtitle are compared. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[B.length]!;
}

/** 1 for the same normalised text, 0 for nothing in common. */
export function textSimilarity(a: string, b: string): number {
  const x = normalize(a);
  const y = normalize(b);
  const n = Math.max([...x].length, [...y].length);
  return n === 0 ? 1 : 1 - editDistance(x, y) / n;
}

/** The primary subtag of a language tag, lower-cased: 'zh-CN' → 'zh', 'en_US' → 'en'. */
export function baseLanguage(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? '').toLowerCase();
}

/**
 * Language of one subtitle line from its script: Han → zh (kana → ja, hangul → ko); Latin →
 * the episode language when it is a Latin-script one, else en. Mixed lines go by the majority.
 * Tags are primary subtags ('zh', not the task's 'zh-CN'), so lines compare across regions.
 */
export function lineLanguage(text: string, episodeLanguage: string): string {
  const episode = baseLanguage(episodeLanguage);
  const cjk = text.match(CJK)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (cjk > 0 && cjk * 2 >= latin) return KANA.test(text) ? 'ja' : HANGUL.test(text) ? 'ko' : 'zh';
  if (latin > 0) return ['zh', 'ja', 'ko', 'auto', ''].includes(episode) ? 'en' : episode;
  return episode && episode !== 'auto' ? episode : 'und';
}

/** Joins lines of one language: no space between CJK runs' line break, a space otherwise. */
export function joinLines(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
}
