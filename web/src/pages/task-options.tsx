/** Task settings: language, where dialogue comes from, face recognition, outputs. */
export interface TaskOptions {
  language: string;
  source: 'subtitles' | 'speech';
  faces: boolean;
  json: boolean;
  xlsx: boolean;
  mergedXlsx: boolean;
}

export const defaultOptions: TaskOptions = {
  language: 'zh-CN',
  source: 'subtitles',
  faces: true,
  json: true,
  xlsx: false,
  mergedXlsx: false,
};

const LANGUAGES: Array<[string, string]> = [
  ['zh-CN', 'Chinese (Simplified)'],
  ['zh-TW', 'Chinese (Traditional)'],
  ['en', 'English'],
  ['ja', 'Japanese'],
  ['ko', 'Korean'],
  ['es', 'Spanish'],
  ['pt', 'Portuguese'],
  ['fr', 'French'],
  ['de', 'German'],
  ['ru', 'Russian'],
  ['th', 'Thai'],
  ['vi', 'Vietnamese'],
  ['id', 'Indonesian'],
];

export function OptionsForm(props: { value: TaskOptions; onChange: (v: TaskOptions) => void }) {
  const v = props.value;
  const set = (patch: Partial<TaskOptions>) => props.onChange({ ...v, ...patch });
  return (
    <section aria-labelledby="options-h" class="options">
      <h2 id="options-h">Settings</h2>
      <div class="field">
        <label for="language">Language of the dialogue</label>
        <select id="language" value={v.language} onChange={(e) => set({ language: e.currentTarget.value })}>
          {LANGUAGES.map(([code, name]) => (
            <option value={code}>{name}</option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Read dialogue from</legend>
        <label>
          <input
            type="radio"
            name="source"
            checked={v.source === 'subtitles'}
            onChange={() => set({ source: 'subtitles' })}
          />{' '}
          Subtitles (burned in or a subtitle track)
        </label>
        <label>
          <input
            type="radio"
            name="source"
            checked={v.source === 'speech'}
            onChange={() => set({ source: 'speech' })}
          />{' '}
          Speech (needs a speech engine on the server)
        </label>
      </fieldset>
      <fieldset>
        <legend>Characters</legend>
        <label>
          <input
            type="checkbox"
            checked={v.faces}
            onChange={(e) => set({ faces: e.currentTarget.checked })}
          />{' '}
          Recognise faces and group characters
        </label>
      </fieldset>
      <fieldset>
        <legend>Outputs</legend>
        <label>
          <input type="checkbox" checked={v.json} onChange={(e) => set({ json: e.currentTarget.checked })} />{' '}
          JSON (storyboard, transcript, characters)
        </label>
        <label>
          <input type="checkbox" checked={v.xlsx} onChange={(e) => set({ xlsx: e.currentTarget.checked })} />{' '}
          Excel storyboard per episode
        </label>
        <label>
          <input
            type="checkbox"
            checked={v.mergedXlsx}
            onChange={(e) => set({ mergedXlsx: e.currentTarget.checked })}
          />{' '}
          One merged Excel workbook
        </label>
      </fieldset>
    </section>
  );
}
