import { LangSelect } from '../shared/LangSelect.js';

export function LangSwitch() {
  return <LangSelect className="lang-select" labelKey="counter.language" testid="counter-lang" />;
}
