/**
 * Fountain screenplays (https://fountain.io/syntax). Every element is written in its forced form
 * (".heading", "!action", "@Cue", "> transition") because Chinese has no upper case: an unforced
 * action line followed by another line would otherwise be read as a character cue and dialogue.
 */
import type { Storyboard, Transcript, TranscriptLine } from '../../domain/documents.js';
import { linesByShot, speakerOf, type Names } from './dialogue.js';
import { sceneGroups, sceneHeading, shotAction } from './facts.js';
import { transitionLabel, WORDS, type Lang } from './labels.js';

export interface EpisodeDocs {
  episode: string;
  storyboard: Storyboard;
  transcript: Transcript | null;
}

/** Non-empty trimmed lines; a blank line would end the Fountain block early. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Backslash-escapes emphasis markers (and so boneyard "/*") so the text renders as written. */
export function escapeInline(text: string): string {
  return text.replace(/[\\*_]/g, '\\$&');
}

function oneLine(text: string): string {
  return lines(text).join(' ');
}

/** Cue names may not hold "(", ")" (extensions) or "^" (dual dialogue): use full-width look-alikes. */
function cueName(name: string): string {
  return oneLine(name).replace(/\(/g, '（').replace(/\)/g, '）').replace(/\^/g, 'ˆ');
}

function action(text: string): string {
  return lines(text)
    .map((l) => `!${escapeInline(l)}`)
    .join('\n');
}

function dialogue(who: string, said: string[]): string {
  return [`@${cueName(who)}`, ...said.map(escapeInline)].join('\n');
}

/**
 * "CUT TO:" is a transition by itself; anything else needs the ">" that forces one. (Forcing a
 * "…TO:" line as well makes fountain-js keep the ">" in the text.)
 */
function transition(label: string): string {
  return /^[^a-z]+ TO:$/.test(label) ? label : `> ${label}`;
}

/** Consecutive lines of one speaker share a cue, as a screenwriter would write them. */
function dialogueBlocks(said: TranscriptLine[], names: Names, lang: Lang): string[] {
  const blocks: Array<{ who: string; text: string[] }> = [];
  for (const line of said) {
    const who = speakerOf(names, line) ?? WORDS[lang].unknownSpeaker;
    const text = lines(line.text);
    if (text.length === 0) continue;
    const last = blocks[blocks.length - 1];
    if (last && last.who === who) last.text.push(...text);
    else blocks.push({ who, text });
  }
  return blocks.map((b) => dialogue(b.who, b.text));
}

/** Scene numbers allow only word characters, dots and dashes. */
function sceneNumber(prefix: string, n: number): string {
  return ` #${`${prefix}${n}`.replace(/[^\w.-]/g, '_')}#`;
}

/** The blocks of one episode: headings, actions, dialogue and transitions in playing order. */
export function episodeBlocks(doc: EpisodeDocs, names: Names, lang: Lang, numberPrefix = ''): string[] {
  const said = linesByShot(doc.storyboard, doc.transcript);
  const printed = new Set<number>();
  // On-screen text is written when it appears, as a screenwriter would: a channel logo or a
  // caption that stays up across shots is printed once, not in every shot's action.
  let shownBefore = new Set<string>();
  const out: string[] = [];
  for (const [g, group] of sceneGroups(doc.storyboard).entries()) {
    for (const [i, shot] of group.shots.entries()) {
      const kind = shot.transition_in.kind;
      if (g === 0 && i === 0 && kind === 'fade') out.push(transition(WORDS[lang].fadeIn));
      else if (kind !== 'start' && (i === 0 ? g > 0 : kind !== 'cut'))
        out.push(transition(transitionLabel(lang, kind)));
      if (i === 0) {
        const heading = oneLine(sceneHeading(group, doc.episode, names, lang)).replace(/^\.+/, '');
        out.push(
          `.${escapeInline(heading)}${group.scene ? sceneNumber(numberPrefix, group.scene.index) : ''}`,
        );
      }
      const onScreenText = shot.onscreen_text
        .filter((t) => !shownBefore.has(t))
        .map((t) => `${WORDS[lang].onScreenText}${oneLine(t)}`);
      shownBefore = new Set(shot.onscreen_text);
      out.push(action([shotAction(shot, names, lang).text, ...onScreenText].join('\n')));
      const fresh = (said.get(shot.index) ?? []).filter((l) => !printed.has(l.id));
      for (const l of fresh) printed.add(l.id);
      out.push(...dialogueBlocks(fresh, names, lang));
    }
  }
  return out.filter((b) => b.length > 0);
}

function titlePage(title: string, lang: Lang): string {
  const credit = lang === 'zh' ? '根据视频整理' : 'Transcribed from video';
  return [`Title: ${oneLine(title)}`, `Credit: ${credit}`, 'Source: reelscript'].join('\n');
}

/** `E.fountain`: a title page and the episode's screenplay. */
export function episodeFountain(doc: EpisodeDocs, names: Names, lang: Lang, title: string): string {
  const episode = WORDS[lang].episode(doc.episode);
  const name = oneLine(title) ? `${oneLine(title)} ${episode}` : episode;
  return `${[titlePage(name, lang), ...episodeBlocks(doc, names, lang)].join('\n\n')}\n`;
}

/** `screenplay.fountain`: every episode in order, each opened by a section, a page break between. */
export function screenplayFountain(docs: EpisodeDocs[], names: Names, lang: Lang, title: string): string {
  const blocks = [titlePage(oneLine(title) || WORDS[lang].screenplay, lang)];
  for (const [i, doc] of docs.entries()) {
    const episode = WORDS[lang].episode(doc.episode);
    if (i > 0) blocks.push('===');
    blocks.push(`# ${episode}`, `>${episode}<`);
    blocks.push(...episodeBlocks(doc, names, lang, `${doc.episode}-`));
  }
  return `${blocks.join('\n\n')}\n`;
}
