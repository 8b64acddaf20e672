import type { SlipInput } from '../contract/print.js';

/** A valid queue ticket for tests; `number` tells jobs apart. */
export function ticketSlip(number = 'A001'): SlipInput {
  return {
    kind: 'ticket',
    lang: 'zh-CN',
    number,
    service: '对外劳务合作经营资格核准',
    counterArea: '3号窗口',
    ahead: 2,
    issuedAt: '2026-03-02T09:15:00+08:00',
    qr: `https://hall.example/t/${number}`,
  };
}
