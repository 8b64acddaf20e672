import { sql, type Transaction } from 'kysely';
import { scrubbedPayload } from '../../core/common/event-scrub.js';
import { CERTIFICATE_EVENTS } from '../../core/contract/index.js';
import { maskPhone } from '../appointments/repository.js';
import type { ServerSchema } from '../db/schema.js';

type Tx = Transaction<ServerSchema>;

/**
 * Certificates' personal data past its retention (`before`: the start of the hall's day that many
 * days ago): a hand-over keeps kind, counter, clerk, times and the keyed ID hash, not who collected;
 * the mail keeps province, city, county and waybill, not recipient, phone, street or signer; a
 * certificate no longer waiting keeps its holder's phone masked. The raw events lose the same, by the
 * rule terminals use (core/common/event-scrub.ts). Answers how many rows changed; idempotent.
 */
export async function purgeCertificates(tx: Tx, before: Date): Promise<number> {
  let changed = 0;
  const handovers = await tx.updateTable('certificate_handovers').set({ recipient_name: '', id_last4: '' }).where('at', '<', before).where((eb) => eb.or([eb('recipient_name', '<>', ''), eb('id_last4', '<>', '')])).executeTakeFirst();
  changed += Number(handovers.numUpdatedRows);
  const mail = await tx.selectFrom('certificate_mail').select(['certificate_id', 'address', 'signer']).where('at', '<', before).where(sql<boolean>`address->>'street' <> ''`).forUpdate().execute();
  for (const m of mail) {
    const address = { ...(m.address as Record<string, unknown>), recipient: '', phone: '', street: '' };
    await tx.updateTable('certificate_mail').set({ address: JSON.stringify(address), signer: m.signer === null ? null : '' }).where('certificate_id', '=', m.certificate_id).execute();
    changed++;
  }
  const phones = await tx
    .selectFrom('certificates')
    .select(['id', 'phone'])
    .where('state', '<>', 'ready')
    .where('created_at', '<', before)
    .where('phone', 'is not', null)
    .where('phone', 'not like', '%*%')
    .forUpdate()
    .execute();
  for (const c of phones) await tx.updateTable('certificates').set({ phone: maskPhone(c.phone!).phoneMasked }).where('id', '=', c.id).execute();
  changed += phones.length;
  const raw = await tx
    .selectFrom('events')
    .select(['terminal_id', 'device_seq', 'type', 'payload'])
    .where('type', 'in', [CERTIFICATE_EVENTS.handedOver, CERTIFICATE_EVENTS.mailed, CERTIFICATE_EVENTS.mailState])
    .where('created_at', '<', before)
    .execute();
  for (const e of raw) {
    const kept = scrubbedPayload(e.type, e.payload);
    if (!kept || JSON.stringify(kept) === JSON.stringify(e.payload)) continue;
    await tx.updateTable('events').set({ payload: JSON.stringify(kept) }).where('terminal_id', '=', e.terminal_id).where('device_seq', '=', e.device_seq).execute();
    changed++;
  }
  return changed;
}
