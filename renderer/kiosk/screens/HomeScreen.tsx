import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../shared/Icon.js';
import { Link } from '../../shared/Link.js';
import { Announcements } from '../components/Announcements.js';
import { CertificateEntries } from '../certificates/CertificateEntries.js';
import { FeedbackEntries } from '../feedback/FeedbackEntries.js';
import { QueueEntries } from '../queue/QueueEntries.js';
import { kioskPath } from '../routes.js';
import './home.css';

export function HomeScreen() {
  const { t } = useTranslation();
  const tiles: { to: string; icon: IconName; title: string; text: string; testid: string }[] = [
    { to: kioskPath.search(), icon: 'search', title: t('home.searchTitle'), text: t('home.searchText'), testid: 'tile-search' },
    { to: kioskPath.categories(), icon: 'grid', title: t('home.categoriesTitle'), text: t('home.categoriesText'), testid: 'tile-categories' },
    { to: kioskPath.prohibitions(), icon: 'shield', title: t('home.prohibitionsTitle'), text: t('home.prohibitionsText'), testid: 'tile-prohibitions' },
  ];
  return (
    <section className="screen home" data-testid="home">
      <div className="hero">
        <h1>{t('home.welcome')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </div>
      <Announcements />
      <QueueEntries />
      <FeedbackEntries>
        <CertificateEntries />
      </FeedbackEntries>
      <div className="tiles">
        {tiles.map((tile) => (
          <Link key={tile.testid} to={tile.to} className="tile" data-testid={tile.testid}>
            <span className="tile-icon">
              <Icon name={tile.icon} size={48} />
            </span>
            <span className="tile-body">
              <span className="tile-title">{tile.title}</span>
              <span className="tile-text">{tile.text}</span>
            </span>
            <Icon name="chevron" size={36} />
          </Link>
        ))}
      </div>
      <p className="home-note">{t('home.note')}</p>
    </section>
  );
}
