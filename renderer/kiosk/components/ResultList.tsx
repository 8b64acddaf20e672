import { useTranslation } from 'react-i18next';
import type { MatchField, ProcedureSummary } from '../../../core/contract/procedures.js';
import { Highlight } from '../../shared/Highlight.js';
import { Icon } from '../../shared/Icon.js';
import { Link } from '../../shared/Link.js';
import { kioskPath } from '../routes.js';

export function ResultList({ items }: { items: ProcedureSummary[] }) {
  const { t } = useTranslation();
  const matchedIn: Partial<Record<MatchField, string>> = {
    summary: t('search.matchedIn.summary'),
    materials: t('search.matchedIn.materials'),
    legal_basis: t('search.matchedIn.legalBasis'),
  };
  return (
    <ul className="result-list">
      {items.map((item) => (
        <li key={item.id}>
          <Link to={kioskPath.procedure(item.id)} className="result-item" data-testid="result-item" data-abolished={item.abolished || undefined}>
            <span className="result-main">
              <span className="result-name">
                <Highlight segments={item.nameHighlight} />
              </span>
              {item.abolished && <span className="badge abolished">{t('procedure.abolishedBadge')}</span>}
              {item.snippet ? (
                <span className="result-snippet">
                  {matchedIn[item.matchedIn] && <span className="matched-in">{matchedIn[item.matchedIn]}</span>}
                  <Highlight segments={item.snippet} />
                </span>
              ) : (
                <span className="result-summary">{item.summary}</span>
              )}
            </span>
            <Icon name="chevron" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
