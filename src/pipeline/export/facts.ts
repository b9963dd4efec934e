/**
 * Words written from structured facts when no vision-language model described the picture
 * (DESIGN §5): a scene heading from the scene's location and cast, an action line from the shot's
 * size and the characters on screen. The screenplay is complete either way.
 */
import type { Storyboard, StoryboardScene, StoryboardShot } from '../../domain/documents.js';
import { nameOf, onScreen, type Names } from './dialogue.js';
import { shotSizeLabel, WORDS, type Lang } from './labels.js';

/** Text that may be missing: documents from older stages carry null or an empty string. */
function present(text: string | null | undefined): string | null {
  const t = text?.trim();
  return t ? t : null;
}

/** The shot's description, or one written from its facts; `generated` says which. */
export function shotAction(
  shot: StoryboardShot,
  names: Names,
  lang: Lang,
): { text: string; generated: boolean } {
  const given = present(shot.description);
  if (given) return { text: given, generated: false };
  const size = shotSizeLabel(lang, shot.shot_size);
  const who = onScreen(names, shot.characters);
  if (lang === 'zh') {
    const body = who.length > 0 ? `${who.join('、')}在画面中` : '空镜';
    return { text: `${size ? `${size}：` : ''}${body}。`, generated: true };
  }
  const body = who.length > 0 ? `${who.join(', ')} on screen` : 'No one on screen';
  return { text: `${size ? `${size}: ` : ''}${body}.`, generated: true };
}

/** A run of consecutive shots under one heading; `scene` is null for shots no scene covers. */
export interface SceneGroup {
  scene: StoryboardScene | null;
  shots: StoryboardShot[];
}

function sceneOf(storyboard: Storyboard, shot: StoryboardShot): StoryboardScene | null {
  const byIndex = shot.scene === null ? undefined : storyboard.scenes.find((s) => s.index === shot.scene);
  return (
    byIndex ?? storyboard.scenes.find((s) => shot.index >= s.first_shot && shot.index <= s.last_shot) ?? null
  );
}

/** Groups the shots in playing order by scene. */
export function sceneGroups(storyboard: Storyboard): SceneGroup[] {
  const groups: SceneGroup[] = [];
  for (const shot of storyboard.shots) {
    const scene = sceneOf(storyboard, shot);
    const last = groups[groups.length - 1];
    if (last && last.scene?.index === scene?.index) last.shots.push(shot);
    else groups.push({ scene, shots: [shot] });
  }
  return groups;
}

/** The heading of a group: the scene's own, else "场景1 · 地点L1 · 林婉、陈默" from its facts. */
export function sceneHeading(group: SceneGroup, episode: string, names: Names, lang: Lang): string {
  const given = present(group.scene?.heading);
  if (given) return given;
  const w = WORDS[lang];
  const ids = group.scene?.characters ?? group.shots.flatMap((s) => s.characters.map((c) => c.id));
  const cast = [...new Set(ids.map((id) => nameOf(names, id)))];
  const location = present(group.scene?.location);
  const parts = [
    group.scene ? w.scene(group.scene.index) : w.episode(episode),
    ...(location ? [w.location(location)] : []),
    ...(cast.length > 0 ? [cast.join(w.listSep)] : []),
  ];
  return parts.join(lang === 'zh' ? ' · ' : ' - ');
}
