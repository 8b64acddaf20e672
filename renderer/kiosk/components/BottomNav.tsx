import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../shared/Icon.js';
import { Link } from '../../shared/Link.js';
import { kioskPath, type KioskRoute } from '../routes.js';

interface Item {
  testid: string;
  to: string;
  icon: IconName;
  label: string;
  active: KioskRoute['name'][];
}

export function BottomNav({ route }: { route: KioskRoute }) {
  const { t } = useTranslation();
  const ITEMS: Item[] = [
    { testid: 'nav-home', to: kioskPath.home(), icon: 'home', label: t('nav.home'), active: ['home'] },
    { testid: 'nav-search', to: kioskPath.search(), icon: 'search', label: t('nav.search'), active: ['search', 'procedure'] },
    { testid: 'nav-categories', to: kioskPath.categories(), icon: 'grid', label: t('nav.categories'), active: ['categories', 'category'] },
    { testid: 'nav-prohibitions', to: kioskPath.prohibitions(), icon: 'shield', label: t('nav.prohibitions'), active: ['prohibitions'] },
  ];
  return (
    <nav className="kiosk-nav" aria-label={t('nav.label')}>
      {ITEMS.map((item) => (
        <Link
          key={item.testid}
          to={item.to}
          data-testid={item.testid}
          className="nav-item"
          aria-current={item.active.includes(route.name) ? 'page' : undefined}
        >
          <Icon name={item.icon} size={32} />
          <span>{item.label}</span>
        </Link>
      ))}
    </nav>
  );
}
