import { LangSelect } from '../shared/LangSelect.js';

export function LangSwitch() {
  return <LangSelect className="sv-lang" labelKey="supervisor.language" testid="sv-lang" />;
}
