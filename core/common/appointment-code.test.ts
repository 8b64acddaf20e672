import { describe, expect, it } from 'vitest';
import { appointmentQr, parseAppointmentCode } from './appointment-code.js';

describe('appointment codes and their QR', () => {
  it('reads a typed code, a confirmation QR with the phone digits, and an older QR without them', () => {
    expect(parseAppointmentCode(' 135790 ')).toEqual({ code: '135790', last4: null });
    expect(parseAppointmentCode(appointmentQr('135790', '5678'))).toEqual({ code: '135790', last4: '5678' });
    expect(parseAppointmentCode('HALL-APPT:135790')).toEqual({ code: '135790', last4: null });
  });

  it('takes nothing else', () => {
    for (const text of ['13579', '1357901', '135790:5678', 'HALL-APPT:135790:567', 'HALL-OPINION:135790', 'abcdef']) expect(parseAppointmentCode(text)).toBeNull();
  });
});
