import { z } from 'zod';
import type { Lang } from './common.js';

/** Error codes the central server answers with; stable, so a terminal can act on them. */
export const SERVER_ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'INTERNAL',
  'ENROLL_CODE_INVALID',
  'ENROLL_CODE_EXPIRED',
  'ENROLL_CODE_USED',
  'KEY_ALREADY_ENROLLED',
  'SIGNATURE_MISSING',
  'SIGNATURE_INVALID',
  'TERMINAL_UNKNOWN',
  'TERMINAL_DISABLED',
  'TIMESTAMP_OUT_OF_WINDOW',
  'NONCE_REUSED',
  'QUEUE_CONFLICT',
  'COUNTER_BUSY',
  'UNKNOWN_SERVICE',
  'LOGIN_FAILED',
  'STAFF_UNAUTHORIZED',
  'ROLE_FORBIDDEN',
  'WORKFLOW_CONFLICT',
  'TOO_MANY_ATTEMPTS',
  'APPOINTMENT_CHECKED_IN',
  'APPOINTMENT_CANCELLED',
  'URL_TOO_LONG',
  'HEADERS_TOO_LARGE',
] as const;
export const ServerErrorCode = z.enum(SERVER_ERROR_CODES);
export type ServerErrorCode = z.infer<typeof ServerErrorCode>;

export const ServerErrorBody = z.object({
  error: z.object({
    code: ServerErrorCode,
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ServerErrorBody = z.infer<typeof ServerErrorBody>;

export const SERVER_ERROR_STATUS: Record<ServerErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  INTERNAL: 500,
  ENROLL_CODE_INVALID: 401,
  ENROLL_CODE_EXPIRED: 401,
  ENROLL_CODE_USED: 409,
  KEY_ALREADY_ENROLLED: 409,
  SIGNATURE_MISSING: 401,
  SIGNATURE_INVALID: 401,
  TERMINAL_UNKNOWN: 401,
  TERMINAL_DISABLED: 403,
  TIMESTAMP_OUT_OF_WINDOW: 401,
  NONCE_REUSED: 401,
  QUEUE_CONFLICT: 409,
  COUNTER_BUSY: 409,
  UNKNOWN_SERVICE: 400,
  LOGIN_FAILED: 401,
  STAFF_UNAUTHORIZED: 401,
  ROLE_FORBIDDEN: 403,
  WORKFLOW_CONFLICT: 409,
  TOO_MANY_ATTEMPTS: 429,
  APPOINTMENT_CHECKED_IN: 409,
  APPOINTMENT_CANCELLED: 409,
  URL_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
};

/** Shown to staff on a terminal's status or enrollment screen. `{minutes}` is the wait the server fills in. */
export const SERVER_ERROR_MESSAGES: Record<Lang, Record<ServerErrorCode, string>> = {
  'zh-CN': {
    VALIDATION_FAILED: '请求内容不正确。',
    NOT_FOUND: '没有找到您要的内容。',
    INTERNAL: '中心服务器暂时出现问题，请稍后再试。',
    ENROLL_CODE_INVALID: '注册码不正确，请核对后重新输入。',
    ENROLL_CODE_EXPIRED: '注册码已过期，请向管理员索取新的注册码。',
    ENROLL_CODE_USED: '注册码已被使用，请向管理员索取新的注册码。',
    KEY_ALREADY_ENROLLED: '此终端的密钥已注册到另一台终端。',
    SIGNATURE_MISSING: '请求缺少终端签名。',
    SIGNATURE_INVALID: '终端签名无效，请求已拒绝。',
    TERMINAL_UNKNOWN: '中心服务器不认识此终端，请重新注册。',
    TERMINAL_DISABLED: '此终端已被管理员停用。',
    TIMESTAMP_OUT_OF_WINDOW: '终端时间与中心服务器相差太大，请校准时间。',
    NONCE_REUSED: '重复的请求已被拒绝。',
    QUEUE_CONFLICT: '该号已被其他窗口叫过或已办结，不能再次操作。',
    COUNTER_BUSY: '本窗口还有正在办理的号：请先办结、过号、暂挂或转移，再叫下一位。',
    UNKNOWN_SERVICE: '本大厅没有这个业务队列。',
    LOGIN_FAILED: '用户名或密码不正确。',
    STAFF_UNAUTHORIZED: '请先登录。',
    ROLE_FORBIDDEN: '您的岗位不能进行此操作。',
    WORKFLOW_CONFLICT: '当前状态下不能进行此步骤，请刷新后再试。',
    TOO_MANY_ATTEMPTS: '尝试失败次数过多，请 {minutes} 分钟后再试。',
    APPOINTMENT_CHECKED_IN: '这个预约已经签到，不能取消。',
    APPOINTMENT_CANCELLED: '这个预约已经取消了。',
    URL_TOO_LONG: '请求的地址太长。',
    HEADERS_TOO_LARGE: '请求的地址或附带信息太长。',
  },
  en: {
    VALIDATION_FAILED: 'The request is not valid.',
    NOT_FOUND: 'What you asked for was not found.',
    INTERNAL: 'The central server has a problem. Please try again later.',
    ENROLL_CODE_INVALID: 'The enrollment code is not right. Please check it and enter it again.',
    ENROLL_CODE_EXPIRED: 'The enrollment code has expired. Ask the administrator for a new one.',
    ENROLL_CODE_USED: 'The enrollment code has already been used. Ask the administrator for a new one.',
    KEY_ALREADY_ENROLLED: 'This terminal key is already enrolled for another terminal.',
    SIGNATURE_MISSING: 'The request carries no terminal signature.',
    SIGNATURE_INVALID: 'The terminal signature is not valid; the request was refused.',
    TERMINAL_UNKNOWN: 'The central server does not know this terminal. Please enroll it again.',
    TERMINAL_DISABLED: 'This terminal has been disabled by the administrator.',
    TIMESTAMP_OUT_OF_WINDOW: "The terminal's clock is too far from the central server's. Please set the time.",
    NONCE_REUSED: 'A repeated request was refused.',
    QUEUE_CONFLICT: 'That ticket has already been called by another counter or is finished.',
    COUNTER_BUSY: 'This counter is still serving a ticket: finish it, mark it as a no-show, park it or transfer it before calling the next one.',
    UNKNOWN_SERVICE: 'This hall has no such queue line.',
    LOGIN_FAILED: 'The login or password is not right.',
    STAFF_UNAUTHORIZED: 'Please sign in first.',
    ROLE_FORBIDDEN: 'Your role may not do this.',
    WORKFLOW_CONFLICT: 'This step is not possible in the current state. Refresh and try again.',
    TOO_MANY_ATTEMPTS: 'Too many failed attempts. Please try again in {minutes} min.',
    APPOINTMENT_CHECKED_IN: 'This appointment has already been checked in and can no longer be cancelled.',
    APPOINTMENT_CANCELLED: 'This appointment has already been cancelled.',
    URL_TOO_LONG: 'The address of the request is too long.',
    HEADERS_TOO_LARGE: 'The address or the headers of the request are too long.',
  },
  ru: {
    VALIDATION_FAILED: 'Запрос составлен неверно.',
    NOT_FOUND: 'Ничего не найдено.',
    INTERNAL: 'На центральном сервере произошла ошибка. Повторите попытку позже.',
    ENROLL_CODE_INVALID: 'Неверный код регистрации. Проверьте его и введите снова.',
    ENROLL_CODE_EXPIRED: 'Срок действия кода регистрации истёк. Попросите у администратора новый код.',
    ENROLL_CODE_USED: 'Код регистрации уже использован. Попросите у администратора новый код.',
    KEY_ALREADY_ENROLLED: 'Ключ этого терминала уже зарегистрирован для другого терминала.',
    SIGNATURE_MISSING: 'В запросе нет подписи терминала.',
    SIGNATURE_INVALID: 'Подпись терминала недействительна; запрос отклонён.',
    TERMINAL_UNKNOWN: 'Центральный сервер не знает этот терминал. Зарегистрируйте его заново.',
    TERMINAL_DISABLED: 'Этот терминал отключён администратором.',
    TIMESTAMP_OUT_OF_WINDOW: 'Часы терминала слишком расходятся с часами центрального сервера. Установите время.',
    NONCE_REUSED: 'Повторный запрос отклонён.',
    QUEUE_CONFLICT: 'Этот талон уже вызван другим окном или обслужен.',
    COUNTER_BUSY: 'Это окно ещё обслуживает талон: завершите его, отметьте неявку, отложите или переведите, прежде чем вызывать следующий.',
    UNKNOWN_SERVICE: 'В этом зале нет такой очереди.',
    LOGIN_FAILED: 'Неверное имя пользователя или пароль.',
    STAFF_UNAUTHORIZED: 'Сначала войдите в систему.',
    ROLE_FORBIDDEN: 'Вашей роли это действие не разрешено.',
    WORKFLOW_CONFLICT: 'В текущем состоянии этот шаг невозможен. Обновите страницу и повторите.',
    TOO_MANY_ATTEMPTS: 'Слишком много неудачных попыток. Повторите через {minutes} мин.',
    APPOINTMENT_CHECKED_IN: 'По этой записи уже отметились, отменить её нельзя.',
    APPOINTMENT_CANCELLED: 'Эта запись уже отменена.',
    URL_TOO_LONG: 'Адрес запроса слишком длинный.',
    HEADERS_TOO_LARGE: 'Адрес или заголовки запроса слишком длинные.',
  },
};

/** Thrown in the server below the HTTP layer; the server turns it into a ServerErrorBody. */
export class ServerError extends Error {
  constructor(
    readonly code: ServerErrorCode,
    readonly details?: { path: string; message: string }[],
    /** TOO_MANY_ATTEMPTS: how long to wait; sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = 'ServerError';
  }
}
