/** A labelled box typed into with the on-screen keys; `active` marks the one the keys type into. */
export function EntryField(props: { label: string; testid: string; value: string; active: boolean; placeholder: string; onFocus: () => void; onChange: (typed: string) => void }) {
  return (
    <label className="track-field">
      <span>{props.label}</span>
      <input
        className={props.active ? 'track-input active' : 'track-input'}
        data-testid={props.testid}
        data-active={props.active}
        value={props.value}
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        placeholder={props.placeholder}
        onFocus={props.onFocus}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}
