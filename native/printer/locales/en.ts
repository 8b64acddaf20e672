import type zhCN from './zh-CN.js';

export default {
  common: {
    hall: 'Consultation Service Office',
    colon: ': ',
    issuedAt: 'Issued',
    counterArea: 'Counter',
    /** Where to go, made from the line's counter numbers (1–2, 5). */
    counterOne: 'Counter {{span}}',
    counterMany: 'Counters {{span}}',
    ahead: 'People ahead of you: {{count}}',
    aheadNone: 'Nobody is ahead of you; listen for your number',
    keep: 'Please keep this slip',
    ratingCode: 'Rating code',
    ratingCodeHint: 'After your service, rate it at a kiosk ("Rate by ticket"): enter your number and this code, or scan the QR code above. Keep it to yourself.',
  },
  ticket: {
    title: 'Queue number',
    service: 'Service',
    scanHint: 'Scan to follow the queue and rate the service',
    offline: 'Issued offline: the server is unreachable right now. This number is valid; listen for your call.',
  },
  checkin: {
    title: 'Appointment check-in',
    enterprise: 'Enterprise',
    matter: 'Matter',
    appointmentCode: 'Appointment code',
    slot: 'Time slot',
    scanHint: 'Scan to follow the queue and rate the service',
  },
  checklist: {
    title: 'Materials checklist',
    procedureCode: 'Item code',
    material: 'Material',
    originals: 'Orig.',
    copies: 'Copies',
    timeLimit: 'Time limit',
    office: 'Office',
    phone: 'Phone',
    printedAt: 'Printed',
    scanHint: 'Scan for the full procedure guide',
  },
  tracking: {
    title: 'Opinion received',
    code: 'Tracking code',
    category: 'Category',
    filedAt: 'Filed',
    deadline: 'Reply by',
    scanHint: 'Scan or enter the tracking code to follow progress',
  },
} satisfies typeof zhCN;
