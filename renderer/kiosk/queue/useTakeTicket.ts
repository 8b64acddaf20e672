import { useState } from 'react';
import type { Lang } from '../../../core/contract/common.js';
import type { IssuedTicket } from '../../../core/contract/hall-api.js';
import { useClient } from '../../api/context.js';
import { printerDown } from './printer.js';
import { useAction, type Action } from './useAction.js';

export interface LineChoice {
  code: string;
  name: string;
}

/**
 * Issuing a walk-in ticket for a line, as the take-ticket screen and a procedure page do it: the
 * printer is asked afresh on every tap, and when no slip can come out the visitor is asked first
 * (`askPrinter`), then may take the ticket on screen.
 */
export function useTakeTicket(lang: Lang): {
  action: Action;
  chosen: LineChoice | null;
  askPrinter: boolean;
  issued: IssuedTicket | null;
  issue: (line: LineChoice, print: boolean) => Promise<void>;
  cancel: () => void;
} {
  const client = useClient();
  const action = useAction();
  const [chosen, setChosen] = useState<LineChoice | null>(null);
  const [askPrinter, setAskPrinter] = useState(false);
  const [issued, setIssued] = useState<IssuedTicket | null>(null);

  const issue = async (line: LineChoice, print: boolean) => {
    await action.run(async (signal) => {
      setChosen(line);
      if (print) {
        // Asked afresh on every tap: the banner's answer may be minutes old. No answer: try printing.
        // A kiosk with no printer configured goes straight on: its tickets are shown on screen.
        const status = await client.call('printerStatus', {}, { signal }).catch(() => null);
        if (status && printerDown(status)) {
          setAskPrinter(true);
          return;
        }
      }
      setIssued(await client.call('takeTicket', { body: { service: line.code, lang, print } }, { signal }));
    });
  };
  const cancel = () => {
    setAskPrinter(false);
    setChosen(null);
    action.clearError();
  };
  return { action, chosen, askPrinter, issued, issue, cancel };
}
