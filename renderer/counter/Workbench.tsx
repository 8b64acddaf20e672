import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterQueue, CounterSession } from '../../core/contract/hall-api.js';
import type { QueueActionName, Ticket } from '../../core/contract/queue.js';
import { useClient } from '../api/context.js';
import { currentLang } from '../i18n/i18n.js';
import { ClerkPhoto, clerkDisplayName } from '../shared/clerk.js';
import { hallToday } from '../shared/hallZone.js';
import { useLive } from '../shared/useLive.js';
import { AppointmentsPanel } from './AppointmentsPanel.js';
import { CertificatesPanel } from './certificates/CertificatesPanel.js';
import { offersCertificates } from './certificates/searchQuery.js';
import { Kbd, CurrentPanel } from './CurrentPanel.js';
import { ConflictNotice } from './ConflictNotice.js';
import { counterErrorText } from './errors.js';
import { LangSwitch } from './LangSwitch.js';
import { LinesPanel } from './LinesPanel.js';
import { PrintJobsPanel } from './PrintJobsPanel.js';
import { afterAction, afterQueue, enabledCommands, INITIAL_OFFLINE, isOffline, transferTargets } from './queueView.js';
import { commandForKey, SHORTCUTS, type CounterCommand } from './shortcuts.js';
import { useBusy } from './useBusy.js';
import { useNow, useRemote } from './useRemote.js';

/** What the last action did, said back to the clerk ("A012 已办结"). */
interface Notice {
  key: 'called' | 'recalled' | 'transferred' | 'noShow' | 'parked' | 'finished' | 'nobody' | 'finishFirst';
  number: string;
  line?: string;
}

const NOTICE: Record<QueueActionName, Notice['key']> = {
  'call-next': 'called',
  call: 'called',
  recall: 'recalled',
  transfer: 'transferred',
  'no-show': 'noShow',
  park: 'parked',
  finish: 'finished',
};

const APPOINTMENTS_EVERY_MS = 15_000;

export function OfflineBanner() {
  const { t } = useTranslation();
  return (
    <div className="offline-banner" role="alert" data-testid="offline-banner">
      <strong>{t('counter.offline.banner')}</strong>
    </div>
  );
}

export function Workbench({ session, onSignedOut }: { session: CounterSession; onSignedOut: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const now = useNow(30_000);
  const today = hallToday(session.timeZone, now);
  const queue = useRemote((signal) => client.call('counterQueue', {}, { signal }));
  const jobs = useRemote((signal) => client.call('printJobs', {}, { signal }));
  // The photo and the Latin name, as the rating screen facing the visitor shows them.
  const face = useRemote((signal) => client.call('windowClerk', {}, { signal }), session.token);
  const appointments = useRemote((signal) => client.call('listAppointments', { date: today }, { signal }), today);
  const ticketAction = useBusy();
  const printAction = useBusy();
  const signOut = useBusy();
  const [offline, setOffline] = useState(INITIAL_OFFLINE);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [transferOpen, setTransferOpen] = useState(false);
  const [confirmOut, setConfirmOut] = useState(false);
  const [side, setSide] = useState<'appointments' | 'print' | 'certificates'>('appointments');
  const numberRef = useRef<HTMLInputElement>(null);
  const q = queue.data;

  const { reload: reloadQueue } = queue;
  const { reload: reloadJobs } = jobs;
  const { reload: reloadAppointments } = appointments;
  // Today's appointments come from the central server, so they are asked for on (re)connect, after
  // booking, and on queue changes (a check-in) at most every APPOINTMENTS_EVERY_MS, not per call.
  const appointmentsAt = useRef(0);
  const refreshAppointments = useCallback(
    (force: boolean) => {
      if (!force && Date.now() - appointmentsAt.current < APPOINTMENTS_EVERY_MS) return;
      appointmentsAt.current = Date.now();
      reloadAppointments();
    },
    [reloadAppointments],
  );

  const live = useLive(
    (msg) => {
      if (msg.type !== 'queue' && msg.type !== 'status') return;
      reloadQueue();
      reloadJobs();
      if (msg.type === 'queue') refreshAppointments(false);
    },
    {
      onOpen: () => {
        reloadQueue();
        reloadJobs();
        refreshAppointments(true);
      },
    },
  );

  useEffect(() => {
    if (q) setOffline((s) => afterQueue(s, q.online));
  }, [q]);

  const act = (action: QueueActionName, busyName: string, extra: { ticketId?: string; number?: string; toService?: string } = {}) => {
    void ticketAction.run(busyName, async (signal) => {
      const res = await client.call('counterAction', { body: { action, ...extra } }, { signal });
      setOffline((s) => afterAction(s, res.offline));
      setTransferOpen(false);
      if (res.ticket) setNotice({ key: NOTICE[action], number: res.ticket.number, line: action === 'transfer' ? extra.toService : undefined });
      else setNotice({ key: 'nobody', number: '' });
      queue.reload();
    });
  };

  const setPresence = (state: 'in' | 'away') => {
    void ticketAction.run('presence', async (signal) => {
      queue.replace(await client.call('counterPresence', { body: { state } }, { signal }));
      setNotice(null);
    });
  };

  const command = (cmd: CounterCommand, data: CounterQueue) => {
    const current = data.current;
    switch (cmd) {
      case 'call-next':
        return act('call-next', cmd);
      case 'transfer':
        return setTransferOpen((o) => !o);
      case 'presence':
        return setPresence(data.presence === 'away' ? 'in' : 'away');
      case 'call-number':
        return numberRef.current?.focus();
      default:
        if (current) act(cmd, cmd, { ticketId: current.id });
    }
  };

  // Keyboard: F-keys run the buttons' commands; with the transfer chooser open a line letter picks the line.
  const latest = useRef({ q, command, act, transferOpen, busy: ticketAction.busy });
  // Layout effect: a key pressed the moment a new ticket is painted must see that ticket, not the one before.
  useLayoutEffect(() => {
    latest.current = { q, command, act, transferOpen, busy: ticketAction.busy };
  });
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      const { q: data, command: run, act: doAct, transferOpen: open, busy } = latest.current;
      if (!data) return;
      if (open) {
        if (ev.key === 'Escape') {
          ev.preventDefault();
          setTransferOpen(false);
          return;
        }
        const target = transferTargets(data).find((s) => s.code === ev.key.toUpperCase());
        const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLSelectElement || ev.target instanceof HTMLTextAreaElement;
        if (target && data.current && !typing && !busy && !ev.ctrlKey && !ev.altKey && !ev.metaKey) {
          ev.preventDefault();
          doAct('transfer', 'transfer', { ticketId: data.current.id, toService: target.code });
          return;
        }
      }
      const cmd = commandForKey(ev);
      if (!cmd) return;
      ev.preventDefault();
      if (enabledCommands(data)[cmd] && busy === null) run(cmd, data);
      else if ((cmd === 'call-next' || cmd === 'call-number') && data.current) setNotice({ key: 'finishFirst', number: data.current.number });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const doSignOut = () => {
    void signOut.run('logout', async (signal) => {
      try {
        await client.call('counterLogout', { body: {} }, { signal });
      } finally {
        // Signed out here even if the service did not answer: the next clerk must not work under this name.
        onSignedOut();
      }
    });
  };

  const readConflict = (id: string) => {
    void ticketAction.run(`conflict:${id}`, async (signal) => {
      await client.call('counterConflictRead', { id, body: {} }, { signal });
      queue.reload();
    });
  };

  const reprint = (jobId: string) => {
    void printAction.run(jobId, async (signal) => {
      await client.call('reprint', { id: jobId, body: {} }, { signal });
      jobs.reload();
    });
  };

  const staff = q?.staff ?? session.staff;
  const me = face.data?.clerk?.number === staff.number ? face.data.clerk : null;
  const staffName = clerkDisplayName({ name: staff.name, latinName: me?.latinName }, currentLang(i18n));
  const presence = q?.presence ?? 'in';

  return (
    <div className="counter-shell">
      <header className="counter-header">
        <div className="counter-id">
          <span className="counter-no" data-testid="counter-no">
            {t('counter.counterNo', { no: session.counterNo })}
          </span>
          <ClerkPhoto className="staff-photo" photo={me?.photo ?? null} name={staffName} alt={t('counter.photoOf', { name: staffName })} testId="counter-staff-photo" />
          <span className="staff" data-testid="counter-staff">
            {staffName} <span className="staff-number">{t('counter.staffNumber', { number: staff.number })}</span>
          </span>
          <span className={`presence-badge ${presence}`} data-testid="presence-state" data-state={presence}>
            {t(`counter.presence.state.${presence}`)}
          </span>
          {live !== 'open' && (
            <span className="tag" data-testid="live-state">
              {t('counter.liveReconnecting')}
            </span>
          )}
        </div>
        <div className="counter-controls">
          <button
            type="button"
            className={`btn ${presence === 'away' ? 'primary' : ''}`}
            data-testid="presence-toggle"
            disabled={!q || ticketAction.busy !== null || presence === 'out'}
            aria-busy={ticketAction.busy === 'presence'}
            aria-keyshortcuts={SHORTCUTS.presence}
            onClick={() => q && setPresence(presence === 'away' ? 'in' : 'away')}
          >
            {ticketAction.busy === 'presence' ? t('counter.busy') : t(presence === 'away' ? 'counter.presence.back' : 'counter.presence.away')} <Kbd k={SHORTCUTS.presence} />
          </button>
          <LangSwitch />
          {confirmOut ? (
            <span className="confirm" role="group" data-testid="signout-confirm">
              <span>{q?.current ? t('counter.signOut.confirmOpen', { number: q.current.number }) : t('counter.signOut.confirm')}</span>
              <button type="button" className="btn warn" data-testid="signout-yes" disabled={signOut.busy !== null} aria-busy={signOut.busy !== null} onClick={doSignOut}>
                {signOut.busy ? t('counter.busy') : t('counter.signOut.yes')}
              </button>
              <button type="button" className="btn ghost" data-testid="signout-no" onClick={() => setConfirmOut(false)}>
                {t('counter.signOut.no')}
              </button>
            </span>
          ) : (
            <button type="button" className="btn ghost" data-testid="signout" onClick={() => setConfirmOut(true)}>
              {t('counter.signOut.button')}
            </button>
          )}
        </div>
      </header>
      {isOffline(offline) && <OfflineBanner />}
      <p className="presence-hint" data-testid="presence-hint">
        {t(presence === 'away' ? 'counter.presence.awayHint' : 'counter.presence.inHint')}
      </p>

      {!q ? (
        queue.error !== undefined ? (
          <div className="load-failed" role="alert" data-testid="queue-error">
            <p>{counterErrorText(queue.error, t)}</p>
            <button type="button" className="btn" data-testid="queue-retry" onClick={queue.reload}>
              {t('counter.retry')}
            </button>
          </div>
        ) : (
          <p className="status loading">{t('status.loading')}</p>
        )
      ) : (
        <div className="counter-grid">
          <LinesPanel queue={q} now={now} />
          <div className="center-column">
            {queue.error !== undefined && (
              <p className="error-text" role="alert" data-testid="queue-error">
                {counterErrorText(queue.error, t)}
              </p>
            )}
            <ConflictNotice conflicts={q.conflicts} busy={ticketAction.busy !== null} onRead={readConflict} />
            {/* "Called A001" is not said beside the notice that this call of A001 was set aside. */}
            {notice && !q.conflicts.some((c) => c.number === notice.number) && (
              <p className="notice" role="status" data-testid="action-notice">
                {t(`counter.notice.${notice.key}`, { number: notice.number, line: notice.line })}
              </p>
            )}
            {ticketAction.error !== undefined && (
              <p className="error-text" role="alert" data-testid="action-error">
                {counterErrorText(ticketAction.error, t)}
              </p>
            )}
            <CurrentPanel
              queue={q}
              busy={ticketAction.busy}
              transferOpen={transferOpen}
              numberInputRef={numberRef}
              onCommand={(cmd) => command(cmd, q)}
              onTransfer={(code) => q.current && act('transfer', 'transfer', { ticketId: q.current.id, toService: code })}
              onCloseTransfer={() => setTransferOpen(false)}
              onCallNumber={(number) => act('call', 'call-number', { number })}
              onCallParked={(tk: Ticket) => act('call', `call:${tk.id}`, { ticketId: tk.id })}
            />
          </div>
          <div className="side-column">
            <div className="tabs" role="tablist">
              <button type="button" role="tab" className="tab" aria-selected={side === 'appointments'} data-testid="side-tab-appointments" onClick={() => setSide('appointments')}>
                {t('counter.appointment.title')}
              </button>
              <button type="button" role="tab" className="tab" aria-selected={side === 'print'} data-testid="side-tab-print" onClick={() => setSide('print')}>
                {t('counter.print.title')}
                {jobs.data?.jobs.some((j) => j.state === 'failed') && <span className="tag warn">{t('counter.print.hasFailed')}</span>}
              </button>
              <button type="button" role="tab" className="tab" aria-selected={side === 'certificates'} data-testid="side-tab-certificates" onClick={() => setSide('certificates')}>
                {t('counter.certificates.title')}
                {side !== 'certificates' && offersCertificates(q.current) && <span className="tag warn">{t('counter.certificates.tabForTicket')}</span>}
              </button>
            </div>
            {/* Both stay mounted: a half-typed booking or the code still to read out survives a look at the printer. */}
            <div role="tabpanel" hidden={side !== 'appointments'}>
              <AppointmentsPanel services={q.services} list={appointments} today={today} />
            </div>
            <div role="tabpanel" hidden={side !== 'print'}>
              <PrintJobsPanel jobs={jobs.data?.jobs} loadError={jobs.error} busy={printAction.busy} actionError={printAction.error} onReprint={(j) => reprint(j.id)} />
            </div>
            <div role="tabpanel" hidden={side !== 'certificates'}>
              <CertificatesPanel active={side === 'certificates'} current={q.current} />
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
