/** Maps the character result onto the fixed namelist.json document (DESIGN §4). */
import { NAMELIST_SCHEMA, type Namelist } from '../../domain/documents.js';
import type { CharacterResult } from './types.js';

/** `withImages`: ids whose crop `characters/ID.jpg` was written (others get `image: null`). */
export function toNamelist(result: CharacterResult, withImages: ReadonlySet<string>): Namelist {
  return {
    schema: NAMELIST_SCHEMA,
    characters: result.characters.map((c) => ({
      id: c.id,
      name: c.name,
      episodes: c.episodes,
      first_appearance: c.first_appearance,
      screen_time: c.screen_time,
      shots: c.shots,
      lines: c.lines,
      image: withImages.has(c.id) ? `characters/${c.id}.jpg` : null,
    })),
  };
}
