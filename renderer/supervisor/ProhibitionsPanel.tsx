import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ProhibitionCounts } from '../../core/contract/supervision-api.js';
import { useRemote } from '../counter/useRemote.js';
import { useHallCalendar, useSupervision } from './context.js';
import { presetRange, validRange } from './format.js';
import { useFeed } from './live-context.js';
import { LoadError, RangeControls, type Range } from './parts.js';
import { useNames } from './names.js';

/** How often each of the eleven prohibitions (十一不准) was cited, item by item, zero counts included. */
export function ProhibitionsPanel() {
  const { t } = useTranslation();
  const client = useSupervision();
  const feed = useFeed();
  const { today } = useHallCalendar();
  const [range, setRange] = useState<Range>(() => presetRange('quarter', today));
  const ok = validRange(range.from, range.to);
  const counts = useRemote((signal) => (ok ? client.call('prohibitions', range, { signal }) : Promise.resolve(undefined)), `${range.from}|${range.to}|${ok}`);
  const { reload } = counts;
  useEffect(() => {
    if (feed.complaintsTick > 0) reload();
  }, [feed.complaintsTick, reload]);
  return (
    <section className="sv-card" aria-labelledby="sv-prohibitions-h">
      <h2 id="sv-prohibitions-h">{t('supervisor.prohibitions.title')}</h2>
      <p className="sv-muted">{t('supervisor.prohibitions.intro')}</p>
      <RangeControls range={range} onChange={setRange} />
      {counts.error !== undefined && <LoadError error={counts.error} onRetry={counts.reload} />}
      {counts.data && <ProhibitionTable data={counts.data} />}
    </section>
  );
}

export function ProhibitionTable({ data }: { data: z.infer<typeof ProhibitionCounts> }) {
  const { t } = useTranslation();
  const names = useNames();
  const rows = [...data.counts].sort((a, b) => a.item - b.item);
  const total = rows.reduce((n, r) => n + r.count, 0);
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <div className="sv-table-wrap">
      <table className="sv-table" data-testid="sv-prohibitions-table">
        <thead>
          <tr>
            <th scope="col">{t('supervisor.prohibitions.itemCol')}</th>
            <th scope="col" className="num">{t('supervisor.prohibitions.count')}</th>
            <th scope="col" aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.item} data-testid="sv-prohibition-row" data-item={r.item}>
              <th scope="row">
                <span className="sv-prohibition-no">{t('supervisor.prohibitions.item', { n: r.item })}</span>
                {names.prohibition(r.item) && (
                  <span className="sv-prohibition-text" data-testid="sv-prohibition-text">
                    {names.prohibition(r.item)}
                  </span>
                )}
              </th>
              <td className="num" data-testid="sv-prohibition-count">
                {r.count}
              </td>
              <td className="sv-bar-cell" aria-hidden="true">
                <span className="sv-bar" style={{ width: `${(r.count / max) * 100}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('supervisor.sat.total')}</th>
            <td className="num" data-testid="sv-prohibitions-total">
              {total}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
