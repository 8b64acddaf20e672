import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../../../core/contract/common.js';
import type { RouteOutput } from '../../../core/contract/api.js';
import { useClient } from '../../api/context.js';
import { useLive } from '../../shared/useLive.js';

type Lines = RouteOutput<'queueLines'>;

/** The lines with people waiting, refreshed whenever the queue changes; the last answer stays on screen meanwhile. */
export function useQueueLines(lang: Lang): { data: Lines | undefined; error: unknown; loading: boolean; reload: () => void } {
  const client = useClient();
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ data: Lines | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const opened = useRef(false);
  useLive((msg) => msg.type === 'queue' && setTick((n) => n + 1), {
    // The first open needs nothing (the lines were just fetched); a reopen may have missed changes.
    onOpen: () => {
      if (opened.current) setTick((n) => n + 1);
      opened.current = true;
    },
  });

  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    client.call('queueLines', { lang }, { signal: ctrl.signal }).then(
      (data) => {
        if (!ctrl.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        // A failed refresh keeps the lines already shown.
        if (!ctrl.signal.aborted) setState((s) => ({ data: s.data, error: s.data ? undefined : error, loading: false }));
      },
    );
    return () => ctrl.abort();
  }, [client, lang, tick]);

  return { ...state, reload: () => setTick((n) => n + 1) };
}
