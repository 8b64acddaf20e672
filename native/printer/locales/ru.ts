import type zhCN from './zh-CN.js';

export default {
  common: {
    hall: 'Консультационная служба',
    colon: ': ',
    issuedAt: 'Выдан',
    counterArea: 'Окно',
    /** Where to go, made from the line's counter numbers (1–2, 5). */
    counterOne: 'Окно {{span}}',
    counterMany: 'Окна {{span}}',
    ahead: 'Перед вами в очереди: {{count}}',
    aheadNone: 'Перед вами никого нет, ожидайте вызова',
    keep: 'Сохраните этот талон',
    ratingCode: 'Код оценки',
    ratingCodeHint: 'После обслуживания оцените его в киоске («Оценить по талону»): введите номер и этот код или отсканируйте QR-код выше. Никому его не сообщайте.',
  },
  ticket: {
    title: 'Номер в очереди',
    service: 'Услуга',
    scanHint: 'Отсканируйте, чтобы следить за очередью и оценить обслуживание',
    offline: 'Выдан без связи с сервером. Номер действителен, ожидайте вызова.',
  },
  checkin: {
    title: 'Регистрация по записи',
    enterprise: 'Организация',
    matter: 'Вопрос',
    appointmentCode: 'Код записи',
    slot: 'Время приёма',
    scanHint: 'Отсканируйте, чтобы следить за очередью и оценить обслуживание',
  },
  checklist: {
    title: 'Перечень документов',
    procedureCode: 'Код услуги',
    material: 'Документ',
    originals: 'Ориг.',
    copies: 'Копии',
    timeLimit: 'Срок',
    office: 'Место',
    phone: 'Телефон',
    printedAt: 'Напечатано',
    scanHint: 'Отсканируйте, чтобы открыть полное руководство',
  },
  tracking: {
    title: 'Обращение принято',
    code: 'Код обращения',
    category: 'Категория',
    filedAt: 'Подано',
    deadline: 'Ответ до',
    scanHint: 'Отсканируйте или введите код, чтобы узнать статус',
  },
} satisfies typeof zhCN;
