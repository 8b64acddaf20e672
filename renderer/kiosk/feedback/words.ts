import { useTranslation } from 'react-i18next';
import type { ComplaintState, OpinionKind } from '../../../core/contract/opinions.js';

/** Literal keys, so the locale test checks every one. */
export function useKindWords(): Record<OpinionKind, string> {
  const { t } = useTranslation();
  return {
    opinion: t('kiosk.feedback.kind.opinion'),
    suggestion: t('kiosk.feedback.kind.suggestion'),
    complaint: t('kiosk.feedback.kind.complaint'),
    'leadership-letter': t('kiosk.feedback.kind.leadershipLetter'),
  };
}

export function useStateWords(): Record<ComplaintState, string> {
  const { t } = useTranslation();
  return {
    received: t('kiosk.feedback.state.received'),
    assigned: t('kiosk.feedback.state.assigned'),
    responded: t('kiosk.feedback.state.responded'),
    'fed-back': t('kiosk.feedback.state.fedBack'),
    closed: t('kiosk.feedback.state.closed'),
  };
}
