import { useEffect, useRef, useState } from 'react';
import type { RatingView, SupervisionLive } from '../../core/contract/supervision-api.js';
import type { SupervisionClient } from './client.js';

/** The contract asks pages to poll the live feed; every 3 s is enough (supervision-api.ts). */
export const LIVE_POLL_MS = 3000;
/** How many arrivals the live ratings list keeps. */
export const LIVE_KEEP = 50;

export interface LiveFeed {
  state: 'connecting' | 'live' | 'stale';
  /** Ratings that arrived while the page was open, newest first. */
  arrived: RatingView[];
  /** Each goes up when something of its kind arrived or changed: views reload on it. */
  ratingsTick: number;
  casesTick: number;
  complaintsTick: number;
  /** Uploaded events the server could not apply, as of the last answer; null before it, or for a department. */
  failedEvents: number | null;
}

export const EMPTY_FEED: LiveFeed = { state: 'connecting', arrived: [], ratingsTick: 0, casesTick: 0, complaintsTick: 0, failedEvents: null };

/** Folds one answer of the live route into the feed; the first answer only brings the cursor (and the count of failed events). */
export function applyLive(feed: LiveFeed, live: SupervisionLive, first: boolean): LiveFeed {
  if (first) return { ...feed, state: 'live', failedEvents: live.failedEvents };
  const known = new Set(feed.arrived.map((r) => r.id));
  const fresh = [...live.ratings].filter((r) => !known.has(r.id)).sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  return {
    state: 'live',
    arrived: fresh.length ? [...fresh, ...feed.arrived].slice(0, LIVE_KEEP) : feed.arrived,
    ratingsTick: feed.ratingsTick + (live.ratings.length ? 1 : 0),
    casesTick: feed.casesTick + (live.cases.length ? 1 : 0),
    complaintsTick: feed.complaintsTick + (live.complaints.length ? 1 : 0),
    failedEvents: live.failedEvents,
  };
}

/** Polls the live route while `enabled`; a failed poll marks the feed stale and the next one tries again. */
export function useLiveFeed(client: SupervisionClient, enabled: boolean, pollMs = LIVE_POLL_MS): LiveFeed {
  const [feed, setFeed] = useState<LiveFeed>(EMPTY_FEED);
  const cursor = useRef<number | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ctrl = new AbortController();
    const poll = async () => {
      try {
        const after = cursor.current;
        // The first call asks for the cursor alone: the views load their own lists.
        const live = await client.call('live', after === null ? {} : { after }, { signal: ctrl.signal });
        if (stopped) return;
        cursor.current = live.cursor;
        setFeed((f) => applyLive(f, live, after === null));
      } catch {
        if (stopped) return;
        setFeed((f) => (f.state === 'stale' ? f : { ...f, state: 'stale' }));
      }
      if (!stopped) timer = setTimeout(() => void poll(), pollMs);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [client, enabled, pollMs]);
  return feed;
}
