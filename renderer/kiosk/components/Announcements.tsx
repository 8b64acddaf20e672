import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.js';
import { currentLang } from '../../i18n/i18n.js';

/** The office's notices for today (closures, changed hours), from the central server; nothing when there are none. */
export function Announcements() {
  const { t, i18n } = useTranslation();
  const { data } = useApi('announcements', { lang: currentLang(i18n) });
  if (!data?.announcements.length) return null;
  return (
    <aside className="announcements" data-testid="announcements" aria-label={t('home.announcements')}>
      <h2>{t('home.announcements')}</h2>
      <ul>
        {data.announcements.map((a) => (
          <li key={a.id} data-testid="announcement">
            {a.text}
          </li>
        ))}
      </ul>
    </aside>
  );
}
